import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root (this file lives in test/support). */
export const repoRoot = resolve(__dirname, '..', '..');

const sharedDataRoot = resolve(repoRoot, '..', 'shared', 'data');

/** True when `../shared/data` sits beside the repository (developers' machines and CI). */
export const hasSharedData = existsSync(sharedDataRoot);

/**
 * Path inside `../shared/data`, the real labelled calls and payloads that sit beside the
 * repository (on developers' machines and in CI). Read at test time, never copied in.
 */
export function sharedDataPath(...parts: string[]): string {
  const path = resolve(sharedDataRoot, ...parts);
  if (!existsSync(path)) {
    throw new Error(`Shared data not found at ${path}: clone the repository beside shared/.`);
  }
  return path;
}

function warnSkipped(what: string): void {
  // console.warn, not a silent skip: whoever runs the suite sees what did not run, and why.
  console.warn(
    `⚠ Skipped « ${what} »: the real data of ../shared/data is not beside this clone ` +
      `(${sharedDataRoot}). Clone the repository beside shared/ to run it; CI always has it.`,
  );
}

/** `it` for a test that reads ../shared/data: skipped with a visible warning when it is absent. */
export function itWithSharedData(name: string, fn: jest.ProvidesCallback, timeout?: number): void {
  if (hasSharedData) {
    it(name, fn, timeout);
    return;
  }
  warnSkipped(name);
  it.skip(name, fn, timeout);
}

/** `describe` whose every test reads ../shared/data: skipped with a visible warning when absent. */
export function describeWithSharedData(name: string, fn: () => void): void {
  if (hasSharedData) {
    describe(name, fn);
    return;
  }
  warnSkipped(name);
  describe.skip(name, fn);
}
