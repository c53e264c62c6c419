import type { Selector } from './source.types';

export interface ParsedSelector {
  /** Empty: the context element itself. */
  css: string;
  /** Attribute to read instead of the text. */
  attribute: string | null;
}

// `@attr` is only a suffix outside brackets, so `a[href*="x@y"]` keeps its `@`.
const ATTRIBUTE_SUFFIX = /@([A-Za-z_:][\w:.-]*)$/;

export function parseSelector(selector: Selector): ParsedSelector {
  const trimmed = selector.trim();
  const match = ATTRIBUTE_SUFFIX.exec(trimmed);
  if (!match) return { css: trimmed, attribute: null };
  const before = trimmed.slice(0, match.index);
  const openBrackets = (before.match(/\[/g) ?? []).length - (before.match(/\]/g) ?? []).length;
  if (openBrackets > 0) return { css: trimmed, attribute: null };
  return { css: before.trim(), attribute: match[1] };
}
