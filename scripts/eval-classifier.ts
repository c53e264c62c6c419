// Scores a labelled JSON Lines file (default: ../shared/data/calls-dev.jsonl) and prints
// precision / recall / F1 for relevance and per theme, beside the « médiation numérique » baseline,
// then the misclassified calls with their explanations, then the stratified k-fold
// cross-validated figures (what is fitted is fitted on the training folds only).
// Usage: npm run eval:classifier -- [--folds N] [--seed S] [FILE]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  Classifier,
  DEFAULT_FOLDS,
  DEFAULT_SEED,
  crossValidate,
  evaluateClassifier,
  exemplarSpaceFitter,
  formatCrossValidation,
  formatEvaluation,
  readLabelledCalls,
} from '@app/classifier';

function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value))
    throw new Error(`--${name} : nombre entier attendu, reçu « ${value} »`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { folds: { type: 'string' }, seed: { type: 'string' } },
    allowPositionals: true,
  });
  const folds = integerOption(values.folds, 'folds', DEFAULT_FOLDS);
  const seed = integerOption(values.seed, 'seed', DEFAULT_SEED);
  const file =
    positionals[0] ?? resolve(__dirname, '..', '..', '..', 'shared', 'data', 'calls-dev.jsonl');
  const calls = readLabelledCalls(file);
  const classifier = await Classifier.load();
  const report = evaluateClassifier(classifier, calls);
  const cv = crossValidate(calls, exemplarSpaceFitter(classifier.definition, calls), {
    folds,
    seed,
  });
  process.stdout.write(
    `${formatEvaluation(report)}\n\n${formatCrossValidation(cv, report.relevance.f1)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `eval-classifier: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
