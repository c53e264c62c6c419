export {
  describeWithSharedData,
  hasSharedData,
  itWithSharedData,
  repoRoot,
  sharedDataPath,
} from './shared-data';
export { createTestApp, type TestApp, type TestAppOptions } from './test-app';
export { createTestDatabase, type TestDatabase } from './test-database';
export {
  API_MAIN,
  buildDist,
  freePort,
  runNode,
  runVigie,
  startApi,
  startProcess,
  startWorker,
  stopProcess,
  waitFor,
  WORKER_MAIN,
  type CommandResult,
} from './process.util';
export {
  crawlEnv,
  DEMO_SOURCES,
  useCrawlSandbox,
  writeDemoSources,
  type CrawlSandbox,
} from './crawl-sandbox.util';
export { TEST_NOW, TEST_TODAY } from './test-calendar';
export {
  CONFIG_MUTATION_RUNS,
  frenchishText,
  HOSTILE_YAML,
  mutatedText,
  PROPERTY_RUNS,
  unicodeText,
  yamlishText,
} from './property-input.util';
export type { ApiGetBody, ApiSchema } from './api-types.util';
