export { Classifier, type ClassifyOptions, type AnalysedCall } from './classifier';
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
  runClassifyCommand,
  type ClassifyCommandOptions,
  type ClassifyCommandResult,
} from './cli/classify-command';
export { ClassificationModule } from './classification.module';
