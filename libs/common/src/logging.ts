import { DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { DestinationStream } from 'pino';
import { maskUrlTokens } from './mask-url-tokens.util';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A caller's X-Request-Id is kept when it is sane, so a request can be followed across systems. */
function requestId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/** A request in the log: its id, method and URL with every token masked. */
export function serializeRequest(req: { id: string; method: string; url: string }) {
  return { id: req.id, method: req.method, url: maskUrlTokens(req.url) };
}

/** A response in the log; a redirect's Location is masked like a request URL. */
export function serializeResponse(res: { statusCode: number; headers?: Record<string, unknown> }) {
  const headers = res.headers && { ...res.headers };
  if (headers && typeof headers.location === 'string') {
    headers.location = maskUrlTokens(headers.location);
  }
  return { statusCode: res.statusCode, headers };
}

/**
 * JSON logs, one line per HTTP request with its id. Secrets never reach the log: the
 * Authorization header and cookies are redacted, tokens in URLs masked.
 */
export function loggingModule(
  level: string,
  service: 'api' | 'worker' | 'cli',
  /** Where the lines go instead of stdout (tests read what a real app logs). */
  destination?: DestinationStream,
): DynamicModule {
  const options: Options = {
    level,
    base: { service },
    genReqId: requestId,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    // The one place request lines are shaped, for pino-http and the feed fast path alike.
    serializers: { req: serializeRequest, res: serializeResponse },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  };
  return LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options });
}
