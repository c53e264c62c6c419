import { WorkerHeartbeat } from '@app/persistence';
import { Public } from '@app/tenancy';
import { Controller, Get, HttpStatus, Logger, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
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

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ type: DatabaseHealthView }) database: DatabaseHealthView;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);
  private workersSilent: boolean | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(WorkerHeartbeat) private readonly heartbeats: Repository<WorkerHeartbeat>,
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
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      this.logger.error({ err: error }, `health: database down: ${(error as Error).message}`);
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'degraded', database: { status: 'down' } };
    }
    await this.noteWorkers();
    return { status: 'ok', database: { status: 'up' } };
  }

  /** Says in the log when workers fall silent or come back, once per change, not per probe. */
  private async noteWorkers(): Promise<void> {
    const workers = await this.workers();
    const silent = workers.active === 0;
    if (silent === this.workersSilent) return;
    this.workersSilent = silent;
    if (silent) this.logger.warn(workers, 'health: no worker has beaten for 3 minutes');
    else this.logger.log(workers, 'health: workers active');
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
