import { metricsAccess } from '@app/common';
import { VigieConfig } from '@app/config';
import {
  BackgroundTaskStatusService,
  WorkerHeartbeat,
  type BackgroundTaskStatus,
} from '@app/persistence';
import { Public } from '@app/tenancy';
import { Controller, Get, Headers, HttpStatus, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, Repository } from 'typeorm';

/** A worker that has not beaten for this long is reported as silent. */
const WORKER_SILENT_AFTER_MS = 3 * 60_000;

/**
 * The public answer: status words only. Error texts, latencies, versions and host names help an
 * attacker more than a load balancer; they go to the log.
 */
export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { status: 'up' | 'down' };
  /** With the operator token (METRICS_TOKEN) only: live workers and each background task. */
  workers?: { active: number; lastBeatAt: string | null };
  tasks?: BackgroundTaskStatus[];
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);
  private workersSilent: boolean | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(WorkerHeartbeat) private readonly heartbeats: Repository<WorkerHeartbeat>,
    private readonly tasks: BackgroundTaskStatusService,
    private readonly config: VigieConfig,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '{ status: "ok", database: { status: "up" } }' })
  @ApiServiceUnavailableResponse({
    description: 'The database does not answer (details in the log).',
  })
  async check(
    @Res({ passthrough: true }) response: Response,
    @Headers('authorization') authorization?: string,
  ): Promise<HealthReport> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      this.logger.error({ err: error }, `health: database down: ${(error as Error).message}`);
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'degraded', database: { status: 'down' } };
    }
    const workers = await this.noteWorkers();
    if (metricsAccess(this.config.METRICS_TOKEN, authorization) !== 'allowed')
      return { status: 'ok', database: { status: 'up' } };
    // Operators: each task's last run, duration and last error (message only, credentials redacted).
    return { status: 'ok', database: { status: 'up' }, workers, tasks: await this.tasks.list() };
  }

  /** Says in the log when workers fall silent or come back, once per change, not per probe. */
  private async noteWorkers(): Promise<{ active: number; lastBeatAt: string | null }> {
    const workers = await this.workers();
    const silent = workers.active === 0;
    if (silent === this.workersSilent) return workers;
    this.workersSilent = silent;
    if (silent) this.logger.warn(workers, 'health: no worker has beaten for 3 minutes');
    else this.logger.log(workers, 'health: workers active');
    return workers;
  }

  private async workers(): Promise<{ active: number; lastBeatAt: string | null }> {
    const beats = await this.heartbeats.find({ order: { beatAt: 'DESC' } });
    const cutoff = Date.now() - WORKER_SILENT_AFTER_MS;
    return {
      active: beats.filter((beat) => beat.beatAt.getTime() >= cutoff).length,
      lastBeatAt: beats[0]?.beatAt.toISOString() ?? null,
    };
  }
}
