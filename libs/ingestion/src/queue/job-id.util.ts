import { createHash } from 'node:crypto';

/**
 * A UUID derived from a key (name-based, like UUID v5): the job of a source's window has the
 * same id whichever worker enqueues it, so the queue keeps one and ignores the others.
 */
export function jobIdFor(key: string): string {
  const hex = createHash('sha1')
    .update(`vigie-ingestion:${key}`)
    .digest('hex')
    .slice(0, 32)
    .split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
