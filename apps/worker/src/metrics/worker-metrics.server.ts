import { metricsAccess, vigieMetrics } from '@app/common';
import { VigieConfig } from '@app/config';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, type Server } from 'node:http';

/**
 * A worker's own /metrics on METRICS_PORT (job durations and failures, crawl errors, digests
 * sent), behind the same bearer token as the api's. A bare node:http server, not a Nest
 * controller: the worker serves nothing else. No METRICS_PORT or no METRICS_TOKEN: no server.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server: Server | null = null;

  constructor(private readonly config: VigieConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const { METRICS_PORT: port, METRICS_TOKEN: token } = this.config;
    if (!port || !token) return;
    vigieMetrics.collectProcessMetrics();
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      if (metricsAccess(token, request.headers.authorization) !== 'allowed') {
        response.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
        return;
      }
      vigieMetrics.registry
        .metrics()
        .then((text) =>
          response.writeHead(200, { 'Content-Type': vigieMetrics.registry.contentType }).end(text),
        )
        .catch(() => response.writeHead(500).end());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.METRICS_HOST, resolve);
    });
    this.server = server;
    this.logger.log(`Metrics on http://${this.config.METRICS_HOST}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
