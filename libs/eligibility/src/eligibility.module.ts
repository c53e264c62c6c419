import { Module } from '@nestjs/common';
import { CallEligibilityService } from './nest/call-eligibility.service';
import {
  ELIGIBILITY_VOCABULARY,
  eligibilityVocabularyProvider,
} from './nest/eligibility-vocabulary.provider';

/** Stored eligibility of calls and verdicts for organisations, for the Nest processes. */
@Module({
  providers: [eligibilityVocabularyProvider, CallEligibilityService],
  exports: [ELIGIBILITY_VOCABULARY, CallEligibilityService],
})
export class EligibilityModule {}
