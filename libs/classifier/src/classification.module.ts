import { Module } from '@nestjs/common';
import { CallClassificationService } from './nest/call-classification.service';
import { classifierProvider } from './nest/classifier.provider';
import { FeedbackService } from './nest/feedback.service';
import { OrganisationScoreService } from './nest/organisation-score.service';
import { PersonalScoreService } from './nest/personal-score.service';
import { CallRankingQuery } from './ranking/call-ranking.query';

const providers = [
  classifierProvider,
  CallClassificationService,
  FeedbackService,
  PersonalScoreService,
  OrganisationScoreService,
  CallRankingQuery,
];

/**
 * Stored classifications, per-organisation feedback and the one read side of the calls, for
 * the Nest processes. The thesaurus is loaded once, when the module starts.
 */
@Module({ providers, exports: providers })
export class ClassificationModule {}
