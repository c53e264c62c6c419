import { loadConfig } from '@app/config';
import {
  checkSources,
  createCrawlerFetcher,
  loadSources,
  type SourceCheckReport,
  type SourceDefinition,
} from '@app/ingestion';
import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { say } from '../cli-context';
import { createProgress } from '../cli-progress';

const RECORDED_DIR = 'test/fixtures/recorded';

interface CheckOptions {
  recorded?: boolean;
  source?: string[];
  json?: boolean;
  file: string;
  date?: string;
}

/**
 * vigie sources:check — what a deployer runs on day one: each source fetched once (live through
 * the polite crawler, or replaying its recorded answers), what it read and what looks broken.
 * Reads the sources file only: no database needed.
 */
export function sourceCheckCommand(): Command {
  return new Command('sources:check')
    .description(
      'Vérifie chaque source : la lit une fois (en direct, ou ses réponses enregistrées avec --recorded) et dit ce qu’elle donne et ce qui semble cassé ; code de sortie 1 si une source activée a un problème',
    )
    .option('--recorded', `rejoue les réponses enregistrées de ${RECORDED_DIR}/<id>/ (sans réseau)`)
    .option(
      '--source <id>',
      'seulement cette source (répétable)',
      (id: string, ids: string[] = []) => [...ids, id],
    )
    .option('--json', 'affiche un tableau JSON, une entrée par source')
    .option('--file <file>', 'fichier de sources', 'config/sources.yaml')
    .option('--date <YYYY-MM-DD>', 'date du jour pour les statuts (par défaut aujourd’hui)')
    .action(async (options: CheckOptions) => {
      const sources = selected(loadSources(options.file), options.source);
      if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
        say(`Erreur : --date attend une date AAAA-MM-JJ, reçu « ${options.date} »`);
        throw new CommanderError(
          2,
          'vigie.date',
          `--date attend une date AAAA-MM-JJ, reçu « ${options.date} »`,
        );
      }
      const live = options.recorded ? null : createCrawlerFetcher(loadConfig());
      let reports: SourceCheckReport[];
      const progress = createProgress('vérification');
      try {
        reports = await checkSources(sources, {
          recordedDir: options.recorded ? resolve(RECORDED_DIR) : undefined,
          fetcher: live ?? undefined,
          referenceDate: options.date,
          onReport: (report, done, total) =>
            progress.step(
              done,
              total,
              `${report.id} ${report.problems.length ? 'à revoir' : 'OK'} (${report.items} lus)`,
            ),
        });
      } finally {
        progress.end();
        await live?.close();
      }
      if (options.json) process.stdout.write(JSON.stringify(reports.map(jsonOf)) + '\n');
      else
        process.stdout.write(
          reports.map(humanLines).join('') + summary(reports, !!options.recorded),
        );
      const broken = reports.filter((report) => report.enabled && report.problems.length > 0);
      if (broken.length > 0) {
        if (options.json)
          say(
            `${broken.length} source(s) activée(s) en échec : ${broken.map((r) => r.id).join(', ')}`,
          );
        throw new CommanderError(1, 'vigie.sourcesCheck', 'sources en échec');
      }
    });
}

function selected(sources: SourceDefinition[], ids: string[] | undefined): SourceDefinition[] {
  if (!ids?.length) return sources;
  const unknown = ids.filter((id) => !sources.some((source) => source.id === id));
  if (unknown.length) {
    say(`Erreur : source(s) inconnue(s) dans le fichier : ${unknown.join(', ')}`);
    throw new CommanderError(
      2,
      'vigie.unknownSource',
      `source(s) inconnue(s) : ${unknown.join(', ')}`,
    );
  }
  return sources.filter((source) => ids.includes(source.id));
}

/** The agreed JSON shape: no calls, no amount share. */
function jsonOf(report: SourceCheckReport) {
  return {
    id: report.id,
    kind: report.kind,
    publisher: report.publisher,
    enabled: report.enabled,
    territory: report.territory,
    departements: report.departements,
    items: report.items,
    withDeadline: report.withDeadline,
    withDescription: report.withDescription,
    withFunder: report.withFunder,
    evidence: report.evidence,
    recorded: report.recorded,
    problems: report.problems,
  };
}

const share = (count: number, total: number) =>
  total === 0 ? '—' : `${Math.round((count / total) * 100)} %`;

function humanLines(report: SourceCheckReport): string {
  const state = report.enabled ? '' : ' (désactivée)';
  const lines = [`${report.id}${state} — ${report.kind}, publiée par ${report.publisher}`];
  if (report.evidence)
    lines.push(
      `  preuve : confiance ${report.evidence.confidence}, vue le ${report.evidence.seen}`,
    );
  if (report.waitingForToken)
    lines.push(
      `  ${report.waitingForToken}${report.recorded ? ' (réponses enregistrées rejouées avec un secret factice)' : ''}`,
    );
  if (!report.recorded && report.items === 0 && report.problems.length === 0) {
    lines.push('  pas de réponse enregistrée : non vérifiée');
  } else {
    lines.push(
      `  ${report.items} appel(s) lu(s) ; avec date limite ${share(report.withDeadline, report.items)}, ` +
        `description ${share(report.withDescription, report.items)}, financeur ${share(report.withFunder, report.items)}, ` +
        `montant ${share(report.withAmount, report.items)}`,
    );
  }
  for (const problem of report.problems) lines.push(`  problème : ${problem}`);
  return lines.join('\n') + '\n';
}

function summary(reports: SourceCheckReport[], recorded: boolean): string {
  const enabled = reports.filter((r) => r.enabled);
  const broken = enabled.filter((r) => r.problems.length > 0);
  const publishers = new Set(enabled.map((r) => r.publisher));
  const unrecorded = recorded ? reports.filter((r) => !r.recorded).length : 0;
  return (
    `\n${reports.length} source(s) vérifiée(s), ${enabled.length} activée(s) de ${publishers.size} éditeur(s) ; ` +
    `${broken.length} activée(s) en échec${recorded ? ` ; ${unrecorded} sans réponse enregistrée` : ''}.\n`
  );
}
