import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig, projectRoot } from './load-config';
import { VigieConfig } from './vigie-config';

/**
 * The deployment files against the configuration the processes accept (issue 16, item 8).
 * Static: Docker is not available where the tests run, so nothing is started; what can drift
 * (a variable renamed in the schema, a service or a secret forgotten) is checked here.
 */
interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  env_file?: string | string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, unknown>;
}

const compose = parse(readFileSync(join(projectRoot, 'compose.yaml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, ComposeService> };
const exampleText = readFileSync(join(projectRoot, 'config', '.env.example'), 'utf8');
const example = Object.fromEntries(
  exampleText
    .split('\n')
    .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
const schemaKeys = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(VigieConfig, '', true, false)
      .map((metadata) => metadata.propertyName),
  ),
].sort();
/** Variables read by the sources (auth.secretEnv in config/sources.yaml), not by the schema. */
const sourceSecrets = [
  ...new Set(
    [
      ...readFileSync(join(projectRoot, 'config', 'sources.yaml'), 'utf8').matchAll(
        /secretEnv:\s*(\w+)/g,
      ),
    ].map((match) => match[1]),
  ),
];
const vigieServices = Object.entries(compose.services).filter(([, service]) =>
  service.command?.some((part) => part.startsWith('dist/apps/')),
);

/** The environment a service's process gets: the env file, then the service's own values. */
function environmentOf(service: ComposeService): NodeJS.ProcessEnv {
  const files = [service.env_file ?? []].flat();
  expect(files).toEqual(['config/.env.example']);
  return { ...example, ...(service.environment ?? {}) };
}

describe('compose.yaml and config/.env.example', () => {
  it('run PostgreSQL, an SMTP catcher, the api and two workers', () => {
    const roles = vigieServices.map(([, service]) => service.command?.[1]);
    expect(roles.filter((script) => script === 'dist/apps/api/src/main.js')).toHaveLength(1);
    expect(roles.filter((script) => script === 'dist/apps/worker/src/main.js')).toHaveLength(2);
    expect(compose.services.db.image).toMatch(/^postgres:/);
    expect(compose.services.mail.image).toMatch(/mailpit/);
    for (const [, service] of vigieServices)
      expect(Object.keys(service.depends_on ?? {})).toContain('db');
  });

  it('document every variable of the configuration, and only variables something reads', () => {
    expect(schemaKeys.filter((key) => !(key in example))).toEqual([]);
    const known = new Set([...schemaKeys, ...sourceSecrets]);
    expect(Object.keys(example).filter((key) => !known.has(key))).toEqual([]);
    for (const [, service] of vigieServices)
      expect(Object.keys(service.environment ?? {}).filter((key) => !known.has(key))).toEqual([]);
  });

  it('give each process a configuration that loads, pointing at the compose services', () => {
    for (const [name, service] of vigieServices) {
      const config = loadConfig(environmentOf(service));
      const database = new URL(config.DATABASE_URL ?? '');
      expect({ name, host: database.hostname }).toEqual({ name, host: 'db' });
      const db = compose.services.db.environment ?? {};
      expect(decodeURIComponent(database.username)).toBe(db.POSTGRES_USER);
      expect(decodeURIComponent(database.password)).toBe(db.POSTGRES_PASSWORD);
      expect(database.pathname).toBe(`/${db.POSTGRES_DB}`);
      expect(new URL(config.SMTP_URL ?? '').hostname).toBe('mail');
      expect(config.HOST).toBe('0.0.0.0');
    }
    const [, api] = vigieServices.find(([, service]) => service.command?.[1].includes('/api/'))!;
    expect(api.ports).toContain(
      `${loadConfig(environmentOf(api)).PORT}:${loadConfig(environmentOf(api)).PORT}`,
    );
    for (const [, worker] of vigieServices.filter(([, service]) =>
      service.command?.[1].includes('/worker/'),
    )) {
      const config = loadConfig(environmentOf(worker));
      expect(config.METRICS_TOKEN).toBeDefined();
      expect(worker.ports?.some((port) => port.endsWith(`:${config.METRICS_PORT}`))).toBe(true);
      // The workers' metrics port is published on the host's loopback only.
      expect(worker.ports?.every((port) => port.startsWith('127.0.0.1:'))).toBe(true);
    }
  });
});
