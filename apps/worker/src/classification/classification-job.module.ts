import { ClassificationModule } from '@app/classifier';
import { EligibilityModule } from '@app/eligibility';
import { Module } from '@nestjs/common';
import { ClassificationConsumer } from './classification.consumer';
import { ClassificationCron } from './classification.cron';

/** Scoring of stored and changed calls (issue 4) as a pg-boss job: the cron enqueues, a consumer runs. */
@Module({
  imports: [ClassificationModule, EligibilityModule],
  providers: [ClassificationCron, ClassificationConsumer],
})
export class ClassificationJobModule {}
