/** The call fields the classifier reads; everything else about a call is ignored. */
export interface ClassifiableCall {
  id: string;
  title: string;
  description: string;
  funder?: string | null;
  /** Text extracted from attached documents (rules, specifications), if any. */
  documents?: string | null;
}

export type CallField = 'title' | 'description' | 'funder' | 'documents';

export const CALL_FIELDS: readonly CallField[] = ['title', 'description', 'funder', 'documents'];

/** EU funds the thesaurus can detect; `null` on a classification when none is detected. */
export type EuFundId =
  | 'FSE_PLUS'
  | 'FEADER_LEADER'
  | 'FEDER'
  | 'ERASMUS_PLUS'
  | 'INTERREG'
  | 'CERV'
  | 'DIGITAL_EUROPE'
  | 'OTHER_EU';

export const EU_FUND_IDS: readonly EuFundId[] = [
  'FSE_PLUS',
  'FEADER_LEADER',
  'FEDER',
  'ERASMUS_PLUS',
  'INTERREG',
  'CERV',
  'DIGITAL_EUROPE',
  'OTHER_EU',
];

export type ExplanationKind =
  'concept' | 'proximity' | 'negative' | 'eligibility' | 'semantic' | 'feedback';

/** One reason behind a score: what fired, where, on which words, and how much it weighed. */
export interface ExplanationEntry {
  /** Concept or rule id from the thesaurus, or `semantic:<theme>` / `feedback`. */
  concept: string;
  field: CallField;
  /** The words as written in the call (or, for feedback, a sentence about the marks). */
  match: string;
  /** Signed contribution to the relevance evidence; negative rules weigh below zero. */
  weight: number;
  kind: ExplanationKind;
  theme: string | null;
  /** A short passage of the field around the match. */
  snippet: string;
}

export interface ThemeScore {
  id: string;
  score: number;
}

export interface Classification {
  callId: string;
  /** Relevance in [0, 1]. */
  score: number;
  relevant: boolean;
  /** Themes with a non-zero score, best first. */
  themes: ThemeScore[];
  euFund: EuFundId | null;
  /** Reasons, strongest first (by absolute weight). */
  explanation: ExplanationEntry[];
  /** Classifier version (thesaurus content hash + code version) that made this result. */
  version: string;
  /** Id of the feedback model used, when one was. */
  feedbackModel: string | null;
}

/** A relevance mark an organisation put on a call, with the call's text. */
export interface FeedbackMark {
  callId: string;
  title: string;
  description: string;
  funder?: string | null;
  documents?: string | null;
  relevant: boolean;
}
