import { Module } from '@nestjs/common';
import { CallClassificationService } from './nest/call-classification.service';
import { classifierProvider } from './nest/classifier.provider';
import { FeedbackService } from './nest/feedback.service';
import { PersonalScoreService } from './nest/personal-score.service';

/**
 * Stored classifications and per-organisation feedback, for the Nest processes. The thesaurus
 * is loaded once, when the module starts.
 */
@Module({
  providers: [classifierProvider, CallClassificationService, FeedbackService, PersonalScoreService],
  exports: [classifierProvider, CallClassificationService, FeedbackService, PersonalScoreService],
})
export class ClassificationModule {}
