import { departementsOf } from '@app/common';
import type { NormalisedCall } from '../call/normalised-call';
import { runSource } from '../connector/connector.registry';
import { isConnectorError, isStillListed } from '../connector/connector.types';
import { waitingForSecretMessage, waitsForSecret } from '../connector/source-auth.util';
import type { Fetcher } from '../fetch/fetcher.types';
import type { SourceDefinition, SourceEvidence } from '../source/source.types';
import {
  readRecordedAnswers,
  RecordedAnswersServer,
  type ReplayedRequest,
} from './recorded-answers.server';

/** What `vigie sources:check` says of one source. */
export interface SourceCheckReport {
  id: string;
  kind: string;
  publisher: string;
  enabled: boolean;
  territory: string[];
  /** Département codes the territory touches: all of them for FR, the région's for R84. */
  departements: string[];
  items: number;
  withDeadline: number;
  withDescription: number;
  withFunder: number;
  withAmount: number;
  evidence: SourceEvidence | null;
  /** Whether a recorded answer was replayed (always false in live mode). */
  recorded: boolean;
  /** In French; an enabled source with a problem fails the check. */
  problems: string[];
  /** The source waits for its secret (French, names the variable); replayed with a placeholder. */
  waitingForToken: string | null;
  calls: NormalisedCall[];
}

export interface CheckSourcesOptions {
  /** Replay `<recordedDir>/<source id>/answers.json` instead of fetching live. */
  recordedDir?: string;
  referenceDate?: Date | string;
  env?: NodeJS.ProcessEnv;
  /** Live mode: the fetcher to use (the polite crawler). Required without recordedDir. */
  fetcher?: Fetcher;
  /** Filled with every request the replay server received (tests: headers and bodies sent). */
  replayed?: ReplayedRequest[];
  /** Told as each source is checked (the CLI's progress line). */
  onReport?: (report: SourceCheckReport, done: number, total: number) => void;
}

/** Stands in for a secret when a recorded answer is replayed: the recorded login ignores it. */
const PLACEHOLDER_SECRET = 'recorded-answer-placeholder';

/**
 * Fetches each source once (live, or replaying its recorded answers through the polite fetcher
 * on 127.0.0.1) and reports what it read and what looks broken. Never throws for one source:
 * each report says its own problems.
 */
export async function checkSources(
  sources: SourceDefinition[],
  options: CheckSourcesOptions = {},
): Promise<SourceCheckReport[]> {
  const env = options.env ?? process.env;
  const server = options.recordedDir ? await RecordedAnswersServer.start() : null;
  const replayFetcher = server?.fetcher();
  try {
    const reports: SourceCheckReport[] = [];
    for (const source of sources) {
      reports.push(await checkOne(source, options, env, server, replayFetcher ?? null));
      options.onReport?.(reports[reports.length - 1], reports.length, sources.length);
    }
    return reports;
  } finally {
    await replayFetcher?.close();
    await server?.close();
  }
}

async function checkOne(
  source: SourceDefinition,
  options: CheckSourcesOptions,
  env: NodeJS.ProcessEnv,
  server: RecordedAnswersServer | null,
  replayFetcher: Fetcher | null,
): Promise<SourceCheckReport> {
  const report = emptyReport(source);
  const waiting = waitsForSecret(source, env);
  if (waiting) report.waitingForToken = waitingForSecretMessage(source.auth!);
  let fetcher: Fetcher;
  let runEnv = env;
  if (server && options.recordedDir) {
    const answers = readRecordedAnswers(options.recordedDir, source.id);
    if (!answers) return report;
    server.add(options.recordedDir, source.id, answers);
    report.recorded = true;
    fetcher = replayFetcher!;
    if (waiting) runEnv = { ...env, [source.auth!.secretEnv]: PLACEHOLDER_SECRET };
  } else {
    if (waiting) {
      report.problems.push(report.waitingForToken!);
      return report;
    }
    if (!options.fetcher) throw new Error('checkSources: a fetcher is needed without recordedDir');
    fetcher = options.fetcher;
  }
  const before = server?.requests.length ?? 0;
  const run = runSource(source, fetcher, undefined, {
    referenceDate: options.referenceDate,
    env: runEnv,
    tokens: new Map(),
  });
  const itemErrors: string[] = [];
  for await (const output of run) {
    // A run without state has no unchanged page: every call comes in full.
    if (isStillListed(output)) continue;
    if (!isConnectorError(output)) {
      report.calls.push(output);
      continue;
    }
    if (output.scope === 'source') report.problems.push(output.message);
    else itemErrors.push(`${output.externalId ?? output.url ?? '?'} : ${output.message}`);
  }
  if (itemErrors.length)
    report.problems.push(
      `${itemErrors.length} élément(s) illisible(s), dont ${itemErrors.slice(0, 3).join(' ; ')}`,
    );
  const replayed = server?.requests.slice(before) ?? [];
  options.replayed?.push(...replayed);
  const unmatched = replayed.filter(
    (request) => !request.matched && !request.url.endsWith('/robots.txt'),
  );
  for (const request of unmatched.slice(0, 3))
    report.problems.push(`requête sans réponse enregistrée : ${request.method} ${request.url}`);
  summarise(report, source);
  return report;
}

function summarise(report: SourceCheckReport, source: SourceDefinition): void {
  const calls = report.calls;
  report.items = calls.length;
  report.withDeadline = calls.filter((call) => call.deadlines.length > 0).length;
  report.withDescription = calls.filter((call) => call.descriptionText.trim() !== '').length;
  report.withFunder = calls.filter((call) => call.funders.length > 0).length;
  report.withAmount = calls.filter((call) =>
    Object.values(call.amounts).some((value) => value !== null && value !== undefined),
  ).length;
  if (calls.length === 0) {
    if (report.problems.length === 0) report.problems.push('aucun appel lu');
    return;
  }
  // A field the entry reads with a selector or a path that gave nothing on any call: the
  // selector matches nothing, or what it reads does not parse.
  const configured = {
    ...(source.mapping ?? {}),
    ...(source.listing?.fields ?? {}),
    ...(source.detail ?? {}),
  } as Record<string, string | string[]>;
  const present: Record<string, (call: NormalisedCall) => boolean> = {
    deadline: (call) => call.deadlines.length > 0 || call.rolling,
    description: (call) => call.descriptionText.trim() !== '',
    opensAt: (call) => call.opensAt !== null,
    amount: (call) => Object.values(call.amounts).some((value) => value != null),
    audiences: (call) => call.audiences.length > 0,
    documents: (call) => call.documents.length > 0,
  };
  for (const [field, spec] of Object.entries(configured)) {
    const check = present[field];
    if (check && !calls.some(check)) {
      report.problems.push(
        `« ${field} » (${[spec].flat().join(', ')}) ne donne rien sur ${calls.length} appel(s) : sélecteur sans résultat ou valeur illisible${field === 'deadline' || field === 'opensAt' ? ' (dates qui ne se lisent pas ?)' : ''}`,
      );
    }
  }
}

function emptyReport(source: SourceDefinition): SourceCheckReport {
  return {
    id: source.id,
    kind: source.kind,
    publisher: source.publisher ?? source.funder,
    enabled: source.enabled,
    territory: source.territory,
    departements: departementsOf(source.territory),
    items: 0,
    withDeadline: 0,
    withDescription: 0,
    withFunder: 0,
    withAmount: 0,
    evidence: source.evidence ?? null,
    recorded: false,
    problems: [],
    waitingForToken: null,
    calls: [],
  };
}
