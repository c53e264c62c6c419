import { DataSource, EntityManager } from 'typeorm';

/**
 * Makes a digest subject due at the next tick (created, edited, a pick shared, an address
 * confirmed). Whether this period was already served is decided by its delivery rows, so
 * marking too often costs one look, never a second mail.
 */
export async function markDigestDue(
  db: DataSource | EntityManager,
  subjectKey: string,
): Promise<void> {
  await db.query(
    `INSERT INTO digest_schedule (subject_key, next_due_at) VALUES ($1, '1970-01-01T00:00:00Z')
     ON CONFLICT (subject_key) DO UPDATE SET next_due_at = excluded.next_due_at`,
    [subjectKey],
  );
}
