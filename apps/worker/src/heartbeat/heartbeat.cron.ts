import { WorkerHeartbeat } from '@app/persistence';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Repository } from 'typeorm';

/** Tells /health that a worker is alive; several workers each keep their own row. */
@Injectable()
export class HeartbeatCron implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatCron.name);
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly startedAt = new Date();

  constructor(
    @InjectRepository(WorkerHeartbeat) private readonly heartbeats: Repository<WorkerHeartbeat>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.logger.log(`Worker ${this.workerId} started`);
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: 'heartbeat', timeZone: 'Europe/Paris' })
  async beat(): Promise<void> {
    await this.heartbeats.upsert(
      {
        workerId: this.workerId,
        hostname: hostname(),
        pid: process.pid,
        startedAt: this.startedAt,
        beatAt: new Date(),
      },
      ['workerId'],
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.heartbeats.delete({ workerId: this.workerId }).catch(() => undefined);
  }
}
