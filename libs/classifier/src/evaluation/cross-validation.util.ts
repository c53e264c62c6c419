import { createHash } from 'node:crypto';
import { Classifier } from '../classifier';
import { FrenchTokenizer } from '../text/french-tokenizer';
import type { ThesaurusDefinition } from '../thesaurus/thesaurus.types';
import type {
  ClassifierFitter,
  CrossValidationOptions,
  CrossValidationReport,
  FittedClassifier,
  Spread,
} from './cross-validation.types';
import type { LabelledCall } from './evaluation.types';
import { binaryMetrics } from './evaluation.util';

export const DEFAULT_FOLDS = 5;
export const DEFAULT_SEED = 20261207;

/**
 * Consecutive content stems an exemplar shares with a call, as a share of its own, from which
 * we say it was written from that call. Exemplars written with no call in mind share at most
 * ~12 % of their stem trigrams with any dev call; a text written from one call shares more.
 * Erring low leaves more exemplars out of a fold: a stricter evaluation, not a looser one.
 */
export const DERIVED_EXEMPLAR_OVERLAP = 0.15;
const SHINGLE = 3;

/** mulberry32: a small seeded generator, so that folds are the same for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits the calls into `k` disjoint folds that together hold every call, each with about the
 * same share of relevant calls (36 relevant of 289: unstratified folds could hold none).
 */
export function stratifiedFolds(
  calls: readonly LabelledCall[],
  k: number,
  seed: number,
): LabelledCall[][] {
  if (!Number.isInteger(k) || k < 2 || k > calls.length) {
    throw new Error(`nombre de plis invalide : ${k} (entre 2 et ${calls.length})`);
  }
  const random = seededRandom(seed);
  const folds: LabelledCall[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const label of [true, false]) {
    const group = calls.filter((c) => c.relevant === label);
    // Fisher–Yates with the seeded generator.
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j], group[i]];
    }
    // Dealt round-robin, carrying on across labels so that fold sizes differ by at most one.
    for (const call of group) {
      folds[next].push(call);
      next = (next + 1) % k;
    }
  }
  return folds;
}

function shingles(stems: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= stems.length; i++) out.add(stems.slice(i, i + SHINGLE).join(' '));
  return out;
}

/**
 * For every exemplar and counter-exemplar of the thesaurus (in the order themes, then counter
 * exemplars), the labelled calls it was written from: those sharing at least
 * `DERIVED_EXEMPLAR_OVERLAP` of its stem trigrams. Reads only the calls' text, never labels.
 */
export function exemplarOrigins(
  definition: ThesaurusDefinition,
  calls: readonly LabelledCall[],
): string[][] {
  const tokenizer = new FrenchTokenizer();
  const callShingles = calls.map((c) => ({
    id: c.id,
    set: shingles(tokenizer.tokenize(`${c.title}\n${c.description}`).stems),
  }));
  const texts = [...definition.themes.flatMap((t) => t.exemplars), ...definition.counterExemplars];
  return texts.map((text) => {
    const own = shingles(tokenizer.tokenize(text).stems);
    if (own.size === 0) return [];
    return callShingles
      .filter(({ set }) => {
        let shared = 0;
        for (const s of own) if (set.has(s)) shared++;
        return shared / own.size >= DERIVED_EXEMPLAR_OVERLAP;
      })
      .map(({ id }) => id);
  });
}

/**
 * The production pipeline as a fitter. The thesaurus terms, weights and threshold are written by
 * hand and taken as they are; what depends on the calls is the exemplar space (theme exemplars,
 * counter-exemplars and the IDF computed over them), so it is rebuilt per fold without any
 * exemplar written from a call outside the training calls.
 */
export function exemplarSpaceFitter(
  definition: ThesaurusDefinition,
  allCalls: readonly LabelledCall[],
): ClassifierFitter {
  const origins = exemplarOrigins(definition, allCalls);
  return (training) => {
    const trained = new Set(training.map((c) => c.id));
    const exemplarIds = new Set<string>();
    let position = 0;
    let dropped = 0;
    const keep = (): boolean => {
      const from = origins[position++];
      if (!from.every((id) => trained.has(id))) {
        dropped++;
        return false;
      }
      for (const id of from) exemplarIds.add(id);
      return true;
    };
    const themes = definition.themes.map((t) => ({ ...t, exemplars: t.exemplars.filter(keep) }));
    const counterExemplars = definition.counterExemplars.filter(keep);
    const fitted: ThesaurusDefinition = {
      ...definition,
      themes,
      counterExemplars,
      contentHash:
        dropped === 0
          ? definition.contentHash
          : createHash('sha256')
              .update(definition.contentHash)
              .update([...trained].sort().join('\n'))
              .digest('hex'),
    };
    return {
      classifier: Classifier.fromDefinition(fitted),
      exemplarIds,
      droppedExemplars: dropped,
    };
  };
}

function spread(values: readonly number[]): Spread {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Stratified k-fold cross-validation: each fold is scored by a model fitted on the other folds,
 * and every call is scored exactly once. A fitted model that learnt from a held-out call is a
 * bug in the fitter, so it stops the evaluation rather than inflate the figures.
 */
export function crossValidate(
  calls: readonly LabelledCall[],
  fit: ClassifierFitter,
  options: CrossValidationOptions,
): CrossValidationReport {
  const folds = stratifiedFolds(calls, options.folds, options.seed);
  const pairs: { predicted: boolean; actual: boolean }[] = [];
  const perFold: CrossValidationReport['perFold'] = [];
  const misclassified: string[] = [];
  folds.forEach((heldOut, f) => {
    const training = folds.filter((_, g) => g !== f).flat();
    const fitted: FittedClassifier = fit(training);
    const leaked = heldOut.find((c) => fitted.exemplarIds.has(c.id));
    if (leaked)
      throw new Error(`pli ${f + 1} : l'appel tenu à l'écart ${leaked.id} a servi d'exemple`);
    const foldPairs = heldOut.map((call) => {
      const predicted = fitted.classifier.classify(call).relevant;
      if (predicted !== call.relevant) misclassified.push(call.id);
      return { predicted, actual: call.relevant };
    });
    pairs.push(...foldPairs);
    perFold.push({
      size: heldOut.length,
      relevant: heldOut.filter((c) => c.relevant).length,
      metrics: binaryMetrics(foldPairs),
      droppedExemplars: fitted.droppedExemplars,
    });
  });
  const metrics = perFold.map((p) => p.metrics);
  return {
    ...options,
    total: calls.length,
    pooled: binaryMetrics(pairs),
    perFold,
    spread: {
      precision: spread(metrics.map((m) => m.precision)),
      recall: spread(metrics.map((m) => m.recall)),
      f1: spread(metrics.map((m) => m.f1)),
    },
    misclassified,
  };
}

const fixed = (x: number): string => x.toFixed(3);

/** The cross-validated figures beside the in-sample F1, and what CV does and does not guard. */
export function formatCrossValidation(report: CrossValidationReport, inSampleF1: number): string {
  const { pooled, spread: s } = report;
  const dropped = report.perFold.map((p) => p.droppedExemplars).join(', ');
  return [
    `Cross-validated (stratified ${report.folds}-fold, seed ${report.seed}, ${report.total} calls)`,
    `  pooled over held-out folds   P ${fixed(pooled.precision)}  R ${fixed(pooled.recall)}  F1 ${fixed(pooled.f1)}  (tp ${pooled.tp}, fp ${pooled.fp}, fn ${pooled.fn})`,
    `  per fold  F1 ${fixed(s.f1.mean)} ± ${fixed(s.f1.sd)} (${fixed(s.f1.min)}–${fixed(s.f1.max)})` +
      `  P ${fixed(s.precision.mean)} ± ${fixed(s.precision.sd)}  R ${fixed(s.recall.mean)} ± ${fixed(s.recall.sd)}`,
    `  in-sample F1 ${fixed(inSampleF1)}, minus cross-validated: ${fixed(inSampleF1 - pooled.f1)}`,
    `  misclassified held out: ${report.misclassified.join(', ') || 'none'}`,
    `  fitted on the training folds only: the exemplar space (theme exemplars, counter-exemplars,`,
    `  their IDF), without exemplars written from a held-out call (left out per fold: ${dropped}).`,
    `  Not fitted: the thesaurus terms, weights and threshold are hand-written, with this dev set`,
    `  in view; cross-validation guards what is fitted, not what a person wrote.`,
  ].join('\n');
}
