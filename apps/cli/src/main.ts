import 'reflect-metadata';
import { DomainException } from '@app/common';
import { Command, CommanderError } from 'commander';
import { demoCommand } from './demo/demo.command';
import { classifyCommands } from './command/classify.command';
import { migrationCommands } from './command/migration.command';
import { orgCreateCommand } from './command/org-create.command';
import { sourceCommands } from './command/source.command';

function program(): Command {
  const root = new Command('vigie')
    .description('Vigie — veille des financements de la médiation numérique')
    .showHelpAfterError()
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
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof DomainException) {
      process.stderr.write(`Erreur (${error.code}) : ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

main(process.argv).then((code) => process.exit(code));
