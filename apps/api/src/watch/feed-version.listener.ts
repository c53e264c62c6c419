import { Logger } from '@nestjs/common';
import { Client, type Notification } from 'pg';
import { FeedVersionCache } from './feed-version.cache';

/** Channel of the triggers of migration FeedVersionNotify: an organisation id, or `*`. */
export const FEED_VERSION_CHANNEL = 'vigie_feed_version';
export const FEED_VERSION_LISTENER_NAME = 'vigie-feed-versions';

const RETRY_DELAYS_MS = [250, 1_000, 2_000, 5_000, 10_000, 30_000];
/** A connection that died without closing its socket is found within these two delays. */
const HEARTBEAT_MS = 10_000;
const SYNC_TIMEOUT_MS = 2_000;

type SyncWaiter = (synced: boolean) => void;

/**
 * Holds the LISTEN connection that keeps a `FeedVersionCache` trustworthy: the cache is enabled
 * (empty) once LISTEN runs, disabled as soon as the connection fails, and the connection is
 * opened again in the background.
 */
export class FeedVersionListener {
  private readonly logger = new Logger('FeedVersions');
  private client: Client | null = null;
  private stopped = true;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private waiting: SyncWaiter[] = [];
  private syncing: SyncWaiter[] | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly cache: FeedVersionCache,
  ) {}

  /** Resolves after the first attempt, successful or not; failures are retried later. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    const client = this.client;
    this.client = null;
    this.cache.setListening(false);
    this.releaseWaiters();
    await client?.end().catch(() => undefined);
  }

  /**
   * Resolves true once every change committed before this call has reached the cache, false if
   * that cannot be known (no connection). A notification may still be on its way when the
   * writer already has its answer; an empty query sent on the LISTEN connection now comes back
   * after it: PostgreSQL signals listeners before it confirms a commit, and a listener sends
   * what it was signalled before it reads the next query. One query serves every caller that
   * came while the previous one was out.
   */
  sync(): Promise<boolean> {
    if (!this.client || !this.cache.isListening) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      this.waiting.push(resolve);
      if (!this.syncing) this.sendSync();
    });
  }

  private sendSync(): void {
    const client = this.client;
    const batch = this.waiting;
    this.waiting = [];
    if (!client || batch.length === 0) return batch.forEach((resolve) => resolve(false));
    this.syncing = batch;
    const timeout = setTimeout(
      () => this.lose(client, new Error(`no answer within ${SYNC_TIMEOUT_MS} ms`)),
      SYNC_TIMEOUT_MS,
    ).unref();
    const done = (synced: boolean) => {
      clearTimeout(timeout);
      if (this.syncing !== batch) return; // released by `lose`
      this.syncing = null;
      batch.forEach((resolve) => resolve(synced && this.client === client));
      if (this.waiting.length > 0) this.sendSync();
    };
    client.query('').then(
      () => done(true),
      (error: Error) => {
        done(false);
        this.lose(client, error);
      },
    );
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: FEED_VERSION_LISTENER_NAME,
      keepAlive: true,
      connectionTimeoutMillis: SYNC_TIMEOUT_MS,
    });
    this.client = client;
    client.on('notification', (message) => this.onNotification(message));
    client.on('error', (error) => this.lose(client, error));
    client.on('end', () => this.lose(client, new Error('connection closed')));
    try {
      await client.connect();
      await client.query(`LISTEN ${FEED_VERSION_CHANNEL}`);
    } catch (error) {
      this.lose(client, error as Error);
      return;
    }
    if (this.client !== client) {
      // Stopped while connecting.
      await client.end().catch(() => undefined);
      return;
    }
    this.cache.setListening(true);
    if (this.failures > 0) this.logger.log('Listening to feed changes again');
    this.failures = 0;
    this.heartbeatTimer = setInterval(() => void this.sync(), HEARTBEAT_MS).unref();
  }

  private onNotification({ channel, payload }: Notification): void {
    if (channel !== FEED_VERSION_CHANNEL) return;
    if (!payload || payload === '*') this.cache.flush();
    else this.cache.invalidate([payload]);
  }

  /** The cache is disabled first: from here on, every request reads the database. */
  private lose(client: Client, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.cache.setListening(false);
    this.clearTimers();
    this.releaseWaiters();
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)];
    this.failures++;
    this.logger.warn(
      `Feed changes not heard (${error.message}): 304s come from the database; retrying in ${delay} ms`,
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay).unref();
  }

  private releaseWaiters(): void {
    const released = [...(this.syncing ?? []), ...this.waiting];
    this.syncing = null;
    this.waiting = [];
    released.forEach((resolve) => resolve(false));
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.retryTimer = null;
    this.heartbeatTimer = null;
  }
}
