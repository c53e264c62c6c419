import { createTestDatabase, TestDatabase } from '@app/testing';
import { runMigrations } from '../database';
import { AddActivityAndImpact1796680000000 } from './1796680000000-add-activity-and-impact.migration';

const NAME = new AddActivityAndImpact1796680000000().name;

describe(AddActivityAndImpact1796680000000.name, () => {
  let database: TestDatabase;
  const query = <T>(sql: string, params: unknown[] = []) =>
    database.dataSource.query(sql, params) as Promise<T>;
  const applied = async () =>
    (await query<{ name: string }[]>('SELECT name FROM migration')).some((m) => m.name === NAME);

  beforeAll(async () => {
    database = await createTestDatabase();
    // Back to the schema just before this migration (later ones, if any, reverted first).
    while (await applied()) await database.dataSource.undoLastMigration({ transaction: 'each' });
  });
  afterAll(() => database.drop());

  it('moves undated achieved counts into activity over the whole operation, then back on revert', async () => {
    const [org] = await query<{ id: string }[]>(
      `INSERT INTO organisation (name, kind) VALUES ('EPN', 'structure') RETURNING id`,
    );
    const indicators = [
      { key: 'people_accompanied', label: 'Personnes accompagnées', planned: 400, achieved: 120 },
      { key: 'ateliers', label: 'Ateliers', planned: 40, achieved: 0 },
      { key: 'heures', planned: 900 },
    ];
    const [app] = await query<{ id: string }[]>(
      `INSERT INTO application (organisation_id, title, status, operation_start, operation_end, total_cost_cents, indicators)
       VALUES ($1, 'Parcours', 'in_progress', '2026-01-15', '2026-12', 100, $2) RETURNING id`,
      [org.id, JSON.stringify(indicators)],
    );
    await runMigrations(database.dataSource);
    expect(
      await query(
        'SELECT indicator_key, period_start, period_end, count FROM activity_entry WHERE application_id = $1',
        [app.id],
      ),
    ).toEqual([
      {
        indicator_key: 'people_accompanied',
        period_start: '2026-01',
        period_end: '2026-12',
        count: 120,
      },
    ]);
    const [after] = await query<{ indicators: unknown }[]>(
      'SELECT indicators FROM application WHERE id = $1',
      [app.id],
    );
    expect(after.indicators).toEqual([
      { key: 'people_accompanied', label: 'Personnes accompagnées', planned: 400 },
      { key: 'ateliers', label: 'Ateliers', planned: 40 },
      { key: 'heures', planned: 900 },
    ]);
    while (await applied()) await database.dataSource.undoLastMigration({ transaction: 'each' });
    const [reverted] = await query<{ indicators: unknown }[]>(
      'SELECT indicators FROM application WHERE id = $1',
      [app.id],
    );
    expect(reverted.indicators).toEqual([
      { key: 'people_accompanied', label: 'Personnes accompagnées', planned: 400, achieved: 120 },
      { key: 'ateliers', label: 'Ateliers', planned: 40 },
      { key: 'heures', planned: 900 },
    ]);
  });
});
