export {
  startFixtureServer,
  type FixtureServer,
  type FixtureServerOptions,
  type FixtureFault,
  type FixtureRequestLogEntry,
} from './fixture-server';
export { CATALOGUE } from './catalogue';
export type { FixtureCall, FixtureDeadline, FixtureFeed } from './fixture-call.types';
export { FIXTURE_PATHS } from './fixture-routes.constants';
export { minimalPdf } from './minimal-pdf';
export { createTestFetcher } from './test-fetcher';
