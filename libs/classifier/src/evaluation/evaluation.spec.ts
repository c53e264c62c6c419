import { describeWithSharedData, sharedDataPath } from '@app/testing';
import { Classifier } from '../classifier';
import {
  DEFAULT_FOLDS,
  DEFAULT_SEED,
  crossValidate,
  exemplarSpaceFitter,
  formatCrossValidation,
} from './cross-validation.util';
import {
  binaryMetrics,
  evaluateClassifier,
  formatEvaluation,
  readLabelledCalls,
} from './evaluation.util';

describeWithSharedData('evaluation on the labelled dev set', () => {
  it('meets the acceptance thresholds and beats the « médiation numérique » baseline', async () => {
    const classifier = await Classifier.load();
    const report = evaluateClassifier(
      classifier,
      readLabelledCalls(sharedDataPath('calls-dev.jsonl')),
    );
    expect(report.total).toBeGreaterThan(200);
    expect(report.relevance.f1).toBeGreaterThanOrEqual(0.9);
    expect(report.relevance.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.hardRecall.recall).toBeGreaterThanOrEqual(0.85);
    expect(report.relevance.f1).toBeGreaterThan(report.baseline.f1);
    expect(formatEvaluation(report)).toContain('Misclassified');
  });

  it('meets the targets cross-validated: F1 ≥ 0.93, and in-sample minus cross-validated ≤ 0.03', async () => {
    const classifier = await Classifier.load();
    const calls = readLabelledCalls(sharedDataPath('calls-dev.jsonl'));
    const inSample = evaluateClassifier(classifier, calls).relevance;
    const cv = crossValidate(calls, exemplarSpaceFitter(classifier.definition, calls), {
      folds: DEFAULT_FOLDS,
      seed: DEFAULT_SEED,
    });
    expect(cv.pooled.f1).toBeGreaterThanOrEqual(0.93);
    expect(cv.pooled.recall).toBeGreaterThanOrEqual(0.9);
    expect(inSample.f1 - cv.pooled.f1).toBeLessThanOrEqual(0.03);
    expect(formatCrossValidation(cv, inSample.f1)).toContain('hand-written');
  });

  it('gives every relevant decision an explanation entry that quotes matched words', async () => {
    const classifier = await Classifier.load();
    for (const call of readLabelledCalls(sharedDataPath('calls-dev.jsonl'))) {
      const result = classifier.classify(call);
      if (result.relevant)
        expect(result.explanation.some((e) => e.weight > 0 && e.match.trim() !== '')).toBe(true);
    }
  });
});

describe(binaryMetrics.name, () => {
  it('computes precision, recall and F1', () => {
    const m = binaryMetrics([
      { predicted: true, actual: true },
      { predicted: true, actual: false },
      { predicted: false, actual: true },
      { predicted: false, actual: false },
    ]);
    expect(m).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(binaryMetrics([]).f1).toBe(0);
  });
});
