export { Clock, PinnedClock, SystemClock, clockFor } from './clock';
export { DomainException } from './domain.exception';
export {
  ambiguousTerritoryMessage,
  departementsOf,
  findTerritoryByName,
  normaliseTerritories,
  parseTerritory,
  regionOf,
  territoriesCovering,
  territoriesInside,
  territoryCovers,
  territoryOverlapSql,
  type Territory,
  type TerritoryLevel,
  type TerritoryNameLookup,
} from './territory';
export { loggingModule } from './logging';
export { maskUrlTokens } from './mask-url-tokens.util';
export { redactCredentials } from './redact-credentials.util';
export { formatAmountRange, formatEuros, formatPercent } from './french-format.util';
export { exitOnStartFailure, onShutdown } from './process.util';
export {
  PARIS_TIME_ZONE,
  FRENCH_MONTH_NAMES,
  addDays,
  daysBetween,
  frenchDate,
  frenchMonth,
  parisDate,
  parisMonth,
} from './paris-calendar.util';
export { VigieMetrics, vigieMetrics, type QueueDepthRow } from './metrics/vigie-metrics';
export { metricsAccess } from './metrics/metrics-access.util';
