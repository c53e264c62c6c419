import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { embeddedUrl, resolveDataDir, runningServer } from './embedded-database';
import { buildTypeOrmOptions } from './typeorm-options';

/**
 * For the TypeORM CLI, which needs a DataSource at import time: DATABASE_URL, else the embedded
 * server already running on VIGIE_HOME (start one with `npm run demo` or any vigie command).
 * The project's own commands (`npm run migration:*`) start the embedded server when needed.
 */
function urlForCli(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const home = process.env.VIGIE_HOME ?? `${process.cwd()}/.vigie`;
  const running = runningServer(resolveDataDir(home));
  if (!running) {
    throw new Error('Set DATABASE_URL, or start the embedded database first (npm run demo).');
  }
  return embeddedUrl(running.port);
}

export const dataSource = new DataSource(buildTypeOrmOptions(urlForCli()));
