export { ApplicationService } from './application.service';
export { TreasurySettingsService, type TreasurySettingsView } from './treasury-settings.service';
export { TreasuryService, type ProjectionQuery, type TreasuryFile } from './treasury.service';
export {
  CofinancingService,
  type CofinancingCandidate,
  type CofinancingResult,
} from './cofinancing.service';
export { FUNDING_RULES } from './funding-rules.provider';
export {
  APPLICATION_TRANSITIONS,
  APPLICATION_EDITORS,
  FUNDING_PLAN_EDITORS,
} from './application-status.constants';
export type {
  ApplicationView,
  ApplicationWrite,
  FundingLineView,
  StatusChange,
  StatusEventView,
} from './application.types';
