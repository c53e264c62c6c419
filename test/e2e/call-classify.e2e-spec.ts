import { buildDist, repoRoot, runVigie } from '@app/testing';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `vigie classify` as users and the acceptance checks run it: a real process, no database. */
describe('vigie classify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-classify-'));
  const home = join(repoRoot, '.vigie', `classify-spec-${process.pid}`);
  // A database that cannot exist: the command must not even try it.
  const offline = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x', VIGIE_HOME: home };
  const input = join(dir, 'calls.jsonl');

  beforeAll(() => {
    buildDist();
    writeFileSync(
      input,
      [
        JSON.stringify({
          id: 'aap-1',
          title: 'Appel à projets Médiation numérique',
          description: "Ateliers d'inclusion numérique pour les publics éloignés du numérique.",
          funder: 'Région',
          ignored: 'autre champ',
        }),
        '{"id": "aap-2", "title": ',
        JSON.stringify({ id: 'aap-3', title: 'Travaux de voirie', description: 'Chaussées.' }),
        '',
      ].join('\n'),
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  it('scores the good lines, names the bad line, exits 1, and starts no database', async () => {
    const result = await runVigie(['classify', '--in', input], offline);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ligne 2 : JSON illisible/);
    expect(result.stderr).not.toMatch(/PostgreSQL/);
    expect(existsSync(home)).toBe(false);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['aap-1', null, 'aap-3']);
    expect(lines[0]).toMatchObject({ relevant: true, euFund: null });
    expect(lines[0].score).toBeGreaterThan(0);
    expect(lines[0].themes[0]).toEqual({ id: expect.any(String), score: expect.any(Number) });
    expect(lines[0].explanation[0]).toEqual(
      expect.objectContaining({
        concept: expect.any(String),
        field: expect.any(String),
        match: expect.any(String),
        weight: expect.any(Number),
      }),
    );
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringContaining('JSON') });
    expect(lines[2]).toMatchObject({ relevant: false });
  });

  it('writes to --out and exits 0 when every line is scored', async () => {
    const good = join(dir, 'good.jsonl');
    const out = join(dir, 'out.jsonl');
    writeFileSync(good, readFileSync(input, 'utf8').split('\n')[0] + '\n');
    const result = await runVigie(['classify', '--in', good, '--out', out], offline);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ id: 'aap-1', relevant: true });
  });

  it('says so when the input file cannot be read', async () => {
    const result = await runVigie(['classify', '--in', join(dir, 'missing.jsonl')], offline);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.jsonl');
  });
});
