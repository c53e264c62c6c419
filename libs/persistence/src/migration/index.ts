import { MigrationInterface } from 'typeorm';
import { Initial1795469411220 } from './1795469411220-initial.migration';
import { AddCallsAndSources1795470495158 } from './1795470495158-add-calls-and-sources.migration';

/** Every migration in order, listed by hand (no globs). Never edit one that has run. */
export const migrations: Array<new () => MigrationInterface> = [
  Initial1795469411220,
  AddCallsAndSources1795470495158,
];
