import { createTestDatabase, TestDatabase } from '@app/testing';
import { migrations } from './migration';
import { runMigrations, schemaDrift } from './database';

describe('Migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.drop());

  it('build exactly the schema the entities describe', async () => {
    const applied = await runMigrations(database.dataSource);
    expect(applied).toHaveLength(migrations.length);
    expect(await schemaDrift(database.dataSource)).toEqual([]);
  });

  it('apply nothing twice', async () => {
    expect(await runMigrations(database.dataSource)).toEqual([]);
  });

  it('revert down to an empty schema and apply again', async () => {
    for (let i = 0; i < migrations.length; i++) {
      await database.dataSource.undoLastMigration({ transaction: 'each' });
    }
    const tables = await database.dataSource.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migration'",
    );
    expect(tables).toEqual([]);
    await runMigrations(database.dataSource);
    expect(await schemaDrift(database.dataSource)).toEqual([]);
  });
});
