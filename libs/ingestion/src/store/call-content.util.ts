import { createHash } from 'node:crypto';
import type { NormalisedCall } from '../call/normalised-call';

/** JSON with sorted keys, so the same content always hashes the same. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Hash of what a source says about a call. The status is left out: it follows from the dates
 * and today's date, so a call does not "change" just because time passed.
 */
export function contentHash(call: NormalisedCall): string {
  const { status: _status, sourceId: _sourceId, ...content } = call;
  return createHash('sha256').update(stableStringify(content)).digest('base64url');
}
