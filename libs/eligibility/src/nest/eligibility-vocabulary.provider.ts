import type { FactoryProvider } from '@nestjs/common';
import { loadEligibilityVocabulary } from '../eligibility-vocabulary.loader';

/** Injection token of the checked vocabulary (config/eligibility.yaml). */
export const ELIGIBILITY_VOCABULARY = Symbol('ELIGIBILITY_VOCABULARY');

/**
 * Loaded once when the module starts: a malformed vocabulary stops the process at start with
 * the file, line and field, instead of failing on the first call read.
 */
export const eligibilityVocabularyProvider: FactoryProvider = {
  provide: ELIGIBILITY_VOCABULARY,
  useFactory: () => loadEligibilityVocabulary(),
};
