import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

function quote(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

/**
 * Writes a migration with the SQL that brings the database to the entities (TypeORM's schema
 * diff), for a human to review. Returns the file path, or null when nothing differs.
 */
export async function generateMigration(
  dataSource: DataSource,
  name: string,
  directory: string,
  now: Date = new Date(),
  onlyTables: string[] = [],
): Promise<string | null> {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    throw new Error(`Migration name must be PascalCase letters and digits, got "${name}"`);
  }
  const sql = await dataSource.driver.createSchemaBuilder().log();
  // Several engineers may add entities at once: --tables keeps one change's own tables only.
  const mentions = (query: string) => onlyTables.some((table) => query.includes(`"${table}"`));
  if (onlyTables.length > 0) {
    // TypeORM pairs each up query with the down query at the same position; a down query may
    // not name the table (DROP INDEX "public"."ix_…"), so pairs are kept by their up query.
    const paired = sql.upQueries.length === sql.downQueries.length;
    const kept = sql.upQueries.map((q) => mentions(q.query));
    sql.upQueries = sql.upQueries.filter((_, i) => kept[i]);
    sql.downQueries = paired
      ? sql.downQueries.filter((_, i) => kept[i])
      : sql.downQueries.filter((q) => mentions(q.query));
  }
  if (sql.upQueries.length === 0) return null;
  const timestamp = now.getTime();
  const className = `${name}${timestamp}`;
  const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`);
  const down = sql.downQueries
    .reverse()
    .map((q) => `    await queryRunner.query(${quote(q.query)});`);
  const fileName = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.migration.ts`;
  const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.join('\n')}
  }
}
`;
  mkdirSync(directory, { recursive: true });
  const path = join(directory, fileName);
  writeFileSync(path, body);
  return path;
}
