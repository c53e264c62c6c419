import 'reflect-metadata';
import { DomainException } from '@app/common';
import { Command, CommanderError } from 'commander';
import { EXIT, EXIT_CODES_HELP, exitCodeOf } from './cli-exit';
import { demoCommand } from './demo/demo.command';
import { classifyCommands } from './command/classify.command';
import { migrationCommands } from './command/migration.command';
import { orgCreateCommand } from './command/org-create.command';
import { sourceCommands } from './command/source.command';

function program(): Command {
  const root = new Command('vigie')
    .description('Vigie — veille des financements de la médiation numérique')
    .showHelpAfterError()
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  root.addCommand(demoCommand());
  root.addCommand(orgCreateCommand());
  for (const command of [...sourceCommands(), ...classifyCommands(), ...migrationCommands()]) {
    root.addCommand(command);
  }
  for (const command of root.commands) command.exitOverride().showHelpAfterError();
  return root;
}

async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) return exitCodeOf(error);
    // Domain errors reaching here are refusals of what was asked (unknown source, invalid file).
    if (error instanceof DomainException) {
      process.stderr.write(`Erreur (${error.code}) : ${error.message}\n`);
      return EXIT.USAGE;
    }
    process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.WORK_FAILED;
  }
}

main(process.argv).then((code) => process.exit(code));
