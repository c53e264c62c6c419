import { ClassificationModule } from '@app/classifier';
import { EligibilityModule } from '@app/eligibility';
import { Module } from '@nestjs/common';
import { ClassificationCron } from './classification.cron';

/** Scoring of stored and changed calls (issue 4). */
@Module({
  imports: [ClassificationModule, EligibilityModule],
  providers: [ClassificationCron],
})
export class ClassificationJobModule {}
