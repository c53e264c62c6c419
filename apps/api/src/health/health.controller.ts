import { metricsAccess } from '@app/common';
import { VigieConfig } from '@app/config';
import {
  BackgroundTaskStatusService,
  WorkerHeartbeat,
  type BackgroundTaskStatus,
} from '@app/persistence';
import { Public } from '@app/tenancy';
import { Controller, Get, Headers, HttpStatus, Logger, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, Repository } from 'typeorm';

/** A worker that has not beaten for this long is reported as silent. */
const WORKER_SILENT_AFTER_MS = 3 * 60_000;

/**
 * The public answer: status words only. Error texts, latencies, versions and host names help an
 * attacker more than a load balancer; they go to the log.
 */
export class DatabaseHealthView {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
}

export class WorkersHealthView {
  @ApiProperty({ description: 'Workers that beat in the last 3 minutes' }) active: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastBeatAt: string | null;
}

export class BackgroundTaskView implements BackgroundTaskStatus {
  @ApiProperty({ example: 'classification-score', description: 'pg-boss queue name' })
  task: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastRunAt: Date | null;
  @ApiProperty({ type: Number, nullable: true }) lastDurationMs: number | null;
  @ApiProperty({ enum: ['completed', 'failed'], nullable: true })
  lastOutcome: 'completed' | 'failed' | null;
  @ApiProperty({ type: String, nullable: true, description: 'Message only, credentials redacted' })
  lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastErrorAt: Date | null;
  @ApiProperty() queued: number;
  @ApiProperty() active: number;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ type: DatabaseHealthView }) database: DatabaseHealthView;
  @ApiPropertyOptional({
    type: WorkersHealthView,
    description: 'With the operator token (Bearer METRICS_TOKEN) only',
  })
  workers?: WorkersHealthView;
  @ApiPropertyOptional({
    type: [BackgroundTaskView],
    description: 'With the operator token only: each background task’s last run',
  })
  tasks?: BackgroundTaskView[];
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
  @ApiOkResponse({
    type: HealthReport,
    description: 'Up',
    example: { status: 'ok', database: { status: 'up' } },
  })
  @ApiServiceUnavailableResponse({
    type: HealthReport,
    description: 'The database does not answer (details in the log).',
    example: { status: 'degraded', database: { status: 'down' } },
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
