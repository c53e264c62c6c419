import type { VigieConfig } from '@app/config';
import { PoliteFetcher } from '../fetch/polite-fetcher';
import type { SharedPoliteness } from '../fetch/shared-politeness.types';

/**
 * The polite fetcher as configured for this deployment (contact, delay, allowed private hosts);
 * `shared` makes the delay, Retry-After and robots.txt hold across processes (workers).
 */
export function createCrawlerFetcher(
  config: Pick<VigieConfig, 'CRAWLER_CONTACT' | 'CRAWLER_MIN_DELAY_MS' | 'CRAWLER_ALLOW_HOSTS'>,
  shared: SharedPoliteness | null = null,
): PoliteFetcher {
  return new PoliteFetcher(
    {
      contact: config.CRAWLER_CONTACT,
      minDelayMs: config.CRAWLER_MIN_DELAY_MS,
      allowHosts: config.CRAWLER_ALLOW_HOSTS,
    },
    shared,
  );
}
