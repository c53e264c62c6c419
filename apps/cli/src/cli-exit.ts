import { CommanderError } from 'commander';

/** The exit codes scripts may rely on (README, `vigie --help`). */
export const EXIT = {
  /** Everything done. */
  OK: 0,
  /** The command ran but some of its work failed (a source in `watch --once`…); summary printed. */
  WORK_FAILED: 1,
  /** Bad usage or input: unknown option, missing argument, unreadable or invalid file… */
  USAGE: 2,
} as const;

export const EXIT_CODES_HELP = `
Codes de sortie :
  0  tout s’est bien passé
  1  la commande a tourné mais une partie du travail a échoué (ex. une source en échec dans
     watch --once) ; le compte rendu est quand même affiché
  2  usage ou entrée invalide (option inconnue, argument manquant, fichier illisible ou invalide)
Les messages de progression vont sur la sortie d’erreur : la sortie standard reste propre pour --json.
`;

/** Says why on stderr, then ends the command with that exit code (main() prints nothing more). */
export function exitWith(exitCode: number, code: string, message: string): never {
  process.stderr.write(`Erreur : ${message}\n`);
  throw new CommanderError(exitCode, `vigie.${code}`, message);
}

/**
 * Commander's own errors (unknown option, missing argument…) exit 1 by default: they are usage
 * errors, so 2. Help and version are not errors. Our own `vigie.*` errors keep their code.
 */
export function exitCodeOf(error: CommanderError): number {
  if (!error.code.startsWith('commander.')) return error.exitCode;
  return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
}
