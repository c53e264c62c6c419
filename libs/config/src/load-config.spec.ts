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
    let message = '';
    try {
      loadConfig({ API_KEY_PEPPER: 'short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('API_KEY_PEPPER');
    expect(message).not.toContain('short-secret');
  });

  it('finding 7: requires CSRF_SECRET in production, naming it, without echoing a short one', () => {
    const pepper = { NODE_ENV: 'production', API_KEY_PEPPER: 'a-pepper-long-enough-for-tests' };
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
