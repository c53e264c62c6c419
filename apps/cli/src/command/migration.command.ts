import { connectDataSource, generateMigration, runMigrations } from '@app/persistence';
import { loadConfig, projectRoot } from '@app/config';
import { prepareDatabase } from '@app/persistence';
import { Command } from 'commander';
import { join } from 'node:path';
import { say } from '../cli-context';

async function withDataSource<T>(
  migrate: boolean,
  work: (dataSource: Awaited<ReturnType<typeof connectDataSource>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await prepareDatabase({ ...config, MIGRATIONS_RUN: migrate }, say);
  try {
    const dataSource = await connectDataSource(database.url);
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.release();
  }
}

export function migrationCommands(): Command[] {
  const run = new Command('migration:run')
    .description('Applique les migrations en attente')
    .option('--json', 'affiche { "applied": [noms] } en JSON')
    .action(async (options: { json?: boolean }) => {
      await withDataSource(false, async (dataSource) => {
        // Under the same advisory lock as the api and workers' start (issue 16).
        const names = await runMigrations(dataSource);
        if (options.json) process.stdout.write(JSON.stringify({ applied: names }) + '\n');
        say(names.length ? `Applied: ${names.join(', ')}` : 'No pending migration.');
      });
    });
  const revert = new Command('migration:revert')
    .description('Annule la dernière migration appliquée')
    .action(async () => {
      await withDataSource(false, async (dataSource) => {
        await dataSource.undoLastMigration({ transaction: 'each' });
        say('Reverted the last migration.');
      });
    });
  const generate = new Command('migration:generate')
    .description(
      'Écrit une migration avec le SQL qui amène la base aux entités (à relire avant commit)',
    )
    .argument('<Name>', 'nom en PascalCase, ex. AddCallTable')
    .option(
      '--tables <names>',
      'ne garder que le SQL qui touche ces tables (séparées par des virgules)',
    )
    .action(async (name: string, options: { tables?: string }) => {
      const tables =
        options.tables
          ?.split(',')
          .map((table) => table.trim())
          .filter(Boolean) ?? [];
      await withDataSource(true, async (dataSource) => {
        const directory = join(projectRoot, 'libs', 'persistence', 'src', 'migration');
        const path = await generateMigration(dataSource, name, directory, new Date(), tables);
        if (!path) {
          say('The entities and the migrations agree: nothing to generate.');
          return;
        }
        say(
          `Wrote ${path}\nReview it, then add its class to libs/persistence/src/migration/index.ts.`,
        );
      });
    });
  return [run, revert, generate];
}
