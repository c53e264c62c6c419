import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root (this file lives in test/support). */
export const repoRoot = resolve(__dirname, '..', '..');

/**
 * Path inside `../shared/data`, the real labelled calls and payloads that sit beside the
 * repository (on developers' machines and in CI). Read at test time, never copied in.
 */
export function sharedDataPath(...parts: string[]): string {
  const path = resolve(repoRoot, '..', 'shared', 'data', ...parts);
  if (!existsSync(path)) {
    throw new Error(`Shared data not found at ${path}: clone the repository beside shared/.`);
  }
  return path;
}
