import { randomBytes } from 'node:crypto';
import type { FetchRequest } from '../fetch/fetcher.types';
import type { RequestBody, RequestQuery, SourceDefinition } from '../source/source.types';

/**
 * The request a source's entry asks for at `url`: its method, its query parameters (a parameter
 * already in the URL is kept as is, so a `next` link that carries them is not doubled) and its
 * body. A GET without `request` is a plain GET of the URL.
 */
export function sourceRequest(
  source: SourceDefinition,
  url: string,
  headers: Record<string, string> = {},
): FetchRequest {
  const spec = source.request ?? null;
  const target = withQuery(url, spec?.query ?? null);
  const method = spec?.method ?? 'GET';
  const request: FetchRequest = { url: target, method, headers: { ...headers } };
  if (method === 'POST' && spec?.body)
    Object.assign(request, encodeBody(spec.body, request.headers!));
  return request;
}

/** Appends each parameter not already in the URL; a list repeats the key. */
export function withQuery(url: string, query: RequestQuery | null): string {
  if (!query) return url;
  const target = new URL(url);
  for (const [name, value] of Object.entries(query)) {
    if (target.searchParams.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value])
      target.searchParams.append(name, String(item));
  }
  return target.toString();
}

function encodeBody(
  body: RequestBody,
  headers: Record<string, string>,
): Pick<FetchRequest, 'body'> {
  if ('json' in body) {
    headers['content-type'] = 'application/json';
    return { body: JSON.stringify(body.json ?? null) };
  }
  if ('form' in body) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(body.form)) form.append(name, String(value));
    return { body: form.toString() };
  }
  const { boundary, bytes } = multipartBlobs(body.multipart);
  headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
  return { body: bytes };
}

/**
 * A multipart form whose parts are JSON blobs (`filename="blob"`, `application/json`): what the
 * EU Funding & Tenders portal itself sends to its search API.
 */
export function multipartBlobs(parts: Record<string, unknown>): {
  boundary: string;
  bytes: Buffer;
} {
  const boundary = `----vigie${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(parts)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"; filename="blob"\r\n` +
          `Content-Type: application/json\r\n\r\n${JSON.stringify(value)}\r\n`,
        'utf8',
      ),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { boundary, bytes: Buffer.concat(chunks) };
}

/** Reads a multipart form back into its parts (names → text); for the recorded-answers server and tests. */
export function parseMultipart(body: Buffer | string, contentType: string): Record<string, string> {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) return {};
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
  const parts: Record<string, string> = {};
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const name = /name="([^"]*)"/i.exec(part.slice(0, split))?.[1];
    if (name !== undefined) parts[name] = part.slice(split + 4).replace(/\r\n$/, '');
  }
  return parts;
}
