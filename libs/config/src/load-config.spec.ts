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

  it('pins the calendar with VIGIE_NOW outside production only', () => {
    expect(loadConfig({ VIGIE_NOW: '2026-11-23' }).VIGIE_NOW).toBe('2026-11-23');
    expect(() => loadConfig({ VIGIE_NOW: 'lundi' })).toThrow(/VIGIE_NOW must be an ISO date/);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        API_KEY_PEPPER: 'a-long-enough-pepper',
        VIGIE_NOW: '2026-11-23',
      }),
    ).toThrow(/VIGIE_NOW .* refused when NODE_ENV=production/);
  });
});
