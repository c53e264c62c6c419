import { CallClassificationService, runClassifyCommand } from '@app/classifier';
import { CallEligibilityService } from '@app/eligibility';
import { Command, CommanderError } from 'commander';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { withCliContext } from '../cli-context';

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
    .action(async () => {
      const line = await withCliContext(async ({ app }) => {
        const service = app.get(CallClassificationService);
        const pending = await service.pendingCounts();
        const scored = await service.scorePending();
        const eligibility = app.get(CallEligibilityService);
        const read = await eligibility.computePending();
        return (
          `${scored} appel(s) classé(s) — nouveaux : ${pending.unscored}, modifiés : ` +
          `${pending.changed}, autre version : ${pending.outdated} — version ${service.version}\n` +
          `${read} éligibilité(s) relue(s) — vocabulaire ${eligibility.version}`
        );
      });
      process.stdout.write(`${line}\n`);
    });
}

/** classify (offline) and calls:rescore (issue 4). */
export function classifyCommands(): Command[] {
  return [classifyCommand(), rescoreCommand()];
}
