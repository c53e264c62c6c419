import sanitize from 'sanitize-html';

const ALLOWED_TAGS = [
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'strong',
  'b',
  'em',
  'i',
  'a',
  'h2',
  'h3',
  'h4',
  'h5',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

/**
 * The stored description was sanitised when ingested; it is cleaned again on the way out so a
 * row written by any other path (an import, an old version) can never carry a script to a page.
 */
export function safeDescriptionHtml(html: string | null): string | null {
  if (html === null || html.trim() === '') return null;
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title', 'rel'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: { a: sanitize.simpleTransform('a', { rel: 'noopener nofollow' }) },
  });
}
