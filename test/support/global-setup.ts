// Global setup runs outside Jest's module map, so the @app aliases do not resolve here.
// eslint-disable-next-line no-restricted-imports
import { startEmbeddedDatabase } from '../../libs/persistence/src/embedded-database';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './shared-data';
import { TEST_NOW } from './test-calendar';

type GlobalWithDatabase = typeof globalThis & {
  vigieTestDatabase?: { users: number; stop(): Promise<void> };
};

/**
 * One PostgreSQL for the whole run: DATABASE_URL when set, else an embedded server of its own
 * (never the demo's data). Each test file then creates its own database from it.
 */
// Jest loads global setup and teardown through their default export.
// eslint-disable-next-line no-restricted-syntax
export default async function globalSetup(): Promise<void> {
  const state = globalThis as GlobalWithDatabase;
  // Every app a test builds, in process or spawned, reads its calendar from here.
  process.env.VIGIE_NOW ??= TEST_NOW;
  if (state.vigieTestDatabase) {
    state.vigieTestDatabase.users++;
    return;
  }
  if (process.env.DATABASE_URL) {
    process.env.VIGIE_TEST_ADMIN_URL = process.env.DATABASE_URL;
    state.vigieTestDatabase = { users: 1, stop: async () => undefined };
    return;
  }
  // One folder per run: two test runs at once must not share (and stop) one server.
  const home = join(repoRoot, '.vigie', 'test', String(process.pid));
  const embedded = await startEmbeddedDatabase({ vigieHome: home, preferredPort: 54339 });
  process.env.VIGIE_TEST_ADMIN_URL = embedded.url;
  state.vigieTestDatabase = {
    users: 1,
    stop: async () => {
      await embedded.stop();
      rmSync(home, { recursive: true, force: true });
      rmSync(embedded.dataDir, { recursive: true, force: true });
    },
  };
}
