import type { ClassifiableCall, Classification } from '../classifier.types';

/** A call with a human relevance label, as in the labelled dev set. */
export interface LabelledCall extends ClassifiableCall {
  relevant: boolean;
  themes: string[];
}

export interface BinaryMetrics {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  total: number;
  relevance: BinaryMetrics;
  /** Keep a call only if it contains « médiation numérique ». */
  baseline: BinaryMetrics;
  /** Recall on the relevant calls that never contain « médiation numérique ». */
  hardRecall: { found: number; total: number; recall: number };
  themes: Record<string, BinaryMetrics>;
  misclassified: { call: LabelledCall; classification: Classification }[];
  version: string;
}
