import { readFileSync } from 'node:fs';

/**
 * The official geography (INSEE codes, EPCI membership) as published by Etalab in
 * `@etalab/decoupage-administratif`: offline data, no download at run time. Its own entry point
 * parses every file at require time (12 MB of JSON, arrondissements and EPT included), so we read
 * the files we need ourselves, each once per process and only when first asked: the small
 * départements and régions files for codes most callers use, the large communes and EPCI files only
 * when a commune, an EPCI, a name or a département's contents is asked for. The parsed arrays are
 * dropped once indexed; only the compact maps below stay in memory.
 */
const PACKAGE = '@etalab/decoupage-administratif';

interface RawRegion {
  code: string;
  nom: string;
  zone: string;
}
interface RawDepartement {
  code: string;
  nom: string;
  region: string;
  zone: string;
}

export interface Areas {
  /** Région INSEE code (without the R) → name; metropolitan and overseas régions only. */
  regions: ReadonlyMap<string, string>;
  /** Département code → name and région code; the 101 départements, no overseas collectivities. */
  departements: ReadonlyMap<string, { name: string; region: string }>;
}

export interface CommuneEntry {
  name: string;
  departement: string;
  /** SIREN of the EPCI the commune belongs to; null for the few communes outside any (islands). */
  epci: string | null;
}

export interface EpciEntry {
  name: string;
  communes: readonly string[];
  departements: readonly string[];
}

export interface Localities {
  communes: ReadonlyMap<string, CommuneEntry>;
  epci: ReadonlyMap<string, EpciEntry>;
  /** Département → its communes' codes, and the EPCI with at least one commune in it. */
  communesIn: ReadonlyMap<string, readonly string[]>;
  epciIn: ReadonlyMap<string, readonly string[]>;
}

function readData<T>(file: string): T {
  return JSON.parse(readFileSync(require.resolve(`${PACKAGE}/data/${file}.json`), 'utf8')) as T;
}

let areas: Areas | null = null;
let localities: Localities | null = null;

/** Départements and régions (France's overseas collectivities such as 975 are no territory here). */
export function officialAreas(): Areas {
  if (areas) return areas;
  const regions = new Map<string, string>();
  for (const region of readData<RawRegion[]>('regions')) {
    if (region.zone !== 'com') regions.set(region.code, region.nom);
  }
  const departements = new Map<string, { name: string; region: string }>();
  for (const departement of readData<RawDepartement[]>('departements')) {
    if (regions.has(departement.region)) {
      departements.set(departement.code, { name: departement.nom, region: departement.region });
    }
  }
  areas = { regions, departements };
  return areas;
}

/** Current communes (no former or delegated ones, no municipal arrondissements) and their EPCI. */
export function officialLocalities(): Localities {
  if (localities) return localities;
  const { departements } = officialAreas();
  const communes = new Map<string, CommuneEntry>();
  const communesIn = new Map<string, string[]>();
  for (const commune of scan(readRaw('communes'), COMMUNE_FIELDS)) {
    const [code, name, departement, type] = commune;
    if (type !== 'commune-actuelle' || !departements.has(departement)) continue;
    communes.set(code, { name: utf8(name), departement, epci: null });
    push(communesIn, departement, code);
  }
  const epci = new Map<string, EpciEntry>();
  const epciIn = new Map<string, string[]>();
  let current: { code: string; name: string; communes: string[] } | null = null;
  const close = () => {
    if (!current || current.communes.length === 0) return;
    const inside = [...new Set(current.communes.map((code) => communes.get(code)!.departement))];
    epci.set(current.code, {
      name: utf8(current.name),
      communes: current.communes,
      departements: inside,
    });
    for (const code of current.communes) communes.get(code)!.epci = current.code;
    for (const departement of inside) push(epciIn, departement, current.code);
  };
  // An EPCI's members follow it in the file: a 9-digit code opens an EPCI, 5-character ones are its communes.
  for (const [code, name, member] of scan(readRaw('epci'), EPCI_FIELDS)) {
    if (code) {
      close();
      current = { code, name, communes: [] };
    } else if (current && communes.has(member)) current.communes.push(member);
  }
  close();
  if (communes.size < 30_000 || epci.size < 1_000) {
    throw new Error(
      `${PACKAGE}: ${communes.size} communes and ${epci.size} EPCI read; its data files changed shape`,
    );
  }
  localities = { communes, epci, communesIn, epciIn };
  return localities;
}

/*
 * The two large files (8.6 and 4 MB) are scanned rather than parsed: JSON.parse builds every
 * field of every record (postcodes, populations, former communes) only for us to drop them, which
 * costs about three times the CPU. They are read as latin1 so that the scan sees bytes (JSON's
 * syntax is ASCII, so a UTF-8 name never hides a quote or a brace); names are decoded one by one.
 * The load checks the counts, so a change of the files' shape fails loudly instead of losing places.
 */
const COMMUNE_FIELDS =
  /"code":"([0-9AB]{5})","nom":"((?:[^"\\]|\\.)*)"[^}]*?"departement":"(\w+)"[^}]*?"type":"([a-z-]+)"/g;
const EPCI_FIELDS = /"code":"(\d{9})","nom":"((?:[^"\\]|\\.)*)"|\{"code":"([0-9AB]{5})"/g;

function readRaw(file: string): string {
  return readFileSync(require.resolve(`${PACKAGE}/data/${file}.json`), 'latin1');
}

function* scan(text: string, fields: RegExp): Generator<string[]> {
  for (const match of text.matchAll(fields)) yield match.slice(1);
}

/** A scanned name as JavaScript text: UTF-8 decoded, JSON escapes (\\") undone. */
function utf8(latin1: string): string {
  const text = Buffer.from(latin1, 'latin1').toString('utf8');
  return text.includes('\\') ? (JSON.parse(`"${text}"`) as string) : text;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
