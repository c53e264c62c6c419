import { redactCredentials } from '@app/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigException, ConfigExceptionCode } from './config.exception';
import { VigieConfig } from './vigie-config';

/** The repository root: compiled code lives in dist/libs/config/src, sources in libs/config/src. */
export const projectRoot = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(resolve(dir, 'package.json')) || !existsSync(resolve(dir, 'config'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

function readDefaults(): Record<string, string> {
  const file = resolve(projectRoot, 'config', 'defaults.yaml');
  const parsed: unknown = parse(readFileSync(file, 'utf8'));
  if (!parsed || typeof parsed !== 'object') return {};
  return Object.fromEntries(
    Object.entries(parsed as Record<string, unknown>).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join(',') : String(value),
    ]),
  );
}

/** A rejected value as the error shows it: never a pepper, never a password (finding 10). */
function shownValue(property: string, value: unknown): string {
  if (/PEPPER|SECRET/.test(property)) return '(hidden)';
  const redact = (item: unknown) => (typeof item === 'string' ? redactCredentials(item) : item);
  return JSON.stringify(Array.isArray(value) ? value.map(redact) : redact(value));
}

function describe(errors: ValidationError[]): string {
  return errors
    .map((error) => {
      const shown = shownValue(error.property, error.value);
      return `  - ${error.property} = ${shown}: ${Object.values(error.constraints ?? {}).join('; ')}`;
    })
    .join('\n');
}

/** What production cannot do without, named so the operator knows what to set. */
function productionProblems(config: VigieConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (!config.API_KEY_PEPPER) problems.push('API_KEY_PEPPER is required when NODE_ENV=production');
  // Links in e-mails must not be built from the request's Host header (finding 1).
  if (!config.PUBLIC_URL) {
    problems.push(
      'PUBLIC_URL is required when NODE_ENV=production (the address e-mailed links point to, ' +
        'e.g. https://vigie.example.org)',
    );
  }
  // Signs the anonymous forms' CSRF tokens; every api process must share it (finding 7).
  if (!config.CSRF_SECRET) {
    problems.push(
      'CSRF_SECRET is required when NODE_ENV=production ' +
        '(at least 32 random characters, the same for every api process)',
    );
  }
  return problems;
}

/**
 * Builds the configuration from config/defaults.yaml overridden by the environment, and
 * refuses to go on when anything is wrong: the message names every variable at fault.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): VigieConfig {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const merged = { ...readDefaults(), ...defined };
  const config = plainToInstance(VigieConfig, merged, { excludeExtraneousValues: false });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  const missing = productionProblems(config);
  if (missing.length > 0) {
    throw new ConfigException(
      ConfigExceptionCode.INVALID_CONFIGURATION,
      `Invalid configuration:\n${missing.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  if (config.NODE_ENV === 'production' && config.VIGIE_NOW) {
    throw new ConfigException(
      ConfigExceptionCode.INVALID_CONFIGURATION,
      'Invalid configuration:\n  - VIGIE_NOW pins the calendar for tests and demos; it is refused when NODE_ENV=production',
    );
  }
  if (errors.length > 0) {
    throw new ConfigException(
      ConfigExceptionCode.INVALID_CONFIGURATION,
      `Invalid configuration:\n${describe(errors)}`,
    );
  }
  if (!isAbsolute(config.VIGIE_HOME)) config.VIGIE_HOME = resolve(projectRoot, config.VIGIE_HOME);
  return config;
}
