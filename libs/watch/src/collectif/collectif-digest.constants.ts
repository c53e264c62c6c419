import type { DigestFrequency } from '@app/persistence';

/**
 * The frequency of a collectif without a collectif_digest row: weekly, as before coordinators
 * could choose, so existing collectifs need no backfill (no recipients = the computed list).
 */
export const DEFAULT_COLLECTIF_DIGEST_FREQUENCY: DigestFrequency = 'weekly';
