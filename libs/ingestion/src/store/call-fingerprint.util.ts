import type { NormalisedCall } from '../call/normalised-call';

/** Words that differ between two publications of one call without changing what it is. */
const STOP_WORDS = new Set([
  'a',
  'au',
  'aux',
  'de',
  'des',
  'du',
  'd',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'pour',
  'sur',
  'un',
  'une',
  'appel',
  'appels',
  'projet',
  'projets',
  'aap',
  'ami',
  'manifestation',
  'interet',
  'edition',
]);

/** Title folded for comparison: no accents, no case, no punctuation, no filler words. */
export function titleTokens(title: string): string[] {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && !STOP_WORDS.has(word));
}

export function firstDeadline(call: Pick<NormalisedCall, 'deadlines'>): string | null {
  return call.deadlines.reduce<string | null>(
    (first, d) => (first === null || d.date < first ? d.date : first),
    null,
  );
}

/**
 * How duplicates across sources are recognised: the folded title plus the first deadline.
 * Funders are left out on purpose: an aggregator names "ANCT" where the région writes the
 * agency's full name. Calls without a deadline still get a key ("none"), so two rolling
 * calls with the same title on two sources are grouped too.
 */
export function callFingerprint(call: Pick<NormalisedCall, 'title' | 'deadlines'>): string {
  return `${firstDeadline(call) ?? 'none'}|${titleTokens(call.title).join(' ')}`;
}

/** The part of a fingerprint shared by candidates for the similarity rule. */
export function fingerprintPrefix(fingerprint: string): string {
  return fingerprint.slice(0, fingerprint.indexOf('|') + 1);
}

/**
 * The fallback rule when the folded titles differ slightly ("Fabriques numériques de territoire"
 * vs "Fabrique numérique de territoire : AMI 2027"): same first deadline (checked by the caller)
 * and a Jaccard similarity of the title words of at least 0.8.
 */
export function similarTitles(a: string, b: string): boolean {
  const left = new Set(a.split(' ').filter(Boolean).map(stem));
  const right = new Set(b.split(' ').filter(Boolean).map(stem));
  if (left.size === 0 || right.size === 0) return false;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared) >= SIMILARITY_THRESHOLD;
}

export const SIMILARITY_THRESHOLD = 0.8;

/** Plural and feminine endings only: "fabriques numeriques" and "fabrique numerique" agree. */
function stem(word: string): string {
  return word.length > 4 ? word.replace(/[sx]$/, '') : word;
}
