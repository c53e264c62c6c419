import { ConfigException } from './config.exception';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies config/defaults.yaml under the environment', () => {
    const config = loadConfig({ PORT: '4000' });
    expect(config.PORT).toBe(4000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.MIGRATIONS_RUN).toBe(true);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.VIGIE_HOME).toMatch(/\.vigie$/);
  });

  it('names every variable at fault', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://localhost/x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });

  it('accepts a PostgreSQL URL and boolean words', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      MIGRATIONS_RUN: 'false',
      CRAWLER_ALLOW_HOSTS: '127.0.0.1, localhost',
    });
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(config.MIGRATIONS_RUN).toBe(false);
    expect(config.CRAWLER_ALLOW_HOSTS).toEqual(['127.0.0.1', 'localhost']);
  });

  it('requires a pepper for API keys in production, without echoing secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigException);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/API_KEY_PEPPER/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://vigie.example.org' }),
    ).toThrow(/API_KEY_PEPPER/);
    let message = '';
    try {
      loadConfig({ API_KEY_PEPPER: 'short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('API_KEY_PEPPER');
    expect(message).not.toContain('short-secret');
  });

  it('pins the calendar with VIGIE_NOW outside production only', () => {
    expect(loadConfig({ VIGIE_NOW: '2026-11-23' }).VIGIE_NOW).toBe('2026-11-23');
    expect(() => loadConfig({ VIGIE_NOW: 'lundi' })).toThrow(/VIGIE_NOW must be an ISO date/);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        API_KEY_PEPPER: 'a-long-enough-pepper',
        PUBLIC_URL: 'https://vigie.example.org',
        CSRF_SECRET: 'c'.repeat(32),
        VIGIE_NOW: '2026-11-23',
      }),
    ).toThrow(/VIGIE_NOW .* refused when NODE_ENV=production/);
  });

  it('finding 1: production refuses to start without PUBLIC_URL, naming it', () => {
    const production = { NODE_ENV: 'production', API_KEY_PEPPER: 'a-pepper-long-enough' };
    expect(() => loadConfig(production)).toThrow(ConfigException);
    expect(() => loadConfig(production)).toThrow(/PUBLIC_URL is required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/API_KEY_PEPPER[\s\S]*PUBLIC_URL/);
    const config = loadConfig({
      ...production,
      PUBLIC_URL: 'https://vigie.example.org/',
      CSRF_SECRET: 'c'.repeat(32),
    });
    expect(config.PUBLIC_URL).toBe('https://vigie.example.org/');
  });

  it('finding 10: a malformed DATABASE_URL is reported without its password', () => {
    const message = configError({
      DATABASE_URL: 'postgres://vigie:S3cret-db-pass@db.example.org:5432',
    });
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('postgres://vigie:***@db.example.org:5432');
    expect(message).not.toContain('S3cret-db-pass');
  });

  it('finding 10: a malformed SMTP_URL is reported without its password', () => {
    const message = configError({ SMTP_URL: 'smtp:/postmaster:Mail-pass-42@smtp.example.org:587' });
    expect(message).toContain('SMTP_URL');
    expect(message).not.toContain('Mail-pass-42');
    const spaced = configError({ SMTP_URL: 'smtps://relay:Other pass@smtp.example.org:465' });
    expect(spaced).toContain('SMTP_URL');
    expect(spaced).not.toContain('Other pass');
  });

  it('finding 10: secrets in a query string are not echoed either', () => {
    const message = configError({
      DATABASE_URL:
        'mysql://db.example.org/vigie?user=vigie&password=Query-secret-1&sslmode=require',
    });
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('sslmode=require');
    expect(message).not.toContain('Query-secret-1');
  });

  it('finding 7: requires CSRF_SECRET in production, naming it, without echoing a short one', () => {
    const pepper = {
      NODE_ENV: 'production',
      API_KEY_PEPPER: 'a-pepper-long-enough-for-tests',
      PUBLIC_URL: 'https://vigie.example.org',
    };
    expect(() => loadConfig(pepper)).toThrow(/CSRF_SECRET is required when NODE_ENV=production/);
    expect(() => loadConfig({ ...pepper, CSRF_SECRET: 'x'.repeat(32) })).not.toThrow();
    let message = '';
    try {
      loadConfig({ CSRF_SECRET: 'too-short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('CSRF_SECRET');
    expect(message).not.toContain('too-short-secret');
  });
});

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigException);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}
