/**
 * The folded text of a call as indexed by `ix_call_search_text` (migration AddCallTextSearch):
 * a query must repeat this exact expression for PostgreSQL to use the trigram index.
 */
export const CALL_SEARCH_TEXT = (alias: string) =>
  `vigie_call_search_text(${alias}.title, ${alias}.description_text, ${alias}.funders)`;

const MAX_WORDS = 8;

/**
 * The LIKE patterns of a free-text search: every word must appear (in any order), accents and
 * case ignored on both sides (the words are folded in SQL with `vigie_fold`, like the text).
 */
export function callSearchPatterns(query: string): string[] {
  return query
    .split(/\s+/)
    .map((word) => word.replace(/^["'«»“”]+|["'«»“”,;.!?]+$/g, ''))
    .filter((word) => word.length > 0)
    .slice(0, MAX_WORDS)
    .map((word) => `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
}

/** One clause per word; `placeholder` binds a pattern and returns its SQL parameter name. */
export function callSearchClause(
  alias: string,
  patterns: string[],
  placeholder: (pattern: string) => string,
): string {
  const text = CALL_SEARCH_TEXT(alias);
  return patterns.map((p) => `${text} LIKE vigie_fold(${placeholder(p)})`).join(' AND ');
}
