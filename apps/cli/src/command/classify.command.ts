import { CallClassificationService, runClassifyCommand } from '@app/classifier';
import { CallEligibilityService } from '@app/eligibility';
import { Command, CommanderError } from 'commander';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { withCliContext } from '../cli-context';
import { createProgress } from '../cli-progress';

interface ClassifyOptions {
  in?: string;
  out?: string;
}

/** main() exits with a CommanderError's code without printing it: say why first. */
function fail(exitCode: number, message: string): never {
  process.stderr.write(`Erreur : ${message}\n`);
  throw new CommanderError(exitCode, 'vigie.classify', message);
}

async function readable(path: string): Promise<NodeJS.ReadableStream> {
  try {
    await access(path, constants.R_OK);
  } catch {
    fail(2, `fichier d’entrée illisible : ${path}`);
  }
  return createReadStream(path, { encoding: 'utf8' });
}

/**
 * `vigie classify`: offline on purpose (no database, no config), so it runs anywhere the
 * repository is, for acceptance checks and for trying a thesaurus edit.
 */
function classifyCommand(): Command {
  return new Command('classify')
    .description(
      'Classe des appels au format JSON Lines ({"id","title","description","funder"?}) sans base de ' +
        'données ; une ligne JSON par appel en sortie. Code de sortie 0 si toutes les lignes sont ' +
        'classées, 1 si certaines ont échoué (détail par numéro de ligne sur stderr).',
    )
    .option('--in <file>', 'fichier JSON Lines à lire (défaut : entrée standard)')
    .option('--out <file>', 'fichier où écrire les résultats (défaut : sortie standard)')
    .action(async (options: ClassifyOptions) => {
      const input = options.in ? await readable(options.in) : process.stdin;
      const file = options.out ? createWriteStream(options.out, { encoding: 'utf8' }) : null;
      const result = await runClassifyCommand({
        input,
        output: file ?? process.stdout,
        errors: process.stderr,
      });
      if (file) {
        file.end();
        await once(file, 'finish');
      }
      const total = result.scored + result.failed;
      process.stderr.write(`${result.scored} appel(s) classé(s) sur ${total}\n`);
      if (result.failed > 0) {
        fail(1, `${result.failed} ligne(s) n’ont pas pu être classées`);
      }
    });
}

function rescoreCommand(): Command {
  return new Command('calls:rescore')
    .description(
      'Classe les appels enregistrés nouveaux, modifiés ou classés par une autre version du ' +
        'thésaurus, jusqu’à ce qu’il n’en reste aucun ; relit aussi qui peut y candidater ' +
        '(config/eligibility.yaml)',
    )
    .option(
      '--json',
      'affiche { scored, pending: { unscored, changed, outdated }, version, eligibility } en JSON',
    )
    .action(async (options: { json?: boolean }) => {
      const progress = createProgress('classement');
      const result = await withCliContext(async ({ app }) => {
        const service = app.get(CallClassificationService);
        const pending = await service.pendingCounts();
        // The pending counts overlap (a call may be new and of another version): no total.
        const scored = await service.scorePending(undefined, (count) =>
          progress.step(count, null, 'appel(s) classé(s)'),
        );
        const eligibility = app.get(CallEligibilityService);
        const eligibilityRead = await eligibility.computePending();
        progress.end();
        return {
          scored,
          pending,
          version: service.version,
          eligibility: { read: eligibilityRead, version: eligibility.version },
        };
      });
      if (options.json) return void process.stdout.write(JSON.stringify(result) + '\n');
      const { scored, pending, version, eligibility } = result;
      process.stdout.write(
        `${scored} appel(s) classé(s) — nouveaux : ${pending.unscored}, modifiés : ` +
          `${pending.changed}, autre version : ${pending.outdated} — version ${version}\n` +
          `${eligibility.read} éligibilité(s) relue(s) — vocabulaire ${eligibility.version}\n`,
      );
    });
}

/** classify (offline) and calls:rescore (issue 4). */
export function classifyCommands(): Command[] {
  return [classifyCommand(), rescoreCommand()];
}
