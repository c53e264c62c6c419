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

function describe(errors: ValidationError[]): string {
  return errors
    .map((error) => {
      const shown = /PEPPER|SECRET/.test(error.property) ? '(hidden)' : JSON.stringify(error.value);
      return `  - ${error.property} = ${shown}: ${Object.values(error.constraints ?? {}).join('; ')}`;
    })
    .join('\n');
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
  if (config.NODE_ENV === 'production' && !config.API_KEY_PEPPER) {
    throw new ConfigException(
      ConfigExceptionCode.INVALID_CONFIGURATION,
      'Invalid configuration:\n  - API_KEY_PEPPER is required when NODE_ENV=production',
    );
  }
  if (config.NODE_ENV === 'production' && !config.CSRF_SECRET) {
    throw new ConfigException(
      ConfigExceptionCode.INVALID_CONFIGURATION,
      'Invalid configuration:\n  - CSRF_SECRET is required when NODE_ENV=production ' +
        '(at least 32 random characters, the same for every api process)',
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
