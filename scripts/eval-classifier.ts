// Scores a labelled JSON Lines file (default: ../shared/data/calls-dev.jsonl) and prints
// precision / recall / F1 for relevance and per theme, beside the « médiation numérique » baseline,
// then the misclassified calls with their explanations. Usage: npm run eval:classifier [FILE]
import { resolve } from 'node:path';
import {
  Classifier,
  evaluateClassifier,
  formatEvaluation,
  readLabelledCalls,
} from '@app/classifier';

async function main(): Promise<void> {
  const file =
    process.argv[2] ?? resolve(__dirname, '..', '..', '..', 'shared', 'data', 'calls-dev.jsonl');
  const classifier = await Classifier.load();
  const report = evaluateClassifier(classifier, readLabelledCalls(file));
  process.stdout.write(`${formatEvaluation(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `eval-classifier: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
