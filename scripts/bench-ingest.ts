// npm run bench:ingest [-- --calls 2000 --hosts 20 --min-delay 20 --change 0.01 --pass pipeline|minimal|connector]
//
// Local sites (bench-sites.util: a child process, so its memory and CPU are not counted) serve
// RSS feeds and call pages over N hosts (127.0.0.1 … 127.0.0.N, each its own politeness queue),
// with ETag, Last-Modified and gzip. We measure a first full pass, a second pass after a few calls changed
// (conditional requests: mostly 304), and a bare sequential fetch-and-parse of the same pages
// under the same per-host delay (the same pass and parsing over a bare sequential fetcher).
// Bytes are counted by the server on its sockets (headers included), so any pass
// implementation is measured the same way.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { SystemClock } from '@app/common';
import { loadConfig, VigieConfig } from '@app/config';
import {
  CallStoreService,
  ConnectorState,
  emptyConnectorState,
  SourceService,
  SourceCrawlService,
  Fetcher,
  FetchRequest,
  FetchResponse,
  isConnectorError,
  isStillListed,
  runSource,
  SourceDefinition,
} from '@app/ingestion';
import { PoliteFetcher } from '@app/ingestion';
import { buildTypeOrmOptions, prepareDatabase, runMigrations } from '@app/persistence';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ServerCounters, SiteFacts, SiteProcess } from './bench-sites.util';

/** One ingestion pass over the feeds; keeps its own state (validators, database) between passes. */
export type IngestPass = (feedUrls: string[]) => Promise<PassOutcome>;

export interface PassOutcome {
  /** Calls read (new, changed or unchanged). */
  calls: number;
  /** Calls that failed, if the pass counts them. */
  failures?: number;
}

export interface BenchSettings {
  calls: number;
  hosts: number;
  minDelayMs: number;
  /** Share of calls whose deadline changes between the two passes. */
  changeShare: number;
  pass: 'minimal' | 'connector' | 'pipeline';
}

interface PassFigures {
  label: string;
  seconds: number;
  calls: number;
  failures: number;
  server: ServerCounters;
  peakRssMb: number;
  peakHeapMb: number;
  /** CPU seconds of the measuring process (user + system): steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /** Heap left after the pass and a full GC (what the pass keeps between runs); null without --expose-gc. */
  keptHeapMb: number | null;
}

const CONTACT = 'bench@vigie.test';

// ---------------------------------------------------------------- the measured side

/** The smallest RSS reading that does the job: links of the items. */
export function parseFeedLinks(xml: string): string[] {
  return [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>[\s\S]*?<\/item>/g)].map((match) =>
    detach(match[1].trim()),
  );
}

/** What a detail page parser must at least find. */
export function parseCallPage(html: string): { title: string; deadline: string } | null {
  const title = /<h1>([^<]+)<\/h1>/.exec(html)?.[1];
  const date = /Date limite de dépôt : (\d{4}-\d{2}-\d{2})/.exec(html)?.[1];
  return title && date ? { title: detach(title), deadline: detach(date) } : null;
}

/**
 * A regex capture is a V8 "sliced string" that keeps the whole page alive: kept in a store of
 * calls, 2,000 captured titles would pin 2,000 pages (about 110 MB here). Copy it out.
 */
function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

interface Cached<T> {
  etag: string | null;
  lastModified: string | null;
  value: T;
}

/**
 * Feed, then every item page, through the polite fetcher with conditional requests. Keeps what
 * it parsed (not the pages) under each URL's validators, as a store of calls would.
 */
export function minimalPass(fetcher: Fetcher): IngestPass {
  const cache = new Map<string, Cached<unknown>>();
  const read = async <T>(url: string, parse: (text: string) => T): Promise<T> => {
    const cached = cache.get(url) as Cached<T> | undefined;
    const response = await fetcher.fetch({
      url,
      conditional: cached && { etag: cached.etag, lastModified: cached.lastModified },
    });
    if (response.notModified && cached) return cached.value;
    const value = parse(response.text);
    cache.set(url, { etag: response.etag, lastModified: response.lastModified, value });
    return value;
  };
  return async (feedUrls) => {
    const perFeed = await Promise.all(
      feedUrls.map(async (feedUrl) => {
        const links = await read(feedUrl, parseFeedLinks);
        const pages = await Promise.all(links.map((link) => read(link, parseCallPage)));
        return pages.filter((page) => page !== null).length;
      }),
    );
    return { calls: perFeed.reduce((sum, n) => sum + n, 0) };
  };
}

/** The connector engineer's RSS connector with `follow`, as the worker will run it (minus the upsert). */
export function connectorPass(fetcher: Fetcher): IngestPass {
  const states = new Map<string, ConnectorState>();
  return async (feedUrls) => {
    const outcomes = await Promise.all(
      feedUrls.map(async (url, index) => {
        const source: SourceDefinition = {
          id: `bench-${index}`,
          name: `Bench ${index}`,
          kind: 'rss',
          url,
          funder: 'Bench',
          territory: ['FR'],
          schedule: '0 6 * * *',
          follow: true,
          listing: null,
          detail: { title: 'h1', deadline: '.deadline', funders: '.funder', amount: '.amount' },
          mapping: null,
          pagination: null,
          enabled: true,
          maxPages: 10,
          query: null,
        };
        const run = runSource(source, fetcher, states.get(url) ?? emptyConnectorState(), {
          referenceDate: '2027-01-01',
        });
        let calls = 0;
        let failures = 0;
        for await (const output of run) {
          if (isConnectorError(output)) failures++;
          // Calls on unchanged pages come together, by their ids.
          else if (isStillListed(output)) calls += output.externalIds.length;
          else calls++;
        }
        states.set(url, run.state);
        return { calls, failures };
      }),
    );
    return {
      calls: outcomes.reduce((sum, o) => sum + o.calls, 0),
      failures: outcomes.reduce((sum, o) => sum + o.failures, 0),
    };
  };
}

function benchSource(url: string, index: number): SourceDefinition {
  return {
    id: `bench-${index}`,
    name: `Bench ${index}`,
    kind: 'rss',
    url,
    funder: 'Bench',
    territory: ['FR'],
    schedule: '0 6 * * *',
    follow: true,
    listing: null,
    detail: { title: 'h1', deadline: '.deadline', funders: '.funder', amount: '.amount' },
    mapping: null,
    pagination: null,
    enabled: true,
    maxPages: 10,
    query: null,
  };
}

/**
 * The worker's pipeline: SourceCrawlService.runSource per feed (connector, upsert of each call in its
 * own transaction with history, withdrawals, run record, health), on a scratch database.
 */
export async function pipelinePass(
  fetcher: Fetcher,
  dataSource: DataSource,
  feedUrls: string[],
): Promise<IngestPass> {
  const config = {
    CRAWLER_CONTACT: CONTACT,
    CRAWLER_MIN_DELAY_MS: 0,
    CRAWLER_ALLOW_HOSTS: [],
  } as unknown as VigieConfig;
  await new SourceService(dataSource).importDefinitions(feedUrls.map(benchSource));
  const crawler = new SourceCrawlService(
    dataSource,
    new CallStoreService(dataSource),
    config,
    new SystemClock(),
  );
  crawler.useFetcher(fetcher);
  return async (feeds) => {
    const reports = await Promise.all(
      feeds.map((_, index) =>
        crawler.runSource(`bench-${index}`, 'cli', { referenceDate: '2027-01-01' }),
      ),
    );
    return {
      calls: reports.reduce((sum, r) => sum + r.fetched, 0),
      failures: reports.reduce((sum, r) => sum + r.failed + (r.sourceError ? 1 : 0), 0),
    };
  };
}

/** A database of its own on DATABASE_URL, or on an embedded server in .vigie/bench; dropped at the end. */
async function scratchDatabase(): Promise<{ dataSource: DataSource; drop(): Promise<void> }> {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    VIGIE_HOME: process.env.DATABASE_URL ? '.vigie' : join('.vigie', 'bench'),
  });
  const server = await prepareDatabase({ ...config, MIGRATIONS_RUN: false }, (message) =>
    console.error(message),
  );
  const name = `vigie_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server.url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  // One lock connection and one write connection per source run, 20 sources at once.
  const dataSource = new DataSource({
    ...buildTypeOrmOptions(url.toString()),
    extra: { max: 50 },
  } as DataSourceOptions);
  await dataSource.initialize();
  await runMigrations(dataSource);
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.release();
    },
  };
}

interface Waiter {
  host: string;
  start: () => void;
}

/**
 * The reference fetcher: one request at a time over all hosts, plain undici (no compression,
 * robots, guard, retries or conditional requests), the same per-host delay. When a request ends,
 * the waiting request whose host is ready first goes next: the best a sequential crawler can do.
 */
export class BareSequentialFetcher implements Fetcher {
  private busy = false;
  private readonly waiters: Waiter[] = [];
  private readonly lastEnd = new Map<string, number>();

  constructor(private readonly minDelayMs: number) {}

  async fetch(fetchRequest: FetchRequest): Promise<FetchResponse> {
    const host = new URL(fetchRequest.url).host;
    await this.acquire(host);
    try {
      const wait = this.readyAt(host) - performance.now();
      if (wait > 0) await sleep(wait);
      const response = await request(fetchRequest.url, {
        method: fetchRequest.method ?? 'GET',
        headers: fetchRequest.headers,
      });
      const body = Buffer.from(await response.body.arrayBuffer());
      const headers = Object.fromEntries(
        Object.entries(response.headers).map(([name, value]) => [name, String(value)]),
      );
      return {
        url: fetchRequest.url,
        status: response.statusCode,
        headers,
        notModified: false,
        body,
        text: body.toString('utf8'),
        etag: headers.etag ?? null,
        lastModified: headers['last-modified'] ?? null,
        contentType: headers['content-type'] ?? null,
        bytes: body.length,
      };
    } finally {
      this.lastEnd.set(host, performance.now());
      this.release();
    }
  }

  private readyAt(host: string): number {
    return (this.lastEnd.get(host) ?? -Infinity) + this.minDelayMs;
  }

  private async acquire(host: string): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return;
    }
    await new Promise<void>((start) => this.waiters.push({ host, start }));
  }

  private release(): void {
    if (this.waiters.length === 0) {
      this.busy = false;
      return;
    }
    let best = 0;
    this.waiters.forEach((waiter, index) => {
      if (this.readyAt(waiter.host) < this.readyAt(this.waiters[best].host)) best = index;
    });
    const [next] = this.waiters.splice(best, 1);
    next.start();
  }
}

async function measure(
  label: string,
  sites: SiteProcess,
  run: () => Promise<PassOutcome>,
): Promise<PassFigures> {
  global.gc?.();
  const before = await sites.counters();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 10);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const outcome = await run();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  // The peaks above include garbage V8 has not collected yet; this is what stays alive.
  global.gc?.();
  const keptHeapMb = global.gc ? process.memoryUsage().heapUsed / 1024 / 1024 : null;
  const after = await sites.counters();
  return {
    label,
    seconds,
    calls: outcome.calls,
    failures: outcome.failures ?? 0,
    server: {
      requests: after.requests - before.requests,
      notModified: after.notModified - before.notModified,
      bytes: after.bytes - before.bytes,
    },
    peakRssMb: peakRss / 1024 / 1024,
    peakHeapMb: peakHeap / 1024 / 1024,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    keptHeapMb,
  };
}

/** Runs the benchmark with any pass implementation (the lead plugs in connectors + upsert here). */
export async function benchmarkIngest(
  settings: BenchSettings,
  makePass: (fetcher: Fetcher) => IngestPass,
): Promise<void> {
  const { sites, ...facts } = await SiteProcess.start(settings);
  const { feeds } = facts;
  const idleRssMb = process.memoryUsage().rss / 1024 / 1024;
  const idleHeapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  const fetcher = new PoliteFetcher({
    contact: CONTACT,
    minDelayMs: settings.minDelayMs,
    allowHosts: ['127.0.0.0/8'],
  });
  try {
    const pass = makePass(fetcher);
    const first = await measure('first pass', sites, () => pass(feeds));
    const changed = await sites.mutate();
    const second = await measure('second pass', sites, () => pass(feeds));
    // Same pass, same parsing, fresh state: only the fetching differs.
    const bare = await measure('bare sequential', sites, () =>
      makePass(new BareSequentialFetcher(settings.minDelayMs))(feeds),
    );
    report(settings, { ...facts, changed, idleRssMb, idleHeapMb }, [first, second, bare], fetcher);
  } finally {
    await fetcher.close();
    await sites.stop();
  }
}

function report(
  settings: BenchSettings,
  facts: SiteFacts & { changed: number; idleRssMb: number; idleHeapMb: number },
  figures: PassFigures[],
  fetcher: PoliteFetcher,
): void {
  const [first, second, bare] = figures;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
  console.log('bench:ingest — settings');
  console.log(
    `  calls ${settings.calls} over ${settings.hosts} hosts (127.0.0.1…127.0.0.${settings.hosts}), min delay ${settings.minDelayMs} ms per host, ` +
      `pass "${settings.pass}", ${facts.changed} calls changed between passes, node ${process.version}, ${cpus().length} CPU(s)`,
  );
  console.log(
    `  call page ${(facts.pageBytes / 1024).toFixed(1)} KB (${(facts.pageGzipBytes / 1024).toFixed(1)} KB gzipped); ` +
      `before the first pass: RSS ${facts.idleRssMb.toFixed(0)} MB, heap ${facts.idleHeapMb.toFixed(0)} MB`,
  );
  console.log(
    '  pass              seconds  CPU s  calls/s  calls  failed  requests  304s   server bytes  peak RSS  peak heap  kept heap',
  );
  for (const f of figures) {
    console.log(
      `  ${f.label.padEnd(16)} ${f.seconds.toFixed(2).padStart(8)} ${f.cpuSeconds.toFixed(1).padStart(6)} ${(f.calls / f.seconds).toFixed(0).padStart(8)} ${String(f.calls).padStart(6)} ` +
        `${String(f.failures).padStart(7)} ${String(f.server.requests).padStart(9)} ${String(f.server.notModified).padStart(5)} ` +
        `${mb(f.server.bytes).padStart(11)} MB ${f.peakRssMb.toFixed(0).padStart(6)} MB ${f.peakHeapMb.toFixed(0).padStart(7)} MB ` +
        `${f.keptHeapMb === null ? '        —' : `${f.keptHeapMb.toFixed(0).padStart(7)} MB`}`,
    );
  }
  const share = (second.server.bytes / first.server.bytes) * 100;
  const ratio = first.seconds / bare.seconds;
  console.log(
    `  second pass bytes / first pass bytes: ${share.toFixed(2)} % (goal ≤ 5 %)${share <= 5 ? '' : '  ← over goal'}`,
  );
  console.log(
    `  first pass time / bare sequential time: ${ratio.toFixed(2)}× (goal ≤ 2×)${ratio <= 2 ? '' : '  ← over goal'}`,
  );
  console.log(
    `  second pass time / first pass time: ${(second.seconds / first.seconds).toFixed(2)}× (goal < 1×)`,
  );
  const stats = fetcher.stats();
  console.log(
    `  fetcher totals: ${stats.requests} requests (${stats.robotsRequests} robots.txt), ${stats.notModified} × 304, ` +
      `${mb(stats.bytes)} MB on the wire, ${mb(stats.decodedBytes)} MB decoded, ${stats.retries} retries, ${stats.failures} failures`,
  );
}

function readSettings(argv: string[]): BenchSettings {
  const value = (name: string, fallback: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 && argv[index + 1] !== undefined ? argv[index + 1] : fallback;
  };
  const settings: BenchSettings = {
    calls: Number(value('calls', '2000')),
    hosts: Number(value('hosts', '20')),
    minDelayMs: Number(value('min-delay', '20')),
    changeShare: Number(value('change', '0.01')),
    pass: value('pass', 'pipeline') as BenchSettings['pass'],
  };
  const problems = [
    Number.isInteger(settings.calls) && settings.calls > 0
      ? null
      : '--calls must be a positive integer',
    Number.isInteger(settings.hosts) && settings.hosts >= 1 && settings.hosts <= 254
      ? null
      : '--hosts must be 1…254',
    Number.isInteger(settings.minDelayMs) && settings.minDelayMs >= 0
      ? null
      : '--min-delay must be an integer ≥ 0',
    settings.changeShare > 0 && settings.changeShare <= 1 ? null : '--change must be in (0, 1]',
    ['minimal', 'connector', 'pipeline'].includes(settings.pass)
      ? null
      : '--pass must be pipeline, minimal or connector',
  ].filter((problem) => problem !== null);
  if (problems.length > 0) throw new Error(`bench:ingest: ${problems.join('; ')}`);
  return settings;
}

async function main(): Promise<void> {
  const settings = readSettings(process.argv.slice(2));
  if (settings.pass !== 'pipeline') {
    return benchmarkIngest(settings, settings.pass === 'connector' ? connectorPass : minimalPass);
  }
  const database = await scratchDatabase();
  try {
    // The reference is the same fetch-and-parse (connector) over the bare sequential fetcher, no database.
    await benchmarkIngest(settings, (fetcher) => {
      if (fetcher instanceof BareSequentialFetcher) return connectorPass(fetcher);
      let pass: Promise<IngestPass> | null = null;
      return async (feeds) =>
        (await (pass ??= pipelinePass(fetcher, database.dataSource, feeds)))(feeds);
    });
  } finally {
    await database.drop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
