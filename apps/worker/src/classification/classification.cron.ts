import { CallClassificationService } from '@app/classifier';
import { CallEligibilityService } from '@app/eligibility';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SCORING_LOCK } from './classification.constants';

/**
 * Scores stored calls that are new, changed, or scored by an older classifier version (and
 * reads who may apply to them, issue 15): at
 * start, then every 30 s. Several workers may run; a Postgres advisory lock lets one score
 * while the others skip the tick (scoring is idempotent anyway, this only avoids double work).
 */
@Injectable()
export class ClassificationCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClassificationCron.name);
  private running = false;

  constructor(
    private readonly classification: CallClassificationService,
    private readonly eligibility: CallEligibilityService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: a large backlog after a thesaurus change must not delay the worker's start.
    void this.tick();
  }

  @Cron('*/30 * * * * *', { name: 'classification', timeZone: 'Europe/Paris' })
  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      return await this.withLock(() => this.scoreAll());
    } catch (error) {
      this.logger.error(`Scoring failed: ${(error as Error).message}`, (error as Error).stack);
      return 0;
    } finally {
      this.running = false;
    }
  }

  private async scoreAll(): Promise<number> {
    // Who may apply is read in the same pass, so a new call's verdict is ready with its score.
    const extracted = await this.eligibility.computePending();
    if (extracted > 0) {
      this.logger.log(
        `Read the eligibility of ${extracted} calls with ${this.eligibility.version}`,
      );
    }
    const pending = await this.classification.pendingCounts();
    if (pending.unscored + pending.changed + pending.outdated === 0) return 0;
    const scored = await this.classification.scorePending();
    this.logger.log(
      `Scored ${scored} calls (new ${pending.unscored}, changed ${pending.changed}, ` +
        `other classifier version ${pending.outdated}) with ${this.classification.version}`,
    );
    return scored;
  }

  private async withLock(work: () => Promise<number>): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        SCORING_LOCK,
      ]);
      if (!locked) return 0;
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SCORING_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
