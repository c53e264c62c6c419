import { metricsAccess, vigieMetrics } from '@app/common';
import { VigieConfig } from '@app/config';
import { BackgroundTaskStatusService } from '@app/persistence';
import { Public } from '@app/tenancy';
import {
  Controller,
  Get,
  Headers,
  NotFoundException,
  OnModuleInit,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

/**
 * GET /metrics in Prometheus format for the scraper holding METRICS_TOKEN (404 when none is
 * configured, 401 without it). The api's own counters (HTTP latency) plus the fleet's queue
 * depth read from the job tables; each worker serves its job and crawl counters on its own port.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController implements OnModuleInit {
  constructor(
    private readonly config: VigieConfig,
    private readonly tasks: BackgroundTaskStatusService,
  ) {}

  onModuleInit(): void {
    vigieMetrics.collectProcessMetrics();
    vigieMetrics.readQueueDepthWith(() => this.tasks.queueDepth());
  }

  @Public()
  @Get()
  async scrape(
    @Res() response: Response,
    @Headers('authorization') authorization?: string,
  ): Promise<void> {
    const access = metricsAccess(this.config.METRICS_TOKEN, authorization);
    if (access === 'disabled') throw new NotFoundException();
    if (access === 'denied') throw new UnauthorizedException();
    response
      .status(200)
      .setHeader('Content-Type', vigieMetrics.registry.contentType)
      .setHeader('Cache-Control', 'no-store')
      .send(await vigieMetrics.registry.metrics());
  }
}
