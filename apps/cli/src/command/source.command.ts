import { CallClassificationService } from '@app/classifier';
import { CallEligibilityService } from '@app/eligibility';
import {
  CallExportService,
  SourceService,
  SourceCrawlService,
  waitingForSecretMessage,
  waitsForSecret,
  type SourceDefinition,
  type SourceRunReport,
} from '@app/ingestion';
import type { Source } from '@app/persistence';
import type { INestApplicationContext } from '@nestjs/common';
import { Command, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { say, withCliContext } from '../cli-context';
import { EXIT, exitWith } from '../cli-exit';
import { createProgress } from '../cli-progress';
import { sourceCheckCommand } from './source-check.command';

/** sources:import, sources:list, sources:check, watch, calls:export (issue 3). */
export function sourceCommands(): Command[] {
  return [importCommand(), listCommand(), sourceCheckCommand(), watchCommand(), exportCommand()];
}

function importCommand(): Command {
  return new Command('sources:import')
    .description(
      'Importe (crée ou met à jour) les sources d’un fichier YAML ; une erreur refuse tout le fichier',
    )
    .argument(
      '<file>',
      'fichier de sources, ex. config/sources.yaml (${VAR} remplacés par les variables d’environnement)',
    )
    .option('--json', 'affiche { created, updated, unchanged } en JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const result = await withCliContext(({ app }) => app.get(SourceService).importFile(file));
      if (options.json) return void process.stdout.write(JSON.stringify(result) + '\n');
      process.stdout.write(
        `Sources importées depuis ${file} : ${result.created.length} créée(s), ${result.updated.length} mise(s) à jour, ${result.unchanged.length} inchangée(s)\n`,
      );
    });
}

function listCommand(): Command {
  return new Command('sources:list')
    .description(
      'Liste les sources avec leur santé (dernier succès, dernière erreur, échecs consécutifs, appels lus)',
    )
    .option('--json', 'affiche la liste en JSON')
    .action(async (options: { json?: boolean }) => {
      const sources = await withCliContext(({ app }) => app.get(SourceService).list());
      if (options.json)
        return void process.stdout.write(JSON.stringify(sources.map(sourceJson)) + '\n');
      process.stdout.write(table(sources));
    });
}

function watchCommand(): Command {
  return new Command('watch')
    .description(
      'Collecte les sources maintenant, dans ce processus (le worker le fait selon le calendrier de chaque source)',
    )
    .addOption(
      new Option(
        '--once',
        'une collecte de chaque source activée, puis s’arrête',
      ).makeOptionMandatory(),
    )
    .option('--source <id>', 'seulement cette source (même désactivée)')
    .option('--json', 'affiche les comptes rendus en JSON')
    .addHelpText(
      'after',
      '\nUne ligne de progression par source sur la sortie d’erreur (une barre sur un terminal).\n' +
        'Code de sortie 1 si une source a échoué (le compte rendu est affiché quand même).\n',
    )
    .action(async (options: { once: boolean; source?: string; json?: boolean }) => {
      const progress = createProgress('collecte');
      const reports = await withCliContext(async ({ app }) => {
        const runs = await app.get(SourceCrawlService).runAll('cli', {
          sourceId: options.source,
          onReport: (report, done, total) =>
            progress.step(done, total, `${report.sourceId} ${progressWord(report)}`),
        });
        progress.end();
        await scoreStoredCalls(app);
        return runs;
      });
      if (options.json) process.stdout.write(JSON.stringify(reports) + '\n');
      else process.stdout.write(reports.map(reportLines).join('') || 'Aucune source activée.\n');
      const failed = reports.filter((report) => report.status === 'failed');
      if (failed.length > 0) {
        exitWith(
          EXIT.WORK_FAILED,
          'sourcesFailed',
          `${failed.length} source(s) en échec : ${failed.map((report) => report.sourceId).join(', ')}`,
        );
      }
    });
}

function exportCommand(): Command {
  return new Command('calls:export')
    .description(
      'Exporte les appels enregistrés, un par ligne (JSON Lines), avec leurs sources et leur historique',
    )
    .addOption(
      new Option('--format <format>', 'format de sortie').choices(['jsonl']).default('jsonl'),
    )
    .option('--out <file>', 'fichier de sortie (par défaut la sortie standard)')
    .action(async (options: { format: 'jsonl'; out?: string }) => {
      const count = await withCliContext(async ({ app }) => {
        const file = options.out ? createWriteStream(options.out) : null;
        const out = file ?? process.stdout;
        let lines = 0;
        for await (const call of app.get(CallExportService).exportCalls()) {
          if (!out.write(JSON.stringify(call) + '\n')) await once(out, 'drain');
          lines++;
        }
        if (file)
          await new Promise<void>((resolve, reject) => file.once('error', reject).end(resolve));
        return lines;
      });
      say(`${count} appel(s) exporté(s)${options.out ? ` dans ${options.out}` : ''}.`);
    });
}

/** Scores the new and changed calls and reads who may apply, so the watch shows both right after a crawl. */
async function scoreStoredCalls(app: INestApplicationContext): Promise<void> {
  const progress = createProgress('classement');
  const scored = await app
    .get(CallClassificationService)
    .scorePending(undefined, (count) => progress.step(count, null, 'appel(s) classé(s)'));
  progress.end();
  if (scored) say(`${scored} appel(s) classé(s).`);
  await app.get(CallEligibilityService).computePending();
}

function progressWord(report: SourceRunReport): string {
  if (report.status === 'succeeded') return `OK (${report.fetched} lus)`;
  return report.status === 'failed' ? 'ÉCHEC' : 'non collectée';
}

function reportLines(report: SourceRunReport): string {
  if (report.status === 'skipped' && report.skippedReason)
    return `${report.sourceId} : non collectée — ${report.skippedReason}\n`;
  if (report.status === 'skipped')
    return `${report.sourceId} : ignorée, une autre collecte de cette source est en cours\n`;
  const head =
    `${report.sourceId} : ${report.status === 'succeeded' ? 'OK' : 'ÉCHEC'} — ${report.fetched} lus, ` +
    `${report.created + report.sourceAdded} nouveaux${report.sourceAdded ? ` (dont ${report.sourceAdded} déjà connus par une autre source)` : ''}, ` +
    `${report.changed} modifiés, ${report.unchanged} inchangés, ${report.withdrawn} retirés, ${report.failed} en échec\n`;
  const reasons = report.errors.map(
    (error) => `    ${error.code} ${error.externalId ?? error.url ?? ''} : ${error.message}\n`,
  );
  return (
    head +
    (report.sourceError && !report.errors.length ? `    ${report.sourceError}\n` : '') +
    reasons.join('')
  );
}

function sourceJson(source: Source) {
  return {
    id: source.id,
    name: source.name,
    kind: source.kind,
    url: source.url,
    enabled: source.enabled,
    schedule: source.schedule,
    lastRunAt: source.lastRunAt?.toISOString() ?? null,
    lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
    lastError: source.lastError,
    lastErrorAt: source.lastErrorAt?.toISOString() ?? null,
    consecutiveFailures: source.consecutiveFailures,
    lastItemCount: source.lastItemCount,
    layoutSuspect: source.layoutSuspect,
    waitingForToken: waitingForTokenOf(source),
  };
}

/** Only the variable's name is stored; whether it is set is read from this process's environment. */
function waitingForTokenOf(source: Source): string | null {
  const definition = source.definition as unknown as SourceDefinition;
  return definition?.auth && waitsForSecret(definition, process.env)
    ? waitingForSecretMessage(definition.auth)
    : null;
}

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'short',
  timeStyle: 'short',
});

function table(sources: Source[]): string {
  const rows = sources.map((s) => [
    s.id,
    s.kind,
    s.enabled ? 'oui' : 'non',
    s.lastSuccessAt ? PARIS.format(s.lastSuccessAt) : '—',
    s.lastError
      ? `${s.lastErrorAt ? PARIS.format(s.lastErrorAt) + ' ' : ''}${s.lastError.slice(0, 60)}`
      : '—',
    String(s.consecutiveFailures),
    s.lastItemCount === null ? '—' : String(s.lastItemCount),
    waitingForTokenOf(s)
      ? `en attente de son jeton (${(s.definition as { auth?: { secretEnv?: string } }).auth?.secretEnv})`
      : s.layoutSuspect
        ? 'mise en page changée ?'
        : '',
  ]);
  const waiting = sources
    .map((s) => [s.id, waitingForTokenOf(s)] as const)
    .filter(([, message]) => message)
    .map(([id, message]) => `${id} : ${message}\n`);
  const header = [
    'id',
    'type',
    'activée',
    'dernier succès',
    'dernière erreur',
    'échecs',
    'appels',
    'alerte',
  ];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd() + '\n';
  return (
    [line(header), ...rows.map(line)].join('') +
    (waiting.length ? `\n${waiting.join('')}` : '') +
    (rows.length ? '' : 'Aucune source : importez-en avec sources:import FICHIER.\n')
  );
}
