import 'reflect-metadata';
import { exitOnStartFailure, onShutdown } from '@app/common';
import { loadConfig } from '@app/config';
import { prepareDatabase } from '@app/persistence';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from './api.module';
import { configureApp } from './http/configure-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config, (message) => console.log(message));
  const app = await NestFactory.create(ApiModule.forRoot(config, database.url), {
    bufferLogs: true,
  });
  configureApp(app);
  onShutdown(async () => {
    await app.close();
    await database.release();
  });
  await app.listen(config.PORT, config.HOST);
  console.log(`Vigie API listening on ${await app.getUrl()}`);
}

main().catch((error: unknown) => exitOnStartFailure(error, 'Vigie API'));
