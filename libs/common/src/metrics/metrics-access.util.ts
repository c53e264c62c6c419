import { timingSafeEqual } from 'node:crypto';

/**
 * Who may read /metrics: whoever sends `Authorization: Bearer <METRICS_TOKEN>`. Without a
 * token configured the endpoint does not exist (404): metrics name queues and sources, which
 * are not for the public, and a scraper must be set up on purpose.
 */
export function metricsAccess(
  token: string | undefined,
  authorization: string | undefined,
): 'disabled' | 'denied' | 'allowed' {
  if (!token) return 'disabled';
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return 'denied';
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? 'allowed'
    : 'denied';
}
