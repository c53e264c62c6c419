import { ENGLISH_STOP_WORDS, FRENCH_MARKER_WORDS } from './french-text.constants';

const SAMPLE_LENGTH = 3000;
const MIN_MARKERS = 6;

/**
 * A guess at whether a text is not French, from function words (cheap, no model): returns the
 * suspected language ("anglais", "écriture non latine") or null when the text looks French or
 * is too short to tell.
 */
export function guessNonFrench(text: string): string | null {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters >= 40 && latin / letters < 0.5) return 'écriture non latine';
  let english = 0;
  let french = 0;
  for (const word of sample.toLowerCase().split(/[^\p{L}]+/u)) {
    if (ENGLISH_STOP_WORDS.has(word)) english++;
    else if (FRENCH_MARKER_WORDS.has(word)) french++;
  }
  if (english + french < MIN_MARKERS) return null;
  return english > 2 * french ? 'anglais' : null;
}
