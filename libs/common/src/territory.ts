import { officialAreas, officialLocalities } from './official-geography.util';

/**
 * French territories by official code, from the INSEE geography published by Etalab
 * (`@etalab/decoupage-administratif`, see official-geography.util.ts). Communes keep their INSEE
 * code ("63113", "2A004"), EPCI their SIREN ("246300701"), départements their code ("75", "2A",
 * "971"); régions are written with an R prefix ("R84") because their codes collide with
 * départements' ("75" is Paris and Nouvelle-Aquitaine). "FR" is the whole country. A perimeter
 * with no code of its own (a LEADER GAL, a pays) is the list of its EPCI and communes.
 */
export type TerritoryLevel = 'country' | 'region' | 'department' | 'epci' | 'commune';

export interface Territory {
  code: string;
  level: TerritoryLevel;
  name?: string;
  /** For a commune: its département, so that namesakes can be told apart. */
  departement?: string;
}

const COMMUNE = /^(\d{5}|2[AB]\d{3})$/;
const EPCI = /^\d{9}$/;

/** Parses one code; returns null when it is not a known territory. */
export function parseTerritory(raw: string): Territory | null {
  const code = raw.trim().toUpperCase();
  if (code === 'FR') return { code, level: 'country', name: 'France' };
  // Communes and EPCI are read from the large files only when such a code is asked for.
  if (COMMUNE.test(code)) {
    const commune = officialLocalities().communes.get(code);
    return commune
      ? { code, level: 'commune', name: commune.name, departement: commune.departement }
      : null;
  }
  if (EPCI.test(code)) {
    const epci = officialLocalities().epci.get(code);
    return epci ? { code, level: 'epci', name: epci.name } : null;
  }
  const { regions, departements } = officialAreas();
  if (/^R\d{2}$/.test(code)) {
    const name = regions.get(code.slice(1));
    return name ? { code, level: 'region', name } : null;
  }
  const department = /^\d$/.test(code) ? `0${code}` : code;
  const entry = departements.get(department);
  return entry ? { code: department, level: 'department', name: entry.name } : null;
}

/** Normalises a list of codes; throws with the first unknown one named. */
export function normaliseTerritories(codes: string[]): string[] {
  const result: string[] = [];
  for (const raw of codes) {
    const territory = parseTerritory(raw);
    if (!territory) {
      throw new RangeError(
        `Code territoire inconnu « ${raw} » / unknown territory code "${raw}" (expected a commune such as 63113, an EPCI SIREN such as 246300701, a département such as 75 or 2A, a région such as R84, or FR)`,
      );
    }
    if (!result.includes(territory.code)) result.push(territory.code);
  }
  return result;
}

/** The région (R-prefixed) a département belongs to. */
export function regionOf(departmentCode: string): string | null {
  const region = officialAreas().departements.get(departmentCode)?.region;
  return region ? `R${region}` : null;
}

/**
 * The territories inside a place, each a code a call may be published for: a région's
 * départements, EPCI and communes; a département's EPCI (those with a commune in it) and communes;
 * an EPCI's communes. Empty for a commune, for FR (everything would be inside) and for unknown codes.
 */
export function territoriesInside(place: string): string[] {
  const territory = parseTerritory(place);
  if (!territory) return [];
  if (territory.level === 'region') {
    const region = territory.code.slice(1);
    const inside = [...officialAreas().departements]
      .filter(([, entry]) => entry.region === region)
      .map(([code]) => code);
    return unique([...inside, ...inside.flatMap((code) => territoriesInside(code))]);
  }
  if (territory.level === 'department') {
    const { epciIn, communesIn } = officialLocalities();
    return [...(epciIn.get(territory.code) ?? []), ...(communesIn.get(territory.code) ?? [])];
  }
  if (territory.level === 'epci')
    return [...officialLocalities().epci.get(territory.code)!.communes];
  return [];
}

/**
 * The codes a call's territory may hold for it to concern someone in `place`: the place itself,
 * every territory holding it (a commune's EPCI, its département, its région, FR), and, for a
 * département or an EPCI, the territories inside it (a call for Thiers concerns an EPN of the
 * Puy-de-Dôme). A région or FR does not take in the calls of its parts: that is a watch profile's
 * choice (see the watch lib). Null when the place is not a known territory. Lets a query match
 * in SQL (`territoryOverlapSql`) instead of testing each call in the process.
 */
export function territoriesCovering(place: string): string[] | null {
  const territory = parseTerritory(place);
  if (!territory) return null;
  const cached = COVERING.get(territory.code);
  if (cached) return [...cached];
  const codes = unique([territory.code, ...holders(territory), 'FR', ...insideOf(territory)]);
  COVERING.set(territory.code, codes);
  return [...codes];
}

/**
 * A SQL condition, true when the text[] `column` (a call's territory) holds one of the codes bound
 * at `param` (a text[] parameter, e.g. `territoriesCovering`'s list). `column && param` compares
 * every pair (a département's list is about 480 codes, a région-wide watch's over 4,000: 25 s to
 * page through 100,000 calls), so a long list is looked up with `= ANY`, which PostgreSQL 14+
 * hashes once the parameter is bound (from 9 elements); a short list keeps the plain overlap.
 * `codes` is the list that will be bound (null: none), to pick the form.
 */
export function territoryOverlapSql(
  column: string,
  param: string,
  codes: readonly string[] | null,
): string {
  return codes && codes.length > 8
    ? `EXISTS (SELECT 1 FROM unnest(${column}) AS call_territory(code) WHERE call_territory.code = ANY(${param}))`
    : `${column} && ${param}`;
}

// At most one entry per known territory, each a few codes (a few hundred for a département).
const COVERING = new Map<string, readonly string[]>();
const COVERING_SETS = new Map<string, ReadonlySet<string>>();

function holders(territory: Territory): string[] {
  switch (territory.level) {
    case 'country':
    case 'region':
      return [];
    case 'department':
      return [regionOf(territory.code)!];
    case 'epci': {
      const departements = officialLocalities().epci.get(territory.code)!.departements;
      return [...departements, ...departements.map((code) => regionOf(code)!)];
    }
    case 'commune': {
      const commune = officialLocalities().communes.get(territory.code)!;
      const epci = commune.epci ? [commune.epci] : [];
      return [...epci, commune.departement, regionOf(commune.departement)!];
    }
  }
}

function insideOf(territory: Territory): string[] {
  return territory.level === 'department' || territory.level === 'epci'
    ? territoriesInside(territory.code)
    : [];
}

/**
 * Whether a call published for `callTerritory` concerns someone in `place` (see
 * `territoriesCovering`): a national call concerns everyone, a régional call the départements and
 * communes inside it, a call for a commune the département and the EPCI that hold it.
 */
export function territoryCovers(callTerritory: string, place: string): boolean {
  let covering = COVERING_SETS.get(place);
  if (!covering) {
    const codes = territoriesCovering(place);
    if (!codes) return false;
    covering = new Set(codes);
    COVERING_SETS.set(place, covering);
  }
  return covering.has(callTerritory);
}

/**
 * The département codes a list of territories touches: all of them for FR, a région's, an EPCI's
 * communes' départements, a commune's. In the official order (01 … 95, 971 … 976), each once.
 * Throws naming the first unknown code.
 */
export function departementsOf(codes: string[]): string[] {
  const touched = new Set<string>();
  const { departements } = officialAreas();
  for (const code of normaliseTerritories(codes)) {
    const territory = parseTerritory(code)!;
    if (territory.level === 'country') return [...departements.keys()];
    if (territory.level === 'region') {
      for (const [departement, entry] of departements) {
        if (`R${entry.region}` === territory.code) touched.add(departement);
      }
    } else if (territory.level === 'department') touched.add(territory.code);
    else if (territory.level === 'commune') touched.add(territory.departement!);
    else {
      for (const departement of officialLocalities().epci.get(territory.code)!.departements) {
        touched.add(departement);
      }
    }
  }
  return [...departements.keys()].filter((code) => touched.has(code));
}

export type TerritoryNameLookup =
  | { kind: 'found'; territory: Territory }
  | { kind: 'ambiguous'; candidates: Territory[] }
  | { kind: 'unknown' };

/**
 * Finds a territory by its name as people write it (« Puy-de-Dôme », « Région Occitanie »,
 * « Clermont Auvergne Métropole », « communauté de communes Thiers Dore et Montagne », « thiers »):
 * accents, case, hyphens and apostrophes do not matter. A région's or département's name wins over
 * a commune's (« Paris », « Vienne »: write 75056 or 38544 for the communes). Several communes of
 * one name are ambiguous: the caller must ask for the code, naming the candidates.
 */
export function findTerritoryByName(name: string): TerritoryNameLookup {
  const key = nameKey(name);
  if (!key) return { kind: 'unknown' };
  const area = areaNames().get(key.replace(AREA_PREFIX, ''));
  if (area) return { kind: 'found', territory: parseTerritory(area)! };
  const codes = localityNames().get(epciKey(key)) ?? localityNames().get(`~${key}`) ?? [];
  const candidates = codes.map((code) => parseTerritory(code)!);
  if (candidates.length === 0) return { kind: 'unknown' };
  if (candidates.length === 1) return { kind: 'found', territory: candidates[0] };
  return { kind: 'ambiguous', candidates };
}

/** The French refusal of an ambiguous name, naming each candidate's code and département. */
export function ambiguousTerritoryMessage(name: string, candidates: Territory[]): string {
  const departements = officialAreas().departements;
  const listed = candidates.map((candidate) => {
    const where = candidate.departement
      ? ` (${departements.get(candidate.departement)?.name ?? candidate.departement})`
      : ` (${candidate.name})`;
    return `${candidate.code}${where}`;
  });
  return `« ${name.trim()} » désigne plusieurs territoires : ${listed.join(', ')}. Indiquez le code voulu.`;
}

const AREA_PREFIX = /^(region|departement( (de la|du|de l|des|de|d))?)\s+/;

/** Lower case, no accents, words separated by one space: « Saint-Rémy-sur-Durolle » = « saint remy sur durolle ». */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The data abbreviates EPCI kinds (« CC Thiers Dore et Montagne »); people often spell them out. */
function epciKey(key: string): string {
  return key
    .replace(/^communaute de communes /, 'cc ')
    .replace(/^communaute d agglomeration /, 'ca ')
    .replace(/^communaute urbaine /, 'cu ');
}

let areaNameIndex: Map<string, string> | null = null;
let localityNameIndex: Map<string, string[]> | null = null;

function areaNames(): Map<string, string> {
  if (areaNameIndex) return areaNameIndex;
  const index = new Map<string, string>();
  const { regions, departements } = officialAreas();
  // An overseas région and its single département share a name (« La Réunion »): the
  // département wins, as the narrower of two equal areas.
  for (const [code, name] of regions) index.set(nameKey(name), `R${code}`);
  for (const [code, entry] of departements) index.set(nameKey(entry.name), code);
  // Common short names of régions and départements.
  index.set('reunion', '974');
  index.set('region sud', 'R93');
  index.set('paca', 'R93');
  index.set('idf', 'R11');
  areaNameIndex = index;
  return index;
}

function localityNames(): Map<string, string[]> {
  if (localityNameIndex) return localityNameIndex;
  const index = new Map<string, string[]>();
  const add = (key: string, code: string) => {
    const codes = index.get(key);
    if (!codes) index.set(key, [code]);
    else if (!codes.includes(code)) codes.push(code);
  };
  const { communes, epci } = officialLocalities();
  for (const [code, commune] of communes) add(nameKey(commune.name), code);
  for (const [code, entry] of epci) {
    const key = nameKey(entry.name);
    add(key, code);
    // « CC de l'Est Lyonnais (CCEL) » is also found without its acronym.
    const bare = nameKey(entry.name.replace(/\([^)]*\)/g, ''));
    if (bare !== key) add(bare, code);
    // « Thiers Dore et Montagne », « Massif du Sancy »: the name without its kind, looked up
    // only when no commune or EPCI bears the name as typed.
    const unprefixed = bare.replace(/^(cc|ca|cu) ((du|de la|des|de l|de|d) )?/, '');
    if (unprefixed !== bare) add(`~${unprefixed}`, code);
  }
  localityNameIndex = index;
  return index;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
