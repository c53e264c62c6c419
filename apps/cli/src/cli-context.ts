import { loadConfig, VigieConfig } from '@app/config';
import { prepareDatabase, PreparedDatabase } from '@app/persistence';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CliModule } from './cli.module';

/** Messages about what the CLI is doing go to stderr, so stdout stays clean for --json. */
export const say = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

export interface CliContext {
  config: VigieConfig;
  database: PreparedDatabase;
  app: INestApplicationContext;
}

/**
 * Runs a command with the database ready (the embedded server joined if the service runs, or
 * started and stopped around the command) and Nest's services at hand.
 */
export async function withCliContext<T>(work: (context: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await prepareDatabase(config, say);
  try {
    const app = await NestFactory.createApplicationContext(
      CliModule.forRoot(config, database.url),
      {
        logger: ['error'],
      },
    );
    try {
      return await work({ config, database, app });
    } finally {
      await app.close();
    }
  } finally {
    await database.release();
  }
}
