export { repoRoot, sharedDataPath } from './shared-data';
export { createTestApp, type TestApp } from './test-app';
export { createTestDatabase, type TestDatabase } from './test-database';
export {
  buildDist,
  freePort,
  runNode,
  runVigie,
  startProcess,
  stopProcess,
  type CommandResult,
} from './process.util';
export {
  CONFIG_MUTATION_RUNS,
  frenchishText,
  HOSTILE_YAML,
  mutatedText,
  PROPERTY_RUNS,
  unicodeText,
  yamlishText,
} from './property-input.util';
