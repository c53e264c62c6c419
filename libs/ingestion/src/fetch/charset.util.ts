/** Bytes inspected for an in-document declaration (the HTML spec prescans 1024; XML prologs are first). */
const SNIFF_BYTES = 2048;

/**
 * WHATWG decoders treat ISO-8859-1 and US-ASCII as Windows-1252, which is what French public
 * sites labelled Latin-1 really send (’ and € in 0x80–0x9F): we follow browsers.
 */
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  cp1252: 'windows-1252',
  utf8: 'utf-8',
};

export interface DecodedText {
  text: string;
  /** The encoding used, as TextDecoder names it ("utf-8", "windows-1252"…). */
  encoding: string;
  /** Where the encoding came from. */
  source: 'header' | 'bom' | 'xml-prolog' | 'meta' | 'utf8-valid' | 'fallback';
}

/**
 * Decodes a body: Content-Type charset, else a byte-order mark, else the XML prolog or HTML meta
 * charset, else UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 */
export function decodeBody(body: Buffer, contentType: string | null): DecodedText {
  const bom = bomEncoding(body);
  const declared = labelFromContentType(contentType);
  if (declared && !bom) {
    const decoded = tryDecode(body, declared);
    if (decoded !== null)
      return { text: decoded.text, encoding: decoded.encoding, source: 'header' };
  }
  if (bom) return { ...decode(body, bom), source: 'bom' };
  const head = body.subarray(0, SNIFF_BYTES).toString('latin1');
  for (const [source, label] of [
    ['xml-prolog', xmlPrologEncoding(head)],
    ['meta', htmlMetaCharset(head)],
  ] as const) {
    const decoded = label ? tryDecode(body, label) : null;
    if (decoded) return { ...decoded, source };
  }
  const utf8 = strictUtf8(body);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', source: 'utf8-valid' };
  return { ...decode(body, 'windows-1252'), source: 'fallback' };
}

/** The charset parameter of a Content-Type header, if any. */
export function labelFromContentType(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match ? match[2] : null;
}

export function xmlPrologEncoding(head: string): string | null {
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match ? match[1] : null;
}

export function htmlMetaCharset(head: string): string | null {
  const direct = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return direct ? direct[1] : null;
}

function bomEncoding(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return null;
}

/** null when the label is unknown to TextDecoder (a typo in the page must not fail the fetch). */
function tryDecode(body: Buffer, label: string): { text: string; encoding: string } | null {
  const normalised = label.trim().toLowerCase();
  try {
    return decode(body, LABEL_ALIASES[normalised] ?? normalised);
  } catch {
    return null;
  }
}

function decode(body: Buffer, encoding: string): { text: string; encoding: string } {
  const decoder = new TextDecoder(encoding);
  if (decoder.encoding === 'windows-1252')
    return { text: decodeWindows1252(body), encoding: decoder.encoding };
  return { text: decoder.decode(body), encoding: decoder.encoding };
}

/**
 * Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters, losing
 * €, ’, œ, … that French pages use; the other 224 bytes are Latin-1, so only that row needs a table.
 */
const WINDOWS_1252_ROW_80 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(body: Buffer): string {
  return body
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_ROW_80[char.charCodeAt(0) - 0x80]);
}

function strictUtf8(body: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return null;
  }
}
