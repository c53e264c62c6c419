import * as chrono from 'chrono-node';
import type { CallDeadline } from '../call/normalised-call';
import { isoDay, machineDateToParisDay, toReferenceDate } from './paris-date.util';

export interface DeadlineExtraction {
  /** Sorted by date; several when the call has rounds. */
  deadlines: CallDeadline[];
  /** "Au fil de l'eau": applications accepted continuously. */
  rolling: boolean;
  opensAt: string | null;
}

export interface DateExtractionOptions {
  /** "Today" for year inference ("avant le 15 avril" is the next 15 April); default now. */
  referenceDate?: Date | string;
}

const ROLLING =
  /au fil de l'eau|\ben continu\b|sans date limite|pas de date limite|aucune date limite|d[ée]p[ôo]t (?:des dossiers )?permanent|candidatures? permanentes?|tout au long de l'ann[ée]e|^\s*permanente?\s*$/im;

const ROUND_LABEL =
  /(?:\b(\d{1,2})\s*(?:re|ère|er|e|ème|eme|nde|nd)|\b(premi[èe]re|deuxi[èe]me|seconde|troisi[èe]me|quatri[èe]me))\s+(session|vague|rel[èe]ve|p[ée]riode|fen[êe]tre|appel|date limite|tour)\b|\b(session|vague|rel[èe]ve|tour)\s+(?:n°\s*)?(\d{1,2})\b/gi;

const DEADLINE_KEYWORDS = [
  'date limite(?: de (?:d[ée]p[ôo]t|candidature|r[ée]ception|remise|soumission))?(?: des (?:dossiers|candidatures|projets))?',
  "cl[ôo]tur[ée]e? (?:de l'appel|des candidatures|des d[ée]p[ôo]ts|le)?",
  'cl[ôo]ture',
  "jusqu'(?:au|à)",
  'avant le',
  'au plus tard(?: le)?',
  'date butoir',
  'date de (?:fin|cl[ôo]ture)',
  '[ée]ch[ée]ance',
  'deadline',
  "fin (?:de l'appel|des candidatures|du d[ée]p[ôo]t)",
];
const OPENING_KEYWORDS = [
  "ouverture(?: de l'appel| des candidatures| des d[ée]p[ôo]ts)?(?: le)?",
  'à partir du',
  'à compter du',
  "date d'ouverture",
  'date de d[ée]but',
  'ouvert le',
];

const KEYWORDS = new RegExp(
  `(${DEADLINE_KEYWORDS.join('|')})|(${OPENING_KEYWORDS.join('|')})`,
  'gi',
);
const WINDOW = 90;
const MAX_DISTANCE = 30;

interface Marker {
  index: number;
  end: number;
  kind: 'deadline' | 'opening' | 'round';
  label?: string;
}

/** Deadlines, opening date and "au fil de l'eau" from French prose; never throws. */
export function extractDeadlines(
  text: string | null | undefined,
  options: DateExtractionOptions = {},
): DeadlineExtraction {
  const empty: DeadlineExtraction = { deadlines: [], rolling: false, opensAt: null };
  if (!text) return empty;
  try {
    const reference = toReferenceDate(options.referenceDate);
    const normalised = normalise(text);
    const markers = findMarkers(normalised);
    const deadlines: CallDeadline[] = [];
    let opensAt: string | null = null;
    markers.forEach((marker, i) => {
      const next = markers[i + 1];
      const stop = Math.min(
        marker.end + WINDOW,
        next && next.kind !== 'deadline' ? next.index : Infinity,
        normalised.length,
      );
      const found = firstDate(normalised.slice(marker.end, Math.max(stop, marker.end)), reference);
      if (!found) return;
      if (marker.kind === 'opening') {
        opensAt ??= found.date;
        return;
      }
      if (found.rangeEnd) {
        opensAt ??= found.date;
        deadlines.push({
          date: found.rangeEnd.date,
          ...(found.rangeEnd.time ? { time: found.rangeEnd.time } : {}),
          ...labelOf(marker),
        });
        return;
      }
      deadlines.push({
        date: found.date,
        ...(found.time ? { time: found.time } : {}),
        ...labelOf(marker),
      });
    });
    return { deadlines: dedupe(deadlines, opensAt), rolling: ROLLING.test(normalised), opensAt };
  } catch {
    return empty;
  }
}

/**
 * One date given on its own, in a field meant to hold it: machine formats first
 * (ISO, YYYYMMDD, RFC 822), then French prose ("15 avril 2022", "31/01/2027 à 12h").
 */
export function parseFrenchDate(
  value: string | null | undefined,
  options: DateExtractionOptions = {},
): { date: string; time?: string } | null {
  if (!value) return null;
  try {
    const machine = machineDateToParisDay(value);
    if (machine) return { date: machine };
    const found = firstDate(normalise(value), toReferenceDate(options.referenceDate), Infinity);
    if (!found) return null;
    const chosen = found.rangeEnd ?? found;
    return { date: chosen.date, ...(chosen.time ? { time: chosen.time } : {}) };
  } catch {
    return null;
  }
}

function normalise(text: string): string {
  return text
    .replace(/[’‘`]/g, "'")
    .replace(/[\u00a0\u202f\t]/g, ' ')
    .replace(/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, '$1/$2/$3')
    .replace(/\b1\s*(?:er|ᵉʳ)\b/g, '1er');
}

function findMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const match of text.matchAll(KEYWORDS)) {
    markers.push({
      index: match.index,
      end: match.index + match[0].length,
      kind: match[1] ? 'deadline' : 'opening',
    });
  }
  for (const match of text.matchAll(ROUND_LABEL)) {
    markers.push({
      index: match.index,
      end: match.index + match[0].length,
      kind: 'round',
      label: roundLabel(match),
    });
  }
  markers.sort((a, b) => a.index - b.index || b.end - a.end);
  // A keyword inside a round's window ("1re session : date limite le …") belongs to the round.
  return markers.filter((marker, i) => {
    const previous = markers[i - 1];
    return !(
      previous &&
      previous.kind === 'round' &&
      marker.kind === 'deadline' &&
      marker.index - previous.end < 20
    );
  });
}

function roundLabel(match: RegExpMatchArray): string {
  const ordinals: Record<string, number> = {
    premiere: 1,
    première: 1,
    deuxieme: 2,
    deuxième: 2,
    seconde: 2,
    troisieme: 3,
    troisième: 3,
    quatrieme: 4,
    quatrième: 4,
  };
  const number = match[1] ?? match[5] ?? String(ordinals[(match[2] ?? '').toLowerCase()] ?? '');
  const noun = (match[3] ?? match[4]).toLowerCase();
  const suffix =
    number === '1'
      ? /vague|session|rel[èe]ve|date limite|fen[êe]tre|p[ée]riode/.test(noun)
        ? 're'
        : 'er'
      : 'e';
  return `${number}${suffix} ${noun}`;
}

function labelOf(marker: Marker): { label?: string } {
  return marker.kind === 'round' && marker.label ? { label: marker.label } : {};
}

interface FoundDate {
  date: string;
  time?: string;
  rangeEnd?: { date: string; time?: string };
}

function firstDate(window: string, reference: Date, maxDistance = MAX_DISTANCE): FoundDate | null {
  const results = chrono.fr.parse(window, reference, { forwardDate: true });
  for (const result of results) {
    if (result.index > maxDistance) return null;
    const start = componentsToDate(result.start);
    if (!start) continue;
    const end = result.end ? componentsToDate(result.end) : null;
    return end && end.date > start.date ? { ...start, rangeEnd: end } : start;
  }
  return null;
}

function componentsToDate(
  components: chrono.ParsedComponents,
): { date: string; time?: string } | null {
  // A bare weekday or hour is not a deadline: a day and a month must be written.
  if (!components.isCertain('day') || !components.isCertain('month')) return null;
  const date = isoDay(
    components.get('year') ?? 0,
    components.get('month') ?? 0,
    components.get('day') ?? 0,
  );
  if (!date) return null;
  if (!components.isCertain('hour')) return { date };
  const time = `${String(components.get('hour')).padStart(2, '0')}:${String(components.get('minute') ?? 0).padStart(2, '0')}`;
  return { date, time };
}

function dedupe(deadlines: CallDeadline[], opensAt: string | null): CallDeadline[] {
  const byDate = new Map<string, CallDeadline>();
  for (const deadline of deadlines) {
    if (deadline.date === opensAt && !deadline.label) continue;
    const existing = byDate.get(deadline.date);
    byDate.set(deadline.date, {
      date: deadline.date,
      ...((existing?.time ?? deadline.time) ? { time: existing?.time ?? deadline.time } : {}),
      ...((existing?.label ?? deadline.label) ? { label: existing?.label ?? deadline.label } : {}),
    });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The machine-readable form of a recurrence field ("Permanente") or a prose sentence. */
export function isRollingText(text: string | null | undefined): boolean {
  return !!text && ROLLING.test(normalise(text));
}
