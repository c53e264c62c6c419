import type { VigieConfig } from '@app/config';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECRET_FILE = 'csrf-secret';

/**
 * The secret that signs the anonymous forms' CSRF tokens: CSRF_SECRET (required in production,
 * checked at load), or else a per-install one created once in VIGIE_HOME, so every process of a
 * development or demo install shares it and it survives restarts without being committed.
 */
export function resolveCsrfSecret(config: VigieConfig): string {
  if (config.CSRF_SECRET) return config.CSRF_SECRET;
  const file = join(config.VIGIE_HOME, SECRET_FILE);
  mkdirSync(config.VIGIE_HOME, { recursive: true });
  try {
    // 'wx': of two processes starting together, one creates the file and both read it.
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret: delete it to renew it`);
  return secret;
}
