// The learning curve of issue 15 item 5: precision of a simulated organisation's list after 0,
// 10, 20 and 50 marks, cross-validated on the labelled calls (marks drawn from the training
// folds only). Usage: npm run eval:learning-curve -- [--folds N] [--seed S] [FILE]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  Classifier,
  DEFAULT_FOLDS,
  DEFAULT_SEED,
  exemplarSpaceFitter,
  formatLearningCurve,
  learningCurve,
  readLabelledCalls,
} from '@app/classifier';

function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} : nombre entier attendu, reçu « ${value} »`);
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
  const fit = exemplarSpaceFitter(classifier.definition, calls);
  for (const strategy of ['top', 'random'] as const) {
    const report = learningCurve(calls, fit, { folds, seed, strategy });
    process.stdout.write(`${formatLearningCurve(report)}\n\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `eval-learning-curve: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
