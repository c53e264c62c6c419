import type { Provider } from '@nestjs/common';
import { loadFundingRules } from '../funding-rules.loader';
import type { FundingRules } from '../funding-rules.types';

/** Injection token of the funding payment rules, read once at start (a broken file stops the start). */
export const FUNDING_RULES = Symbol('FUNDING_RULES');

export const fundingRulesProvider: Provider<FundingRules> = {
  provide: FUNDING_RULES,
  useFactory: () => loadFundingRules(),
};
