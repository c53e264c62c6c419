import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One row of the queue depth: how many jobs of a kind wait (`queued`) or run (`active`). */
export interface QueueDepthRow {
  queue: string;
  state: 'queued' | 'active';
  count: number;
}

/**
 * The Prometheus metrics of one process (issue 16, item 8). A plain process-wide object rather
 * than a Nest provider, so any lib can count what it does (`vigieMetrics.digestsSent.inc()`)
 * without its module importing anything; /metrics (api) and the worker's metrics port read
 * `registry`. Labels are queue names, source ids, HTTP methods and route patterns: never a URL
 * with its query, an e-mail address or a token.
 */
export class VigieMetrics {
  readonly registry = new Registry();

  /** How long each background job ran, by queue and outcome (`completed` or `failed`). */
  readonly jobDuration = new Histogram({
    name: 'vigie_job_duration_seconds',
    help: 'Duration of background jobs, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'vigie_job_failures_total',
    help: 'Background jobs that threw, by queue',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  /** Errors of crawls: `source` (the whole source failed) or `item` (one call could not be read). */
  readonly crawlErrors = new Counter({
    name: 'vigie_crawl_errors_total',
    help: 'Crawl errors, by source and scope (source or item)',
    labelNames: ['source', 'scope'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'vigie_http_request_duration_seconds',
    help: 'HTTP request latency of the api, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /** Digest e-mails handed to the SMTP server, by kind (watch, collectif…): for the digest jobs to increment. */
  readonly digestsSent = new Counter({
    name: 'vigie_digests_sent_total',
    help: 'Digest e-mails sent, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly digestsFailed = new Counter({
    name: 'vigie_digests_failed_total',
    help: 'Digest e-mails that could not be sent, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  private queueDepthReader: (() => Promise<QueueDepthRow[]>) | null = null;

  /** Jobs waiting and running per queue, read from the queue's tables at each scrape. */
  readonly queueDepth = new Gauge({
    name: 'vigie_queue_depth',
    help: 'Background jobs queued or active, by queue',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
    collect: async () => {
      if (!this.queueDepthReader) return;
      const rows = await this.queueDepthReader().catch(() => null);
      this.queueDepth.reset();
      for (const row of rows ?? [])
        this.queueDepth.set({ queue: row.queue, state: row.state }, row.count);
    },
  });

  private defaultsCollected = false;

  /** Process metrics (CPU, memory, event loop lag), once per process. */
  collectProcessMetrics(): void {
    if (this.defaultsCollected) return;
    this.defaultsCollected = true;
    collectDefaultMetrics({ register: this.registry, prefix: 'vigie_' });
  }

  /** Where the queue depth comes from (the process that can read the job tables). */
  readQueueDepthWith(reader: () => Promise<QueueDepthRow[]>): void {
    this.queueDepthReader = reader;
  }

  /** Times `work` into jobDuration and counts its failures; rethrows them. */
  async timeJob<T>(queue: string, work: () => Promise<T>): Promise<T> {
    const end = this.jobDuration.startTimer({ queue });
    try {
      const result = await work();
      end({ outcome: 'completed' });
      return result;
    } catch (error) {
      end({ outcome: 'failed' });
      this.jobFailures.inc({ queue });
      throw error;
    }
  }
}

export const vigieMetrics = new VigieMetrics();
