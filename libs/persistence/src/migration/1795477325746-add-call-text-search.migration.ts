import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accent- and case-insensitive search on calls (« mediation » finds « Médiation »), fast at
 * 100,000 calls: a trigram index on the folded text. unaccent and pg_trgm are trusted
 * extensions (PostgreSQL 13+): a database owner may create them without being superuser.
 * Hand-written: TypeORM does not generate functions or expression indexes.
 */
export class AddCallTextSearch1795477325746 implements MigrationInterface {
  name = 'AddCallTextSearch1795477325746';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE (its dictionary could change); naming the dictionary makes the
    // result depend on the input alone, which an index expression requires.
    await queryRunner.query(
      `CREATE FUNCTION vigie_fold(value text) RETURNS text
         LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         RETURN lower(public.unaccent('public.unaccent'::regdictionary, value))`,
    );
    await queryRunner.query(
      `CREATE FUNCTION vigie_call_search_text(title text, description text, funders text[])
         RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
         RETURN vigie_fold(concat_ws(' ', title, description, array_to_string(funders, ' ')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_call_search_text" ON "call"
         USING gin (vigie_call_search_text("title", "description_text", "funders") gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_call_search_text"`);
    await queryRunner.query(`DROP FUNCTION vigie_call_search_text(text, text, text[])`);
    await queryRunner.query(`DROP FUNCTION vigie_fold(text)`);
  }
}
