import { createTestDatabase, TestDatabase } from '@app/testing';
import type { FeedVersion } from '@app/watch';
import type { NextFunction, Request, Response } from 'express';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import request from 'supertest';
import { feedFastPath } from './feed-fast-path.middleware';
import { parisDay } from './feed-request.util';
import { FeedVersionCache } from './feed-version.cache';
import { FEED_VERSION_LISTENER_NAME, FeedVersionListener } from './feed-version.listener';

const DELAY_MS = 300;
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';
const DAY = '2027-03-15';

interface SlowRelay {
  url: string;
  /** From now on, nothing PostgreSQL sends arrives: a connection dead without a goodbye. */
  blackHole(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay to PostgreSQL that delivers what the server sends `DELAY_MS` late, in order:
 * a listener backend the scheduler left waiting, made slow enough to be certain.
 */
async function slowRelay(databaseUrl: string): Promise<SlowRelay> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let silent = false;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (!silent) setTimeout(() => client.writable && client.write(chunk), DELAY_MS);
    });
    const closeBoth = () => {
      setTimeout(() => client.destroy(), DELAY_MS);
      upstream.destroy();
    };
    client.on('close', closeBoth).on('error', closeBoth);
    upstream.on('close', closeBoth).on('error', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  return {
    url: url.toString(),
    blackHole: () => (silent = true),
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('FeedVersionListener on real PostgreSQL, behind a slow network', () => {
  let database: TestDatabase;
  let relay: SlowRelay;
  let cache: FeedVersionCache;
  let listener: FeedVersionListener;
  let organisationId: string;
  let profileId: string;

  const version = (etag: string): FeedVersion => ({
    tokenId: 'token-id',
    organisationId,
    profileId,
    title: 'Veille',
    etag,
    lastModified: new Date('2027-03-14T10:00:00Z'),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    [{ id: organisationId }] = await database.dataSource.query(
      `INSERT INTO organisation (name, kind, territory)
       VALUES ('EPN de Thiers', 'structure', ARRAY['63']) RETURNING id`,
    );
    [{ id: profileId }] = await database.dataSource.query(
      `INSERT INTO watch_profile (organisation_id, name) VALUES ($1, 'Veille') RETURNING id`,
      [organisationId],
    );
  });

  beforeEach(async () => {
    relay = await slowRelay(database.url);
    cache = new FeedVersionCache();
    listener = new FeedVersionListener(relay.url, cache);
    await listener.start();
    expect(cache.isListening).toBe(true);
  });

  afterEach(async () => {
    await listener.stop();
    await relay.close();
  });

  afterAll(() => database.drop());

  it('knows when a change committed elsewhere has reached the cache, however late', async () => {
    cache.remember(cache.ticket(), TOKEN, 'rss', version('"v1"'), DAY);
    // What the worker's matching pass writes, on its own connection; committed when it returns.
    await database.dataSource.query(
      `UPDATE watch_profile SET feed_changed_at = clock_timestamp() WHERE id = $1`,
      [profileId],
    );
    // The notification is still on its way: a 304 answered now would be stale…
    expect(cache.lookup(TOKEN, 'rss', DAY)).not.toBeNull();
    // …which is why the fast path syncs first.
    expect(await listener.sync()).toBe(true);
    expect(cache.lookup(TOKEN, 'rss', DAY)).toBeNull();
  });

  it('has the fast path wait for that before it answers 304', async () => {
    const fastPath = feedFastPath({
      cache,
      sync: () => listener.sync(),
      day: () => parisDay(Date.now()),
    });
    const server = createHttpServer((req, res) =>
      fastPath(
        req as Request,
        res as unknown as Response,
        (() => {
          res.statusCode = 200; // what Nest would answer, with the new version
          res.end();
        }) as NextFunction,
      ),
    );
    const ask = () => request(server).get(`/feeds/${TOKEN}.rss`).set('If-None-Match', '"v1"');
    cache.remember(cache.ticket(), TOKEN, 'rss', version('"v1"'), parisDay(Date.now()));
    await ask().expect(304);
    await database.dataSource.query(
      `UPDATE watch_profile SET feed_changed_at = clock_timestamp() WHERE id = $1`,
      [profileId],
    );
    await ask().expect(200);
  });

  it('serves many waiting requests with one round trip', async () => {
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 50 }, () => listener.sync()));
    expect(results.every(Boolean)).toBe(true);
    // One query out, the others batched behind it: two round trips, not fifty.
    expect(Date.now() - started).toBeLessThan(5 * DELAY_MS);
  });

  it('is disabled when its connection is closed, and comes back empty', async () => {
    cache.remember(cache.ticket(), TOKEN, 'rss', version('"v1"'), DAY);
    await database.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database()`,
      [FEED_VERSION_LISTENER_NAME],
    );
    await until(() => !cache.isListening, 'the lost connection');
    expect(cache.lookup(TOKEN, 'rss', DAY)).toBeNull();
    expect(await listener.sync()).toBe(false);
    await until(() => cache.isListening, 'the new connection');
    expect(cache.size).toBe(0);
    expect(await listener.sync()).toBe(true);
  });

  it('gives up on a connection that stopped answering, rather than wait or trust it', async () => {
    cache.remember(cache.ticket(), TOKEN, 'rss', version('"v1"'), DAY);
    relay.blackHole();
    const started = Date.now();
    expect(await listener.sync()).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(cache.isListening).toBe(false);
    expect(cache.lookup(TOKEN, 'rss', DAY)).toBeNull();
  });
});
