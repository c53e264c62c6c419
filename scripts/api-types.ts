import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { ApiModule } from '../apps/api/src/api.module';
import { buildApiDocument } from '../apps/api/src/http/api-document';
import { API_TYPES_FILE, renderApiTypes } from './api-types.util';
import { withBenchDatabase } from './bench-database.util';

/** `npm run api:types`: regenerates the committed API types from the document the app builds. */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  await withBenchDatabase('vigie_api_types', async (url) => {
    const app = await NestFactory.create(ApiModule.forRoot(config, url), { logger: false });
    try {
      writeFileSync(API_TYPES_FILE, renderApiTypes(buildApiDocument(app)));
    } finally {
      await app.close();
    }
  });
  console.log(`Wrote ${API_TYPES_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
