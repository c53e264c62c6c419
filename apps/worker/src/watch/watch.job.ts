import { VigieConfig } from '@app/config';
import { DigestService, WatchMatchService } from '@app/watch';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Arbitrary, fixed: the advisory lock that lets one worker at a time run the watch pass. */
const WATCH_LOCK = 60_001;

/**
 * Every WATCH_TICK_SECONDS: match the calls changed since the last pass, then send the digests
 * that are due. Both steps are idempotent; the advisory lock only saves duplicate work.
 */
@Injectable()
export class WatchJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WatchJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matches: WatchMatchService,
    private readonly digests: DigestService,
    private readonly config: VigieConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.WATCH_TICK_SECONDS * 1000);
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; a tick that comes while the previous pass still runs is skipped. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [
        WATCH_LOCK,
      ]);
      if (!locked) return;
      try {
        await this.matches.refresh();
        const sent = await this.digests.runDue();
        if (sent.sent || sent.failed || sent.consentsSent)
          this.logger.log(`digests: ${JSON.stringify(sent)}`);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [WATCH_LOCK]);
      }
    } catch (error) {
      this.logger.error(`watch pass failed: ${(error as Error).message}`);
    } finally {
      await runner.release();
    }
  }
}
