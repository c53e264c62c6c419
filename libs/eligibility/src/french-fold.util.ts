/**
 * Lower case, no accents, one kind of apostrophe, dash and space, with exactly one UTF-16 unit
 * out per unit in: indices in the folded text are indices in the original, so the original
 * words can be quoted back to users.
 */
export function foldFrench(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    out += foldUnit(text[i]);
  }
  return out;
}

function foldUnit(unit: string): string {
  // Line breaks stay: a line that is not a bullet ends a list of beneficiaries.
  if (unit === '\n') return '\n';
  if (/\s/.test(unit)) return ' ';
  if (/['’ʼ‘`´]/.test(unit)) return "'";
  if (/[‐‑‒–—]/.test(unit)) return '-';
  const base = unit.normalize('NFD')[0].toLowerCase();
  if (base.length === 1) return base;
  const lower = unit.toLowerCase();
  return lower.length === 1 ? lower : unit;
}

const FUNCTION_WORDS = new Set([
  'a',
  'au',
  'aux',
  'd',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'ou',
  'par',
  'pour',
  'sur',
]);

/**
 * A regex source matching a vocabulary term in folded text: spaces stretch, apostrophes may be
 * followed by a space, hyphens may be a space or nothing; with `plural`, each content word may
 * take -s or -x (so « exploitant agricole » finds « exploitants agricoles »).
 */
export function termPattern(term: string, plural: boolean): string {
  const words = foldFrench(term.trim()).split(/\s+/);
  const parts = words.map((word) => {
    const escaped = word
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/'/g, "'\\s?")
      .replace(/-/g, '[- ]?');
    const bare = word.replace(/^[a-z]'/, '');
    const pluralisable =
      plural && /[a-z]$/.test(word) && !/[sx]$/.test(word) && !FUNCTION_WORDS.has(bare);
    return pluralisable ? `${escaped}[sx]?` : escaped;
  });
  // « Bénéficiaires: » and « Bénéficiaires : » alike: a space before punctuation is optional.
  const joined = parts.reduce((acc, part, i) =>
    i === 0 ? part : `${acc}${/^[a-z0-9]/.test(words[i]) ? '\\s+' : '\\s*'}${part}`,
  );
  return `(?<![\\p{L}\\p{N}])${joined}(?![\\p{L}\\p{N}])`;
}
