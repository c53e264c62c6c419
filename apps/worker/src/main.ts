import 'reflect-metadata';
import { exitOnStartFailure, onShutdown } from '@app/common';
import { loadConfig } from '@app/config';
import { prepareDatabase } from '@app/persistence';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config, (message) => console.log(message));
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, database.url),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  onShutdown(async () => {
    await app.close();
    await database.release();
  });
  await app.init();
  console.log('Vigie worker running');
}

main().catch((error: unknown) => exitOnStartFailure(error, 'Vigie worker'));
