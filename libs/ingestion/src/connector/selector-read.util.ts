import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { parseSelector } from '../source/selector.util';
import type { Selector } from '../source/source.types';

/** Elements a selector designates under a context (the context itself for an empty css). */
function select($: CheerioAPI, context: Cheerio<AnyNode> | null, css: string): Cheerio<AnyNode> {
  if (css === '') return context ?? $.root();
  return context ? context.find(css) : $(css);
}

/** Text (or attribute) of each element the selector designates, trimmed, empties dropped. */
export function readAll(
  $: CheerioAPI,
  selector: Selector,
  context: Cheerio<AnyNode> | null = null,
): string[] {
  const { css, attribute } = parseSelector(selector);
  return select($, context, css)
    .toArray()
    .map((element) => (attribute ? $(element).attr(attribute) : $(element).text()) ?? '')
    .map((value) => value.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export function readOne(
  $: CheerioAPI,
  selector: Selector,
  context: Cheerio<AnyNode> | null = null,
): string | null {
  return readAll($, selector, context)[0] ?? null;
}

/** Inner HTML of every element the selector designates (for descriptions), joined. */
export function readHtml(
  $: CheerioAPI,
  selector: Selector,
  context: Cheerio<AnyNode> | null = null,
): string | null {
  const { css, attribute } = parseSelector(selector);
  if (attribute) return readOne($, selector, context);
  const parts = select($, context, css)
    .toArray()
    .map((element) => $(element).html() ?? '')
    .filter((html) => html.trim() !== '');
  return parts.length ? parts.join('\n') : null;
}

export function resolveUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
