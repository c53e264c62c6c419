import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './shared-data';

/** The built worker and API, as `npm run start:worker` / `start:api` run them. */
export const WORKER_MAIN = join(repoRoot, 'dist', 'apps', 'worker', 'src', 'main.js');
export const API_MAIN = join(repoRoot, 'dist', 'apps', 'api', 'src', 'main.js');

/** Compiles dist/ (incremental) so process tests run the code as users do. */
export function buildDist(): void {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `vigie <args>` as a real process. */
export function runVigie(args: string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  return runNode([join(repoRoot, 'dist', 'apps', 'cli', 'src', 'main.js'), ...args], env);
}

export function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a long-running app (api, worker, demo) and waits until `ready` appears in its output. */
export function startProcess(
  script: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, script, { env: { ...process.env, ...env }, cwd: repoRoot });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Not ready after ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Exited with ${code} before being ready:\n${output}`));
    });
  });
}

/** Sends a signal and waits for the exit code. */
export function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGINT',
): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

/** Starts a built worker and waits until it runs its schedules. */
export function startWorker(
  env: NodeJS.ProcessEnv,
  timeoutMs?: number,
): ReturnType<typeof startProcess> {
  return startProcess([WORKER_MAIN], env, /Vigie worker running/, timeoutMs);
}

/** Starts the built API and waits until it listens. */
export function startApi(
  env: NodeJS.ProcessEnv,
  timeoutMs?: number,
): ReturnType<typeof startProcess> {
  return startProcess([API_MAIN], env, /Vigie API listening/, timeoutMs);
}

/**
 * Polls `check` until it answers something other than null, undefined or false, and returns
 * that answer; throws once `timeoutMs` is over. With `retryErrors`, a check that throws counts as
 * "not yet" (a database being restarted under it).
 */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  options: { intervalMs?: number; retryErrors?: boolean } = {},
): Promise<T> {
  const { intervalMs = 250, retryErrors = false } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await (retryErrors ? check().catch(() => null) : check());
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
