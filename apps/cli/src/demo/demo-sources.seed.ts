import { CallClassificationService } from '@app/classifier';
import { CallEligibilityService } from '@app/eligibility';
import { projectRoot, VigieConfig } from '@app/config';
import { createCrawlerFetcher, SourceService, SourceCrawlService } from '@app/ingestion';
import { Call } from '@app/persistence';
import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { join } from 'node:path';
import { Repository } from 'typeorm';
import { startFixtureServer, type FixtureServer } from '../../../../test/fixture-server';
import { say } from '../cli-context';

export interface DemoSourcesSeed {
  /** Extra lines for the demo's summary and demo.json. */
  summary: Record<string, unknown>;
  /** Environment for the api and worker processes (e.g. CRAWLER_ALLOW_HOSTS for the local server). */
  env: Record<string, string>;
  /** Stops what the seed started (the fixture server). */
  stop(): Promise<void>;
}

const FIXTURE_PORT = 4319;
const DEMO_ADMIN_EMAIL = 'direction@epn-olympiades.demo';
/** The demo's own server needs no long politeness pause. */
const DEMO_MIN_DELAY_MS = 100;

export interface DemoSourcesOptions {
  /** The port tried first (default 4319); another one is taken when it is busy. */
  port?: number;
  /** "Today" for the fixture server and the crawl (tests); default now. */
  today?: string;
}

/**
 * Starts the fixture server (our written catalogue of ~40 calls in each connector's shape),
 * imports config/sources.demo.yaml pointing at it and crawls every demo source now, so the
 * demo shows calls at once; the worker then keeps crawling them on their schedules.
 *
 * When the preferred port is busy (another demo holds it), the catalogue is served on another
 * port and the demo sources, shared through the database, are re-pointed there: the store
 * recognises the same calls at their new addresses, so nothing is listed twice.
 */
export async function seedDemoSources(
  app: INestApplicationContext,
  config: VigieConfig,
  options: DemoSourcesOptions = {},
): Promise<DemoSourcesSeed> {
  const preferred = options.port ?? FIXTURE_PORT;
  const server = await startOnPreferredPort(preferred, options.today);
  if (server.port !== preferred) {
    say(
      `Le port ${preferred} est occupé (une autre démo ?) : catalogue de démonstration servi sur ${server.baseUrl}. ` +
        'Les sources de démonstration y pointent désormais ; leurs appels restent les mêmes, sans doublon.',
    );
  }
  try {
    const allowHosts = [...new Set([...config.CRAWLER_ALLOW_HOSTS, '127.0.0.1'])];
    const imported = await app
      .get(SourceService)
      .importFile(join(projectRoot, 'config', 'sources.demo.yaml'), {
        vars: { FIXTURE_BASE_URL: server.baseUrl },
      });
    const ids = [...imported.created, ...imported.updated, ...imported.unchanged];
    const crawler = app.get(SourceCrawlService);
    crawler.useFetcher(
      createCrawlerFetcher({
        ...config,
        CRAWLER_ALLOW_HOSTS: allowHosts,
        CRAWLER_MIN_DELAY_MS: Math.min(config.CRAWLER_MIN_DELAY_MS, DEMO_MIN_DELAY_MS),
      }),
    );
    say(`Collecte des ${ids.length} sources de démonstration sur ${server.baseUrl}…`);
    for (const id of ids) {
      const report = await crawler.runSource(id, 'demo', { referenceDate: options.today });
      if (report.sourceError) say(`  ${id} : ${report.sourceError}`);
    }
    const scored = await app.get(CallClassificationService).scorePending();
    await app.get(CallEligibilityService).computePending();
    const calls = await app.get<Repository<Call>>(getRepositoryToken(Call)).count();
    return {
      summary: { fixtureServer: server.baseUrl, sources: ids.length, calls, scored },
      env: {
        CRAWLER_ALLOW_HOSTS: allowHosts.join(','),
        FIXTURE_BASE_URL: server.baseUrl,
        PLATFORM_ADMIN_EMAILS: [
          ...new Set([...config.PLATFORM_ADMIN_EMAILS, DEMO_ADMIN_EMAIL]),
        ].join(','),
      },
      stop: () => server.close(),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

async function startOnPreferredPort(port: number, today?: string): Promise<FixtureServer> {
  try {
    return await startFixtureServer({ port, today });
  } catch {
    return startFixtureServer({ port: 0, today });
  }
}
