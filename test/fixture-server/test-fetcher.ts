import { request } from 'undici';
import type { Fetcher, FetchRequest, FetchResponse } from '@app/ingestion';

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * A plain undici fetcher for connector tests and the fixture server's manual checks: no
 * politeness, no robots, no SSRF guard (it only ever talks to 127.0.0.1), but the same
 * contract as the polite fetcher: conditional requests, charset decoding, a body-size cap.
 */
export function createTestFetcher(
  options: { maxBytes?: number } = {},
): Fetcher & { count: number } {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fetcher = {
    count: 0,
    async fetch(req: FetchRequest): Promise<FetchResponse> {
      fetcher.count++;
      const headers: Record<string, string> = {
        'user-agent': 'Vigie-test',
        ...(req.headers ?? {}),
      };
      if (req.conditional?.etag) headers['if-none-match'] = req.conditional.etag;
      if (req.conditional?.lastModified)
        headers['if-modified-since'] = req.conditional.lastModified;
      let body: string | Buffer | undefined;
      if (req.body !== undefined) {
        body =
          typeof req.body === 'string' || Buffer.isBuffer(req.body)
            ? req.body
            : JSON.stringify(req.body);
        if (!Buffer.isBuffer(req.body) && typeof req.body !== 'string')
          headers['content-type'] = 'application/json';
      }
      const response = await request(req.url, { method: req.method ?? 'GET', headers, body });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          response.body.destroy();
          throw new Error(`body of ${req.url} exceeds ${maxBytes} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
      const raw = Buffer.concat(chunks);
      const header = (name: string) => {
        const value = response.headers[name];
        return Array.isArray(value) ? value[0] : (value ?? null);
      };
      const contentType = header('content-type');
      const charset = /charset=([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
      const text = new TextDecoder(
        charset === 'iso-8859-1' || charset === 'latin1' ? 'windows-1252' : charset,
      ).decode(raw);
      return {
        url: req.url,
        status: response.statusCode,
        headers: Object.fromEntries(
          Object.entries(response.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(', ') : String(v),
          ]),
        ),
        notModified: response.statusCode === 304,
        body: raw,
        text,
        etag: header('etag'),
        lastModified: header('last-modified'),
        contentType,
        bytes: raw.length,
      };
    },
  };
  return fetcher;
}
