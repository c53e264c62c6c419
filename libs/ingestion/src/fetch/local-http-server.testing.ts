import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface RecordedRequest {
  method: string;
  /** Path with query string, as received. */
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** performance.now() when the response was fully handed to the socket (or the socket closed). */
  endedAt: number | null;
}

export type RouteHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  recorded: RecordedRequest,
) => unknown;

/**
 * A real HTTP server on 127.0.0.1 and an ephemeral port for the fetcher's tests: routes by path
 * (without query), records every request with server-side timestamps, answers 404 otherwise.
 */
export class LocalHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, RouteHandler>();

  private constructor(private readonly server: Server) {}

  static async start(host = '127.0.0.1'): Promise<LocalHttpServer> {
    const server = createServer();
    const local = new LocalHttpServer(server);
    server.on('request', (request, response) => void local.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    return local;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  route(path: string, handler: RouteHandler): this {
    this.routes.set(path, handler);
    return this;
  }

  /** Requests received for a path (query ignored). */
  hits(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path.split('?')[0] === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      headers: request.headers,
      body: '',
      startedAt: performance.now(),
      endedAt: null,
    };
    this.requests.push(recorded);
    const done = () => (recorded.endedAt ??= performance.now());
    response.once('finish', done).once('close', done);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    recorded.body = Buffer.concat(chunks).toString('utf8');
    const handler = this.routes.get(recorded.path.split('?')[0]);
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      await handler(request, response, recorded);
    } catch (error) {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    }
  }
}
