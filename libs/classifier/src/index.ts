export {
  Classifier,
  type ClassifyOptions,
  type AnalysedCall,
  type SharedClassification,
} from './classifier';
export {
  CALL_FIELDS,
  EU_FUND_IDS,
  type CallField,
  type ClassifiableCall,
  type Classification,
  type EuFundId,
  type ExplanationEntry,
  type ExplanationKind,
  type FeedbackMark,
  type ThemeScore,
} from './classifier.types';
export { CLASSIFIER_CODE_VERSION, MAX_FIELD_LENGTH } from './classifier.constants';
export { ClassifierExceptionCode, ThesaurusError } from './classifier.exception';
export {
  FeedbackModel,
  buildFeedbackModel,
  type FeedbackAdjustment,
} from './feedback/feedback-model';
export { withFeedbackReasons } from './feedback/feedback-explanation.util';
export { defaultThesaurusDir, loadThesaurus } from './thesaurus/thesaurus.loader';
export { parseThesaurus } from './thesaurus/thesaurus.parser';
export type {
  ThesaurusDefinition,
  ThesaurusFile,
  ThesaurusSettings,
} from './thesaurus/thesaurus.types';
export {
  binaryMetrics,
  evaluateClassifier,
  formatEvaluation,
  mentionsMediationNumerique,
  readLabelledCalls,
} from './evaluation/evaluation.util';
export type { BinaryMetrics, EvaluationReport, LabelledCall } from './evaluation/evaluation.types';
export {
  DEFAULT_FOLDS,
  DEFAULT_SEED,
  crossValidate,
  exemplarOrigins,
  exemplarSpaceFitter,
  formatCrossValidation,
  stratifiedFolds,
} from './evaluation/cross-validation.util';
export {
  DEFAULT_MARK_COUNTS,
  TOP_LIST_SIZE,
  formatLearningCurve,
  learningCurve,
  type LearningCurvePoint,
  type MarkStrategy,
  type LearningCurveReport,
} from './evaluation/learning-curve.util';
export type {
  ClassifierFitter,
  CrossValidationReport,
  FittedClassifier,
} from './evaluation/cross-validation.types';
export {
  runClassifyCommand,
  type ClassifyCommandOptions,
  type ClassifyCommandResult,
} from './cli/classify-command';
export { ClassificationModule } from './classification.module';
export { CallClassificationService, type PendingCounts } from './nest/call-classification.service';
export { FeedbackService } from './nest/feedback.service';
export {
  PersonalScoreService,
  type PersonalScore,
  type ScoredCallRef,
} from './nest/personal-score.service';
export {
  CALL_TEXT_COLUMNS,
  toClassifiableCall,
  type CallText,
} from './nest/classifiable-call.util';
export { OrganisationScoreService } from './nest/organisation-score.service';
export {
  CallRankingQuery,
  ORGANISATION_REASONS_SQL,
  ORGANISATION_RELEVANT_SQL,
  ORGANISATION_SCORE_SQL,
  organisationFigureJoins,
  type CallRankingFilter,
  type OrganisationFigure,
  type RankedCall,
  type RankedPage,
} from './ranking/call-ranking.query';
export {
  ELIGIBILITY_REASON_KIND,
  NOT_ELIGIBLE_FACTOR,
  differsFromShared,
  rankCall,
  type EligibilityVerdict,
  type RankedRelevance,
  type RankingInput,
} from './ranking/call-ranking.rule';
