import { CallClassificationService } from '@app/classifier';
import { CallEligibilityService } from '@app/eligibility';
import { BackgroundJobService, JobName } from '@app/persistence';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SCORING_LOCK } from './classification.constants';

/**
 * Scores stored calls that are new, changed, or scored by an older classifier version (and reads
 * who may apply to them, issue 15), as the
 * `classification-score` job. A long pass can outlive its 30 s slot while the next slot's job
 * starts on another worker: the advisory lock lets that one skip (scoring is idempotent anyway,
 * the lock only avoids double work, also with `calls:rescore` run by hand).
 */
@Injectable()
export class ClassificationConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClassificationConsumer.name);

  constructor(
    private readonly jobs: BackgroundJobService,
    private readonly classification: CallClassificationService,
    private readonly eligibility: CallEligibilityService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work(JobName.CLASSIFICATION, () => this.run());
  }

  /** One pass; returns how many calls it scored (0 when another worker holds the lock). */
  async run(): Promise<number> {
    return this.withLock(() => this.scoreAll());
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
