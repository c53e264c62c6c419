import { load } from 'cheerio';

const BLOCK_TAGS =
  'p, div, li, ul, ol, h1, h2, h3, h4, h5, h6, tr, table, section, article, header, footer, blockquote, dd, dt, pre';

/** Plain text of an HTML fragment: entities decoded, blocks and <br> as line breaks, spaces collapsed. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  const $ = load(`<body>${html}</body>`);
  $('script, style, noscript, template, iframe').remove();
  $('br').replaceWith('\n');
  $(BLOCK_TAGS).each((_, element) => {
    $(element).prepend('\n').append('\n');
  });
  $('td, th').append(' ');
  return normaliseText($('body').text());
}

/** Collapses runs of spaces (and the \r of CRLF pages) while keeping paragraph breaks. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v \u00a0\u202f]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
