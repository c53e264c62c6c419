export { DomainException } from './domain.exception';
export {
  normaliseTerritories,
  parseTerritory,
  regionOf,
  territoryCovers,
  type Territory,
  type TerritoryLevel,
} from './territory';
export { loggingModule } from './logging';
export { exitOnStartFailure, onShutdown } from './process.util';
