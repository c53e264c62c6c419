import { WorkerHeartbeat } from '@app/persistence';
import { Public } from '@app/tenancy';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, Repository } from 'typeorm';

/** A worker that has not beaten for this long is reported as silent. */
const WORKER_SILENT_AFTER_MS = 3 * 60_000;

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { status: 'up' | 'down'; latencyMs?: number; error?: string };
  workers: { active: number; lastBeatAt: string | null };
  uptimeSeconds: number;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(WorkerHeartbeat) private readonly heartbeats: Repository<WorkerHeartbeat>,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'The service answers; 503 when the database does not.' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const started = process.hrtime.bigint();
    try {
      await this.dataSource.query('SELECT 1');
      const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      return {
        status: 'ok',
        database: { status: 'up', latencyMs: Math.round(latencyMs * 10) / 10 },
        workers: await this.workers(),
        uptimeSeconds: Math.round(process.uptime()),
      };
    } catch (error) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return {
        status: 'degraded',
        database: { status: 'down', error: (error as Error).message },
        workers: { active: 0, lastBeatAt: null },
        uptimeSeconds: Math.round(process.uptime()),
      };
    }
  }

  private async workers(): Promise<HealthReport['workers']> {
    const beats = await this.heartbeats.find({ order: { beatAt: 'DESC' } });
    const cutoff = Date.now() - WORKER_SILENT_AFTER_MS;
    return {
      active: beats.filter((beat) => beat.beatAt.getTime() >= cutoff).length,
      lastBeatAt: beats[0]?.beatAt.toISOString() ?? null,
    };
  }
}
