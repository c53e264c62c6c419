import { readFileSync } from 'node:fs';
import type { Classifier } from '../classifier';
import { foldWord } from '../text/french-tokenizer';
import type { BinaryMetrics, EvaluationReport, LabelledCall } from './evaluation.types';

export function binaryMetrics(
  pairs: Iterable<{ predicted: boolean; actual: boolean }>,
): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** The naive watch: a call is kept iff its text says « médiation numérique ». */
export function mentionsMediationNumerique(call: LabelledCall): boolean {
  const text = foldWord(`${call.title} ${call.description}`).replace(/[\s\-]+/g, ' ');
  return text.includes('mediation numerique');
}

/** Reads a labelled JSON Lines file (`label`: relevant | not_relevant), naming the bad line. */
export function readLabelledCalls(path: string): LabelledCall[] {
  const calls: LabelledCall[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${path}:${i + 1}: JSON illisible (${(error as Error).message})`);
      }
      if (
        typeof record.id !== 'string' ||
        typeof record.title !== 'string' ||
        typeof record.label !== 'string'
      ) {
        throw new Error(`${path}:${i + 1}: id, title et label sont obligatoires`);
      }
      calls.push({
        id: record.id,
        title: record.title,
        description: typeof record.description === 'string' ? record.description : '',
        funder: typeof record.funder === 'string' ? record.funder : null,
        relevant: record.label === 'relevant',
        themes: Array.isArray(record.themes)
          ? record.themes.filter((t): t is string => typeof t === 'string')
          : [],
      });
    });
  return calls;
}

export function evaluateClassifier(
  classifier: Classifier,
  calls: readonly LabelledCall[],
): EvaluationReport {
  const results = calls.map((call) => ({ call, classification: classifier.classify(call) }));
  const themes: EvaluationReport['themes'] = {};
  // Themes nobody labelled in this file (e.g. seniors) would only show false alarms.
  const labelled = new Set(calls.flatMap((c) => c.themes));
  for (const theme of classifier.themeIds.filter((t) => labelled.has(t))) {
    themes[theme] = binaryMetrics(
      results.map(({ call, classification }) => ({
        predicted: classifier.detectedThemes(classification).includes(theme),
        actual: call.themes.includes(theme),
      })),
    );
  }
  const hard = results.filter(({ call }) => call.relevant && !mentionsMediationNumerique(call));
  const hardFound = hard.filter(({ classification }) => classification.relevant).length;
  return {
    total: calls.length,
    relevance: binaryMetrics(
      results.map((r) => ({ predicted: r.classification.relevant, actual: r.call.relevant })),
    ),
    baseline: binaryMetrics(
      calls.map((call) => ({ predicted: mentionsMediationNumerique(call), actual: call.relevant })),
    ),
    hardRecall: {
      found: hardFound,
      total: hard.length,
      recall: hard.length === 0 ? 0 : hardFound / hard.length,
    },
    themes,
    misclassified: results.filter((r) => r.classification.relevant !== r.call.relevant),
    version: classifier.version,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1).padStart(5)} %`;

function metricsLine(name: string, m: BinaryMetrics): string {
  return `${name.padEnd(24)} P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;
}

/** A plain-text report for the terminal. */
export function formatEvaluation(report: EvaluationReport): string {
  const lines = [
    `Classifier ${report.version} on ${report.total} labelled calls`,
    '',
    'Relevance',
    metricsLine('  classifier', report.relevance),
    metricsLine('  baseline (« médiation numérique »)', report.baseline),
    `  recall on relevant calls without « médiation numérique »: ${pct(report.hardRecall.recall)} (${report.hardRecall.found}/${report.hardRecall.total})`,
    '',
    'Themes (detected = theme score ≥ theme_threshold)',
    ...Object.entries(report.themes).map(([theme, m]) => metricsLine(`  ${theme}`, m)),
    '',
    `Misclassified (${report.misclassified.length})`,
  ];
  for (const { call, classification } of report.misclassified) {
    const kind = call.relevant ? 'MISSED (relevant)' : 'FALSE ALARM (not relevant)';
    lines.push(
      `- ${kind} ${call.id} score ${classification.score.toFixed(3)}: ${call.title.slice(0, 90)}`,
    );
    for (const e of classification.explanation.slice(0, 6)) {
      lines.push(
        `    ${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(2)} ${e.concept} [${e.field}] « ${e.match.slice(0, 70)} »`,
      );
    }
  }
  return lines.join('\n');
}
