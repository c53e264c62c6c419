import { createTestDatabase, TestDatabase } from '@app/testing';
import { runMigrations } from '../database';
import { BoundedConnectorState1796750000000 } from './1796750000000-bounded-connector-state.migration';

const NAME = new BoundedConnectorState1796750000000().name;

describe(BoundedConnectorState1796750000000.name, () => {
  let database: TestDatabase;
  const query = <T>(sql: string, params: unknown[] = []) =>
    database.dataSource.query(sql, params) as Promise<T>;
  const applied = async () =>
    (await query<{ name: string }[]>('SELECT name FROM migration')).some((m) => m.name === NAME);

  beforeAll(async () => {
    database = await createTestDatabase();
    while (await applied()) await database.dataSource.undoLastMigration({ transaction: 'each' });
  });
  afterAll(() => database.drop());

  it('drops the page bodies kept in connector_state, leaving the rest of the source as it was', async () => {
    const body = '<rss>' + 'x'.repeat(50_000) + '</rss>';
    const legacy = {
      pages: {
        'https://a.invalid/flux.xml': { etag: '"1"', lastModified: null, text: body },
        'https://a.invalid/aide/1': { etag: '"2"', lastModified: null, detail: { fields: {} } },
      },
    };
    for (const [id, state] of [
      ['old', legacy],
      ['never-run', {}],
    ] as const) {
      await query(
        `INSERT INTO source (id, name, kind, url, funder, schedule, definition, connector_state, last_item_count)
         VALUES ($1, $1, 'rss', 'https://a.invalid/flux.xml', 'Région', '0 6 * * *', '{}', $2, 12)`,
        [id, JSON.stringify(state)],
      );
    }
    await runMigrations(database.dataSource);
    const rows = await query<Array<{ id: string; connector_state: unknown; size: number }>>(
      `SELECT id, connector_state, last_item_count AS size FROM source ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'never-run', connector_state: {}, size: 12 },
      { id: 'old', connector_state: {}, size: 12 },
    ]);
  });
});
