import { loadConfig, projectRoot } from '@app/config';
import { Command } from 'commander';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDatabase } from '@app/persistence';
import { seedDemoWatch } from '@app/watch';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../cli.module';
import { say } from '../cli-context';
import { seedDemo } from './demo-seed';
import { seedDemoSources } from './demo-sources.seed';
import { seedDemoTreasury } from './demo-treasury.seed';
import { seedDemoImpact } from './demo-impact.seed';
import { seedDemoUsers } from './demo-users.seed';

const HEALTH_TIMEOUT_MS = 60_000;

interface Child {
  name: string;
  process: ChildProcess;
  log: string;
}

/**
 * The whole service on embedded defaults: the embedded PostgreSQL, then the api and the worker
 * as two real processes (as in production), with a seeded demo organisation.
 */
export function demoCommand(): Command {
  return new Command('demo')
    .description('Lance Vigie complet sur une base embarquée, avec des données de démonstration')
    .action(runDemo);
}

async function runDemo(): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config, say);
  const children: Child[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nArrêt de Vigie…');
    await Promise.all(children.map((child) => terminate(child.process)));
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    await database.release();
    say('Vigie est arrêté.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const context = await NestFactory.createApplicationContext(
      CliModule.forRoot(config, database.url),
      { logger: ['error'] },
    );
    const baseUrl = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
    const seed = await seedDemo(context);
    const sources = await seedDemoSources(context, config);
    cleanups.push(sources.stop);
    const watch = await seedDemoWatch(context, { structureId: seed.organisationId, baseUrl });
    const treasury = await seedDemoTreasury(context, seed.organisationId);
    const impact = await seedDemoImpact(context, seed.organisationId);
    const { users } = await seedDemoUsers(context, {
      structureOrganisationId: seed.organisationId,
      collectifOrganisationId: watch.collectifId,
    });
    await context.close();

    const logDir = join(config.VIGIE_HOME, 'logs');
    mkdirSync(logDir, { recursive: true });
    const env = {
      ...process.env,
      ...sources.env,
      DATABASE_URL: database.url,
      MIGRATIONS_RUN: 'false',
    };
    for (const name of ['api', 'worker']) {
      const log = join(logDir, `${name}.log`);
      const child = spawn(
        process.execPath,
        [join(projectRoot, 'dist', 'apps', name, 'src', 'main.js')],
        {
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: false,
        },
      );
      const out = createWriteStream(log, { flags: 'a' });
      child.stdout?.pipe(out);
      child.stderr?.pipe(out);
      child.on('exit', (code) => {
        if (stopping) return;
        say(
          `Le processus ${name} s'est arrêté (code ${code}). Dernières lignes de ${log} :\n${tail(log)}`,
        );
        void stop(1);
      });
      children.push({ name, process: child, log });
    }

    await waitForHealth(`${baseUrl}/health`);
    const summary = {
      url: baseUrl,
      users,
      health: `${baseUrl}/health`,
      apiDocs: `${baseUrl}/api/docs`,
      database: database.kind === 'embedded' ? 'embedded PostgreSQL' : 'DATABASE_URL',
      organisationId: seed.organisationId,
      organisationName: seed.organisationName,
      apiKey: seed.apiKey,
      logs: logDir,
      ...sources.summary,
      feeds: watch.feeds,
      collectif: { id: watch.collectifId, apiKey: watch.collectifApiKey },
      collectifFeeds: watch.collectifFeeds,
      ...treasury,
      ...impact,
    };
    writeFileSync(join(config.VIGIE_HOME, 'demo.json'), JSON.stringify(summary, null, 2) + '\n');
    process.stdout.write(
      [
        '',
        `Vigie tourne sur ${baseUrl} — ouvrez-le dans un navigateur`,
        ...users.map(
          (user) => `  Connexion        ${user.email} / ${user.password} (${user.organisation})`,
        ),
        `  Santé            ${summary.health}`,
        `  Documentation    ${summary.apiDocs}`,
        `  Organisation     ${seed.organisationName} (${seed.organisationId})`,
        `  Clé d'API        ${seed.apiKey}`,
        `  Essai            curl -H "Authorization: Bearer ${seed.apiKey}" ${baseUrl}/api/organisations/me`,
        `  Flux de la veille ${watch.feeds.rss}`,
        `  Agenda (iCal)    ${watch.feeds.ics}`,
        `  Flux du collectif ${watch.collectifFeeds.rss}`,
        `  Journaux         ${logDir}`,
        `  Tout cela est aussi dans ${join(config.VIGIE_HOME, 'demo.json')}`,
        '',
        'Ctrl-C pour arrêter.',
        '',
      ].join('\n'),
    );
    await new Promise<never>(() => undefined);
  } catch (error) {
    say(`La démo n'a pas pu démarrer : ${(error as Error).message}`);
    await stop(1);
  }
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} ne répond pas après ${HEALTH_TIMEOUT_MS / 1000} s`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(pas de journal)';
  }
}
