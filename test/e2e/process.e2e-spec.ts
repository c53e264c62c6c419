import {
  buildDist,
  freePort,
  repoRoot,
  runNode,
  runVigie,
  startProcess,
  stopProcess,
} from '@app/testing';
import { resolveDataDir, runningServer } from '@app/persistence';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { join } from 'node:path';

/**
 * The service as a user runs it: real processes, no DATABASE_URL (embedded PostgreSQL), Ctrl-C.
 */
describe('Vigie processes on the embedded PostgreSQL', () => {
  const home = join(repoRoot, '.vigie', `process-spec-${process.pid}`);
  const base = { VIGIE_HOME: home, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  let blocker: Server;
  let blockedPort: number;

  beforeAll(async () => {
    buildDist();
    blockedPort = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(blockedPort, '127.0.0.1', resolve));
  });
  afterAll(() => {
    blocker.close();
    rmSync(home, { recursive: true, force: true });
    rmSync(resolveDataDir(home), { recursive: true, force: true });
  });

  it('creates an organisation from the CLI, serves it over HTTP, shares one server, and stops cleanly', async () => {
    const env = { ...base, EMBEDDED_PG_PORT: String(blockedPort) };
    const created = await runVigie(
      ['org:create', 'EPN Les Olympiades', '--kind', 'structure', '--territory', '75', '--json'],
      env,
    );
    expect(created.stderr).toMatch(/Embedded PostgreSQL started on 127\.0\.0\.1:(\d+)/);
    expect(created.stderr).not.toContain(`127.0.0.1:${blockedPort} `);
    expect(created.code).toBe(0);
    const { organisationId, apiKey } = JSON.parse(created.stdout);

    const port = await freePort();
    const api = await startProcess(
      [join(repoRoot, 'dist', 'apps', 'api', 'src', 'main.js')],
      { ...env, PORT: String(port) },
      /listening on/,
    );
    try {
      const me = await fetch(`http://127.0.0.1:${port}/api/organisations/me`, {
        headers: { Authorization: `Bearer ${apiKey}` },
      });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ id: organisationId, name: 'EPN Les Olympiades' });

      // A CLI command while the service runs joins its server instead of starting another.
      const second = await runVigie(
        ['org:create', 'Centre social', '--kind', 'structure', '--json'],
        env,
      );
      expect(second.code).toBe(0);
      expect(second.stderr).toContain('already running');
      const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
      expect(health).toMatchObject({ status: 'ok', database: { status: 'up' } });
    } finally {
      expect(await stopProcess(api.child, 'SIGINT')).toBe(0);
    }
    const dataDir = resolveDataDir(home);
    expect(runningServer(dataDir)).toBeNull();
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

    // The data survives a restart.
    const restarted = await runVigie(
      ['org:create', 'Tiers-lieu', '--kind', 'structure', '--json'],
      env,
    );
    expect(restarted.code).toBe(0);
    expect(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim()).toMatch(/^\d+$/);
  });

  it('refuses to start on a bad DATABASE_URL, naming it, within seconds', async () => {
    const port = await freePort();
    const result = await runNode([join(repoRoot, 'dist', 'apps', 'api', 'src', 'main.js')], {
      ...base,
      DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${port}/nowhere`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).not.toContain('secret');
  });

  it('refuses to start on an invalid setting, naming the variable', async () => {
    const result = await runNode([join(repoRoot, 'dist', 'apps', 'worker', 'src', 'main.js')], {
      ...base,
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('DATABASE_URL');
  });

  it('prints usage and fails on an unknown kind', async () => {
    const result = await runVigie(['org:create', 'X', '--kind', 'club'], base);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('club');
  });
});
