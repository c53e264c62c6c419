import { loadConfig } from '@app/config';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
// Not in nestjs-pino's index: the one way to give each app of a test file its own log.
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import type { DestinationStream } from 'pino';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Variables over the environment (undefined unsets one), e.g. PUBLIC_URL or NODE_ENV. */
  env?: NodeJS.ProcessEnv;
  /** Receives the app's JSON log lines (at LOG_LEVEL info unless env says otherwise). */
  logDestination?: DestinationStream;
}

/** The real API module on a fresh, migrated database, configured exactly like main.ts does. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: options.logDestination ? 'info' : 'silent',
    ...options.env,
    DATABASE_URL: database.url,
  });
  // nestjs-pino keeps the first app's logger for lines written outside a request (start,
  // jobs) for the whole process: an app that captures its log needs it reset.
  if (options.logDestination) __resetOutOfContextForTests();
  const moduleRef = await Test.createTestingModule({
    imports: [ApiModule.forRoot(config, database.url, { logDestination: options.logDestination })],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ bufferLogs: true }));
  await app.init();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
