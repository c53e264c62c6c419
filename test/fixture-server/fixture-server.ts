import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CATALOGUE } from './catalogue';
import type { FixtureCall, FixtureDeadline, FixtureFeed } from './fixture-call.types';
import { FIXTURE_PATHS } from './fixture-routes.constants';
import {
  reglementLines,
  renderAidesTerritoires,
  renderHtmlDetail,
  renderHtmlListing,
  renderJsonApi,
  renderOdsRecords,
  renderRssFeed,
  renderRssItemPage,
  renderSedia,
  type Rendered,
} from './feed.render';
import { minimalPdf } from './minimal-pdf';

/** Ways a page can misbehave, switched on per path prefix by tests. */
export type FixtureFault =
  | 'malformed'
  | 'error-200'
  | 'endless'
  | 'huge'
  | 'status-500'
  /** 401 whatever the credentials: a key or token the API refuses. */
  | 'status-401';

export interface FixtureServerOptions {
  /** 0 (default) for an ephemeral port. */
  port?: number;
  host?: string;
  /** "Today" for the SEDIA statuses; default now. */
  today?: string;
}

export interface FixtureRequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** performance.now() when the request arrived (politeness tests compare these). */
  receivedAt: number;
}

export interface FixtureServer {
  baseUrl: string;
  port: number;
  close(): Promise<void>;
  /** The calls currently published (after mutations). */
  calls(feed?: FixtureFeed): FixtureCall[];
  /** Moves a call's deadline (one date, or several rounds). */
  setDeadline(id: string, deadline: string | FixtureDeadline[]): void;
  /** Takes a call off every feed. */
  removeCall(id: string): void;
  /** Restores the catalogue as shipped, and clears faults. */
  reset(): void;
  /** Makes every path starting with `pathPrefix` misbehave; null clears it. */
  setFault(pathPrefix: string, fault: FixtureFault | null): void;
  readonly requests: FixtureRequestLogEntry[];
}

const HUGE_BYTES = 50 * 1024 * 1024;
const BASE_LAST_MODIFIED = Date.UTC(2027, 0, 4, 8, 0, 0);

export async function startFixtureServer(
  options: FixtureServerOptions = {},
): Promise<FixtureServer> {
  let calls: FixtureCall[] = structuredClone([...CATALOGUE]);
  const faults = new Map<string, FixtureFault>();
  const requests: FixtureRequestLogEntry[] = [];
  const lastModified = new Map<string, number>();
  let baseUrl = '';

  const published = (feed?: FixtureFeed) =>
    feed ? calls.filter((call) => call.feeds.includes(feed)) : calls;
  const faultFor = (path: string) =>
    [...faults].find(([prefix]) => path.startsWith(prefix))?.[1] ?? null;

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`fixture server error: ${error.message}`);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const url = new URL(request.url ?? '/', baseUrl);
    if (request.method === 'POST') await readBody(request);
    const log = (status: number) =>
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname + url.search,
        status,
        receivedAt,
      });
    const fault = faultFor(url.pathname);
    if (fault === 'huge') return sendHuge(response, log);
    if (fault === 'status-500')
      return send(
        request,
        response,
        url,
        { status: 500, contentType: 'text/plain', body: 'Internal Server Error' },
        log,
      );
    if (fault === 'status-401')
      return send(
        request,
        response,
        url,
        { status: 401, contentType: 'application/json', body: '{"message":"Invalid JWT Token"}' },
        log,
      );
    if (fault === 'error-200') return send(request, response, url, errorPage(), log);
    const rendered = route(url, request.method ?? 'GET', fault === 'endless');
    if (!rendered)
      return send(
        request,
        response,
        url,
        { status: 404, contentType: 'text/html; charset=utf-8', body: '<h1>404 Not Found</h1>' },
        log,
      );
    if (fault === 'malformed') return send(request, response, url, breakBody(rendered), log);
    return send(request, response, url, rendered, log);
  }

  function route(url: URL, method: string, endless: boolean): Rendered | null {
    const path = url.pathname;
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    if (path === '/robots.txt')
      return { contentType: 'text/plain', body: 'User-agent: *\nDisallow: /prive/\n' };
    if (path === FIXTURE_PATHS.rssFeed) return renderRssFeed(published('rss'), baseUrl);
    if (path.startsWith(FIXTURE_PATHS.rssItem))
      return byId('rss', path.slice(FIXTURE_PATHS.rssItem.length), renderRssItemPage);
    if (path === FIXTURE_PATHS.htmlListing)
      return renderHtmlListing(published('html'), 1, baseUrl, endless);
    const listingPage = /^\/grandest\/aides\/page\/(\d+)\/$/.exec(path);
    if (listingPage)
      return renderHtmlListing(published('html'), Number(listingPage[1]), baseUrl, endless);
    if (path.startsWith(FIXTURE_PATHS.htmlListing))
      return byId(
        'html',
        path.slice(FIXTURE_PATHS.htmlListing.length).replace(/\/$/, ''),
        renderHtmlDetail,
      );
    if (path.startsWith(FIXTURE_PATHS.htmlDocument)) {
      const id = path.slice(FIXTURE_PATHS.htmlDocument.length).replace(/-reglement\.pdf$/, '');
      return byId('html', id, (call) =>
        call.pdf
          ? { contentType: 'application/pdf', body: minimalPdf(reglementLines(call)) }
          : null,
      );
    }
    if (path === FIXTURE_PATHS.ods) {
      const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 10) || 10);
      const offset = Number(url.searchParams.get('offset') ?? 0) || 0;
      return renderOdsRecords(published('ods'), limit, offset);
    }
    if (path === FIXTURE_PATHS.aidesTerritoires)
      return renderAidesTerritoires(published('at'), page, baseUrl, endless);
    if (path === FIXTURE_PATHS.sedia && method === 'POST') {
      const pageSize = Number(url.searchParams.get('pageSize') ?? 50) || 50;
      const pageNumber = Number(url.searchParams.get('pageNumber') ?? 1) || 1;
      return renderSedia(
        published('sedia'),
        pageNumber,
        pageSize,
        options.today ?? new Date().toISOString().slice(0, 10),
      );
    }
    if (path === FIXTURE_PATHS.json) return renderJsonApi(published('json'), page, endless);
    return null;
  }

  function byId(
    feed: FixtureFeed,
    id: string,
    render: (call: FixtureCall) => Rendered | null,
  ): Rendered | null {
    const call = published(feed).find((c) => c.id === decodeURIComponent(id));
    return call ? render(call) : null;
  }

  function send(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    rendered: Rendered,
    log: (status: number) => void,
  ): void {
    const body =
      typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : rendered.body;
    const status = rendered.status ?? 200;
    if (status !== 200) {
      response.writeHead(status, {
        'content-type': rendered.contentType,
        'content-length': body.length,
      });
      response.end(body);
      log(status);
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
    const key = url.pathname + url.search;
    const previous = lastModified.get(key);
    // Last-Modified moves only when the body does, like a real CMS.
    const modified =
      previous && etagOf.get(key) === etag
        ? previous
        : Math.max(BASE_LAST_MODIFIED, Date.now() - 1000);
    lastModified.set(key, modified);
    etagOf.set(key, etag);
    const headers = {
      etag,
      'last-modified': new Date(modified).toUTCString(),
      'cache-control': 'no-cache',
    };
    if (request.method === 'GET' && isFresh(request, etag, modified)) {
      response.writeHead(304, headers);
      response.end();
      log(304);
      return;
    }
    response.writeHead(200, {
      ...headers,
      'content-type': rendered.contentType,
      'content-length': body.length,
    });
    response.end(body);
    log(200);
  }
  const etagOf = new Map<string, string>();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

  return {
    baseUrl,
    port: address.port,
    requests,
    calls: (feed) => structuredClone(published(feed)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    setDeadline(id, deadline) {
      const call = findCall(calls, id);
      call.deadlines =
        typeof deadline === 'string' ? [{ ...call.deadlines[0], date: deadline }] : deadline;
      call.rolling = false;
    },
    removeCall(id) {
      findCall(calls, id);
      calls = calls.filter((call) => call.id !== id);
    },
    reset() {
      calls = structuredClone([...CATALOGUE]);
      faults.clear();
    },
    setFault(prefix, fault) {
      if (fault) faults.set(prefix, fault);
      else faults.delete(prefix);
    },
  };
}

function findCall(calls: FixtureCall[], id: string): FixtureCall {
  const call = calls.find((c) => c.id === id);
  if (!call) throw new Error(`Fixture server: no call "${id}" in the catalogue`);
  return call;
}

function isFresh(request: IncomingMessage, etag: string, modified: number): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch)
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .includes(etag);
  const since = request.headers['if-modified-since'];
  return !!since && Date.parse(since) >= Math.floor(modified / 1000) * 1000;
}

function errorPage(): Rendered {
  return {
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html><head><title>Page introuvable</title></head><body><h1>Oups ! Page introuvable</h1><p>Le contenu demandé n’existe plus.</p></body></html>',
  };
}

/** The same answer cut in the middle and with a stray tag: broken XML, JSON and HTML alike. */
function breakBody(rendered: Rendered): Rendered {
  const text = typeof rendered.body === 'string' ? rendered.body : rendered.body.toString('latin1');
  const cut = `${text.slice(0, Math.floor(text.length / 2))}<<</broken`;
  return {
    ...rendered,
    body: typeof rendered.body === 'string' ? cut : Buffer.from(cut, 'latin1'),
  };
}

function sendHuge(response: ServerResponse, log: (status: number) => void): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  log(200);
  const pump = () => {
    while (sent < HUGE_BYTES) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  response.on('close', () => (sent = HUGE_BYTES));
  pump();
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
