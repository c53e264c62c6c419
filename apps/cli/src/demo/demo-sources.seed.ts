import { VigieConfig } from '@app/config';
import { INestApplicationContext } from '@nestjs/common';

export interface DemoSourcesSeed {
  /** Extra lines for the demo's summary and demo.json. */
  summary: Record<string, unknown>;
  /** Environment for the api and worker processes (e.g. CRAWLER_ALLOW_HOSTS for the local server). */
  env: Record<string, string>;
  /** Stops what the seed started (the fixture server). */
  stop(): Promise<void>;
}

/** Demo sources (issue 3): filled by the ingestion work. */
export async function seedDemoSources(
  _app: INestApplicationContext,
  _config: VigieConfig,
): Promise<DemoSourcesSeed> {
  return { summary: {}, env: {}, stop: async () => undefined };
}
