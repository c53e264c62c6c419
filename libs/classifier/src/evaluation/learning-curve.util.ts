import { createHash } from 'node:crypto';
import { buildFeedbackModel } from '../feedback/feedback-model';
import type { FeedbackMark } from '../classifier.types';
import type { ClassifierFitter, CrossValidationOptions } from './cross-validation.types';
import { stratifiedFolds } from './cross-validation.util';
import type { BinaryMetrics, LabelledCall } from './evaluation.types';
import { binaryMetrics } from './evaluation.util';

/** How many calls of each held-out fold the « top list » precision looks at. */
export const TOP_LIST_SIZE = 5;

/**
 * How the simulated organisation picks the calls it marks: from the top of its list (what a
 * user triages first), or at random among the training calls (seeded).
 */
export type MarkStrategy = 'top' | 'random';
export const DEFAULT_MARK_COUNTS: readonly number[] = [0, 10, 20, 50];

export interface LearningCurvePoint {
  marks: number;
  /** Over every held-out call: the list of calls scored relevant for the organisation. */
  list: BinaryMetrics;
  /** Mean over the folds of the precision of the TOP_LIST_SIZE best-ranked held-out calls. */
  topPrecision: number;
}

export interface LearningCurveReport extends CrossValidationOptions {
  total: number;
  strategy: MarkStrategy;
  points: LearningCurvePoint[];
}

/** A seeded pseudo-random rank of a call, the same for the same seed and fold. */
const drawOrder = (call: LabelledCall, fold: number, seed: number): number =>
  createHash('sha256').update(`${seed}:${fold}:${call.id}`).digest().readUInt32BE(0);

const markOf = (call: LabelledCall): FeedbackMark => ({
  callId: call.id,
  title: call.title,
  description: call.description,
  funder: call.funder ?? null,
  documents: call.documents ?? null,
  relevant: call.relevant,
});

/**
 * Issue 15 item 5: how an organisation's list improves as it marks calls. For each fold, the
 * classifier is fitted on the other folds, and a simulated organisation — whose verdicts are
 * the labels — triages its list from the top: it marks the `n` training calls the classifier
 * ranks best (marks drawn from the training folds only). The held-out fold is then scored with
 * the shared rules plus the feedback model learnt from those marks.
 */
export function learningCurve(
  calls: readonly LabelledCall[],
  fit: ClassifierFitter,
  options: CrossValidationOptions & { markCounts?: readonly number[]; strategy?: MarkStrategy },
): LearningCurveReport {
  const strategy = options.strategy ?? 'top';
  const counts = options.markCounts ?? DEFAULT_MARK_COUNTS;
  const folds = stratifiedFolds(calls, options.folds, options.seed);
  const pairs = counts.map(() => [] as Array<{ predicted: boolean; actual: boolean }>);
  const tops = counts.map(() => [] as number[]);
  folds.forEach((heldOut, f) => {
    const training = folds.filter((_, g) => g !== f).flat();
    const { classifier } = fit(training);
    const triaged =
      strategy === 'top'
        ? training
            .map((call) => ({ call, score: classifier.classify(call).score }))
            .sort((a, b) => b.score - a.score || a.call.id.localeCompare(b.call.id))
            .map((x) => x.call)
        : [...training].sort(
            (a, b) => drawOrder(a, f, options.seed) - drawOrder(b, f, options.seed),
          );
    counts.forEach((n, i) => {
      const marks = triaged.slice(0, n).map(markOf);
      const feedback = n > 0 ? buildFeedbackModel(marks, classifier) : null;
      const scored = heldOut.map((call) => ({
        call,
        result: classifier.classify(call, { feedback }),
      }));
      for (const { call, result } of scored) {
        pairs[i].push({ predicted: result.relevant, actual: call.relevant });
      }
      const top = scored
        .sort((a, b) => b.result.score - a.result.score || a.call.id.localeCompare(b.call.id))
        .slice(0, TOP_LIST_SIZE);
      tops[i].push(top.filter((x) => x.call.relevant).length / top.length);
    });
  });
  return {
    folds: options.folds,
    seed: options.seed,
    total: calls.length,
    strategy,
    points: counts.map((marks, i) => ({
      marks,
      list: binaryMetrics(pairs[i]),
      topPrecision: tops[i].reduce((a, b) => a + b, 0) / tops[i].length,
    })),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** The table the README quotes. */
export function formatLearningCurve(report: LearningCurveReport): string {
  const lines = [
    `Courbe d'apprentissage — ${report.total} appels étiquetés, ${report.folds} plis stratifiés (graine ${report.seed}) ; marques tirées des plis d'entraînement uniquement, ${report.strategy === 'top' ? 'en triant la liste par le haut' : 'au hasard'}`,
    '',
    `| marques | précision de la liste | rappel de la liste | F1 | précision des ${TOP_LIST_SIZE} premiers |`,
    '|---:|---:|---:|---:|---:|',
    ...report.points.map(
      (p) =>
        `| ${p.marks} | ${pct(p.list.precision)} | ${pct(p.list.recall)} | ${pct(p.list.f1)} | ${pct(p.topPrecision)} |`,
    ),
  ];
  return lines.join('\n');
}
