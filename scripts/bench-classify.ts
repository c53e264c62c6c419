// Classifier throughput on one core: 20,000 calls (the dev set repeated), against the floor of
// the work, a bare tokenize-and-stem pass (lower-case, split on non-letters, memoised French
// Porter stemmer) over the same texts. Usage: npm run bench:classify [FILE]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PorterStemmerFr } from 'natural';
import { Classifier, type ClassifiableCall } from '@app/classifier';

const TOTAL = 20_000;
const ROUNDS = 3;

function loadCalls(file: string): ClassifiableCall[] {
  const base = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ClassifiableCall)
    .map(({ id, title, description, funder }) => ({ id, title, description, funder }));
  return Array.from({ length: TOTAL }, (_, i) => base[i % base.length]);
}

function barePass(calls: readonly ClassifiableCall[], memo: Map<string, string>): number {
  let tokens = 0;
  for (const call of calls) {
    const text = `${call.title} ${call.description} ${call.funder ?? ''}`.toLowerCase();
    for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
      if (word === '') continue;
      let stem = memo.get(word);
      if (stem === undefined) {
        stem = PorterStemmerFr.stem(word);
        memo.set(word, stem);
      }
      tokens++;
    }
  }
  return tokens;
}

/** Best of a few rounds, after a warm-up round that fills the memos and the JIT. */
function bestSeconds(run: () => void): number {
  run();
  let best = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

async function main(): Promise<void> {
  const file =
    process.argv[2] ?? resolve(__dirname, '..', '..', '..', 'shared', 'data', 'calls-dev.jsonl');
  const calls = loadCalls(file);
  const classifier = await Classifier.load();
  const memo = new Map<string, string>();
  let relevant = 0;
  const classify = bestSeconds(() => {
    relevant = 0;
    for (const call of calls) if (classifier.classify(call).relevant) relevant++;
  });
  const bare = bestSeconds(() => barePass(calls, memo));
  const chars = calls.reduce(
    (n, c) => n + c.title.length + c.description.length + (c.funder?.length ?? 0),
    0,
  );
  const lines = [
    `calls: ${TOTAL} (dev set repeated), mean ${Math.round(chars / TOTAL)} characters per call`,
    `node ${process.version}, one core, best of ${ROUNDS} rounds after warm-up`,
    `classifier: ${(TOTAL / classify).toFixed(0)} calls/s (${((classify / TOTAL) * 1e6).toFixed(1)} µs/call, ${relevant} relevant)`,
    `bare tokenize+stem (memoised): ${(TOTAL / bare).toFixed(0)} calls/s`,
    `ratio classifier / bare pass: ${(classify / bare).toFixed(2)}×`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench-classify: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
