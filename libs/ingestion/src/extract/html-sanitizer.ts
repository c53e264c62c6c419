import sanitize from 'sanitize-html';

const ALLOWED_TAGS = [
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'b',
  'i',
  'a',
  'h2',
  'h3',
  'h4',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Dropped with their content: text inside these is code or chrome, never the call.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'template',
    'svg',
    'math',
  ],
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs): sanitize.Tag => ({
      tagName,
      attribs: attribs.href
        ? { href: attribs.href, rel: 'noopener nofollow' }
        : ({} as sanitize.Attributes),
    }),
    h1: 'h2',
    b: 'strong',
    i: 'em',
  },
  // Text is already escaped; these entities render the same characters, but no later consumer
  // that pattern-matches the markup (a feed reader, an e-mail filter) sees an attack string.
  textFilter: (text) =>
    text.replace(/(java\s*script)\s*:/gi, '$1&#58;').replace(/\b(on\w+)(\s*)=/gi, '$1$2&#61;'),
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && !frame.text.trim(),
};

/**
 * HTML safe to display inside our pages: a strict allow-list (paragraphs, lists, emphasis,
 * h2–h4, tables, links with http/https/mailto only). No script, style, iframe or event handler
 * survives, whatever the source serves.
 */
export function sanitizeHtml(html: string | null | undefined): string {
  if (!html) return '';
  return sanitize(html, OPTIONS).trim();
}
