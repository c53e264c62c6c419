/**
 * Lower-case, accents removed, every non-alphanumeric run turned into one space, padded with
 * spaces: « Médiation numérique ! » → " mediation numerique ". Keywords and texts normalised
 * the same way compare by substring on word boundaries.
 */
export function normaliseText(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return folded ? ` ${folded} ` : ' ';
}
