import type { Classifier } from '../classifier';
import type { BinaryMetrics, LabelledCall } from './evaluation.types';

/** A classifier fitted on some labelled calls, with the ids of the calls it learnt from. */
export interface FittedClassifier {
  classifier: Classifier;
  /**
   * Labelled calls whose text reached the model as exemplars (an exemplar derived from a call
   * counts as that call). Cross-validation refuses a fold where one of them is held out.
   */
  exemplarIds: ReadonlySet<string>;
  /** Exemplars of the base thesaurus left out because they derive from a call not trained on. */
  droppedExemplars: number;
}

/** Fits a classifier on the training calls only: it never sees the held-out fold. */
export type ClassifierFitter = (training: readonly LabelledCall[]) => FittedClassifier;

export interface CrossValidationOptions {
  folds: number;
  seed: number;
}

/** Mean, standard deviation and range of one figure over the folds. */
export interface Spread {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export interface CrossValidationReport extends CrossValidationOptions {
  total: number;
  /** Every call scored once, by the model fitted without its fold; metrics over all of them. */
  pooled: BinaryMetrics;
  perFold: { size: number; relevant: number; metrics: BinaryMetrics; droppedExemplars: number }[];
  spread: { precision: Spread; recall: Spread; f1: Spread };
  /** Ids of the calls the held-out models got wrong. */
  misclassified: string[];
}
