import type { CallField, EuFundId } from '../classifier.types';

/** Where a thesaurus entry was written, for error messages. */
export interface SourceRef {
  file: string;
  line: number;
}

export type RuleKind = 'concept' | 'negative' | 'eligibility';

/** A named group of terms; any term (word or phrase) found in a call fires it. */
export interface RuleDefinition {
  id: string;
  kind: RuleKind;
  /** Theme the concept belongs to; null for negatives and eligibility rules. */
  theme: string | null;
  label: string;
  weight: number;
  terms: string[];
  /** Why the entry is there (optional `reason:` in YAML): which calls it separates, and how. */
  reason?: string;
  source: SourceRef;
}

export interface ThemeDefinition {
  id: string;
  label: string;
  /** How much this theme's evidence counts toward the relevance decision (0 = context only). */
  relevance: number;
  exemplars: string[];
  source: SourceRef;
}

/** Fires when a word of `anchor` and a word of `near` are at most `window` content words apart. */
export interface ProximityDefinition {
  id: string;
  theme: string;
  label: string;
  weight: number;
  window: number;
  anchor: string[];
  near: string[];
  /** Why the rule is there (optional `reason:` in YAML). */
  reason?: string;
  source: SourceRef;
}

export interface EuFundDefinition {
  id: EuFundId;
  label: string;
  terms: string[];
  source: SourceRef;
}

export interface ThesaurusSettings {
  fieldWeights: Record<CallField, number>;
  /** Score at or above which a call is relevant. */
  threshold: number;
  /** Evidence-to-score scale: score = 1 - exp(-evidence / scale). */
  scale: number;
  /** Extra weight of each repeated occurrence of a concept (capped at 3 repeats). */
  repeatBonus: number;
  /** Weight of the k-th strongest concept of a theme (or negative) is stackingDecay^(k-1). */
  stackingDecay: number;
  /** Theme score at or above which the theme is listed as detected. */
  themeThreshold: number;
  semantic: { weight: number; floor: number };
  feedback: { weight: number; minSimilarity: number; markedCallWeight: number };
}

export interface ThesaurusDefinition {
  settings: ThesaurusSettings;
  themes: ThemeDefinition[];
  rules: RuleDefinition[];
  proximity: ProximityDefinition[];
  euFunds: EuFundDefinition[];
  /** Texts written by us that are off-topic on purpose, to contrast the themes' exemplars. */
  counterExemplars: string[];
  /** sha-256 of the files' names and contents. */
  contentHash: string;
  files: string[];
}

/** A thesaurus file as read from disk (or given by a test). */
export interface ThesaurusFile {
  name: string;
  content: string;
}
