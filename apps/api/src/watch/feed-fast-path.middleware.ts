import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { FeedController } from './feed.controller';
import {
  FEED_CACHE_CONTROL,
  FeedAddress,
  isConditional,
  isNotModified,
  parseFeedUrl,
} from './feed-request.util';
import { CachedFeedVersion, FeedVersionCache } from './feed-version.cache';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The rule of every other request's id (libs/common/src/logging.ts): the caller's, if sane. */
function requestIdOf(request: Request): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

function answerNotModified(
  request: Request,
  response: Response,
  version: CachedFeedVersion,
  startedAt: number,
): void {
  const id = requestIdOf(request);
  request.id = id;
  response.setHeader('X-Request-Id', id);
  response.setHeader('ETag', version.etag);
  response.setHeader('Last-Modified', version.lastModified);
  response.setHeader('Cache-Control', FEED_CACHE_CONTROL);
  response.statusCode = 304;
  response.end();
  // The line pino-http writes for every other request, from its own logger and serializers.
  PinoLogger.root?.info(
    { req: request, res: response, responseTime: Date.now() - startedAt },
    'request completed',
  );
}

/** What the fast path needs to know of the feed controller's cache of versions. */
export interface FeedVersionSource {
  cache: FeedVersionCache;
  /** True once every change committed before the call has reached the cache. */
  sync(): Promise<boolean>;
  /** Today in Paris on the app's clock: a cached version is only good for the day it was built. */
  day(): string;
}

/**
 * Answers a conditional feed request whose version is cached and unchanged with a 304, before
 * Nest's pipeline and without reading the feed's data; everything else goes on to Nest.
 */
export function feedFastPath({ cache, sync, day }: FeedVersionSource) {
  const notModified = (request: Request, address: FeedAddress): CachedFeedVersion | null => {
    const cached = cache.lookup(address.token, address.format, day());
    return cached && isNotModified(request.headers, cached.etag, cached.lastModifiedMs)
      ? cached
      : null;
  };
  return function feedFastPath(request: Request, response: Response, next: NextFunction): void {
    if (request.method !== 'GET' || !isConditional(request.headers)) return next();
    const address = parseFeedUrl(request.url);
    if (!address || !notModified(request, address)) return next();
    const startedAt = Date.now();
    // The client may have seen a change committed a moment ago whose notification is still
    // on its way: the cache is consulted again once it has caught up.
    sync().then(
      (synced) => {
        const cached = synced ? notModified(request, address) : null;
        if (cached) answerNotModified(request, response, cached, startedAt);
        else next();
      },
      () => next(),
    );
  };
}

/**
 * Puts the feed fast path in front of everything else and has the feed controller listen for
 * changes from the start (configureApp calls it, so every HTTP app has it).
 */
export function mountFeedFastPath<App extends INestApplication>(app: App): App {
  app.use(feedFastPath(app.get(FeedController).enableFastPath()));
  return app;
}
