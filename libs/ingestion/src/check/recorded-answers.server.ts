import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Fetcher, FetchRequest, FetchResponse } from '../fetch/fetcher.types';
import { PoliteFetcher } from '../fetch/polite-fetcher';

/** One entry of a source's `answers.json`: the request the crawler makes and the file answering it. */
export interface RecordedAnswer {
  method: 'GET' | 'POST';
  url: string;
  status: number;
  contentType: string;
  file: string;
}

/** A request the crawler made while replaying, and whether a recorded answer matched it. */
export interface ReplayedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  matched: boolean;
}

/** Reads `<dir>/<sourceId>/answers.json`; null when the source has no recorded answers. */
export function readRecordedAnswers(dir: string, sourceId: string): RecordedAnswer[] | null {
  const file = join(dir, sourceId, 'answers.json');
  if (!existsSync(file)) return null;
  const answers = JSON.parse(readFileSync(file, 'utf8')) as RecordedAnswer[];
  if (!Array.isArray(answers))
    throw new Error(`${file}: expected an array of { method, url, status, contentType, file }`);
  return answers;
}

/** Method and URL with the query parameters sorted: the order a crawler writes them in is free. */
export function requestKey(method: string, url: string): string {
  const parsed = new URL(url);
  const params = [...parsed.searchParams.entries()].sort(([a, x], [b, y]) =>
    a === b ? x.localeCompare(y) : a.localeCompare(b),
  );
  parsed.search = new URLSearchParams(params).toString();
  return `${method.toUpperCase()} ${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search}`;
}

/**
 * Replays recorded answers on 127.0.0.1: every original host is sent here (same path and query,
 * http on our port, the Host header naming the original host), through the real polite fetcher —
 * robots.txt, pauses, redirects and body limits included. A robots.txt that is not recorded
 * answers 404 (everything allowed); any other unrecorded request answers 404 and is noted.
 */
export class RecordedAnswersServer {
  readonly requests: ReplayedRequest[] = [];
  private readonly answers = new Map<string, { answer: RecordedAnswer; dir: string }>();
  /** Original scheme of each recorded host (a recorded answer may be http). */
  private readonly schemes = new Map<string, string>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<RecordedAnswersServer> {
    const server = createServer();
    const replay = new RecordedAnswersServer(server);
    server.on('request', (request, response) => void replay.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return replay;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Adds a source's answers, read from `<dir>/<sourceId>/`. */
  add(dir: string, sourceId: string, answers: RecordedAnswer[]): void {
    for (const answer of answers) {
      const url = new URL(answer.url);
      this.schemes.set(url.hostname, url.protocol);
      this.answers.set(requestKey(answer.method ?? 'GET', answer.url), {
        answer,
        dir: join(dir, sourceId),
      });
    }
  }

  /** The polite fetcher, every host resolved to this server. */
  fetcher(options: { contact?: string; minDelayMs?: number } = {}): Fetcher & {
    close(): Promise<void>;
  } {
    const polite = new PoliteFetcher({
      contact: options.contact ?? 'sources-check@vigie.invalid',
      minDelayMs: options.minDelayMs ?? 0,
      maxRetries: 0,
      allowHosts: ['127.0.0.0/8'],
      resolve: async () => ['127.0.0.1'],
    });
    const port = this.port;
    const toLocal = (url: string) => {
      const local = new URL(url);
      local.protocol = 'http:';
      local.port = String(port);
      return local.toString();
    };
    const toOriginal = (url: string) => {
      const original = new URL(url);
      original.protocol = this.schemes.get(original.hostname) ?? 'https:';
      original.port = '';
      return original.toString();
    };
    return {
      fetch: async (request: FetchRequest): Promise<FetchResponse> => {
        const response = await polite.fetch({ ...request, url: toLocal(request.url) });
        return { ...response, url: toOriginal(response.url) };
      },
      close: () => polite.close(),
    };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const host = (request.headers.host ?? '127.0.0.1').replace(/:\d+$/, '');
    const original = `${this.schemes.get(host) ?? 'https:'}//${host}${request.url ?? '/'}`;
    const method = request.method ?? 'GET';
    const found = this.answers.get(requestKey(method, original));
    this.requests.push({
      method,
      url: original,
      headers: request.headers,
      body: Buffer.concat(chunks),
      matched: !!found,
    });
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`no recorded answer for ${method} ${original}`);
      return;
    }
    const body = readFileSync(join(found.dir, found.answer.file));
    response.writeHead(found.answer.status ?? 200, {
      'content-type': found.answer.contentType ?? 'application/octet-stream',
      'content-length': String(body.length),
    });
    response.end(body);
  }
}
