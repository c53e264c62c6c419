import { vigieMetrics } from '@app/common';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Paths served outside Nest's routes, named by their prefix so each address is not its own series. */
const PREFIXES = ['/feeds/', '/static/'];

/**
 * Times every request into vigie_http_request_duration_seconds, labelled by the route pattern
 * (`/appels/:id`), never the address itself: ids and feed tokens must not become labels.
 */
export function mountHttpMetrics(app: INestApplication): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    const end = vigieMetrics.httpDuration.startTimer();
    response.once('finish', () =>
      end({ method: request.method, route: routeOf(request), status: String(response.statusCode) }),
    );
    next();
  });
}

function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${request.baseUrl}${route.path}`;
  const prefix = PREFIXES.find((candidate) => request.path.startsWith(candidate));
  return prefix ? `${prefix}*` : 'unmatched';
}
