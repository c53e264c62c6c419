import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Classifier } from '../classifier';
import type { Classification } from '../classifier.types';
import { parseCallLine } from './call-line.parser';

export interface ClassifyCommandOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
  /** Default: `<repo>/config/thesaurus`. */
  thesaurusDir?: string;
  /** An already loaded classifier (the thesaurus directory is then ignored). */
  classifier?: Classifier;
}

export interface ClassifyCommandResult {
  scored: number;
  failed: number;
}

/** The output line of a scored call: the contract's keys first, extras after. */
function resultLine(result: Classification, warnings: string[]): string {
  return JSON.stringify({
    id: result.callId,
    relevant: result.relevant,
    score: result.score,
    themes: result.themes,
    euFund: result.euFund,
    explanation: result.explanation.map((e) => ({
      concept: e.concept,
      field: e.field,
      match: e.match,
      weight: e.weight,
      kind: e.kind,
      theme: e.theme,
      snippet: e.snippet,
    })),
    version: result.version,
    ...(warnings.length > 0 ? { warnings } : {}),
  });
}

/**
 * `vigie classify`: JSON Lines of calls in, one JSON line per input line out, in the same order.
 * A line that cannot be scored still gets an output line, `{"id", "line", "error"}`, so outputs
 * stay aligned with inputs; every problem is also written to `errors` with its line number.
 * Blank input lines are skipped. Streams line by line, so input size does not matter.
 */
export async function runClassifyCommand(
  options: ClassifyCommandOptions,
): Promise<ClassifyCommandResult> {
  const classifier = options.classifier ?? (await Classifier.load(options.thesaurusDir));
  const { output, errors } = options;
  const write = async (stream: NodeJS.WritableStream, text: string): Promise<void> => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  let lineNumber = 0;
  let scored = 0;
  let failed = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseCallLine(line);
    if (!parsed.ok) {
      failed++;
      await write(errors, `ligne ${lineNumber} : ${parsed.error}\n`);
      await write(
        output,
        `${JSON.stringify({ id: parsed.id, line: lineNumber, error: parsed.error })}\n`,
      );
      continue;
    }
    for (const warning of parsed.warnings) {
      await write(errors, `ligne ${lineNumber} (${parsed.call.id}) : ${warning}\n`);
    }
    let text: string;
    try {
      text = resultLine(classifier.classify(parsed.call), parsed.warnings);
    } catch (error) {
      failed++;
      const message = `échec du classement (${error instanceof Error ? error.message : String(error)})`;
      await write(errors, `ligne ${lineNumber} (${parsed.call.id}) : ${message}\n`);
      await write(
        output,
        `${JSON.stringify({ id: parsed.call.id, line: lineNumber, error: message })}\n`,
      );
      continue;
    }
    scored++;
    await write(output, `${text}\n`);
  }
  return { scored, failed };
}
