import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface ApiProcess {
  child: ChildProcess;
  base: string;
}

/**
 * The real API process (dist/apps/api/src/main.js) on a bench database, on loopback, in a
 * process of its own so the load generator does not share its event loop. `nodeArgs` go to
 * node itself (e.g. `--cpu-prof`).
 */
export async function startApiProcess(
  url: string,
  options: { logLevel?: string; nodeArgs?: string[] } = {},
): Promise<ApiProcess> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), resolve(__dirname, '../apps/api/src/main.js')],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: options.logLevel ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the API stopped (code ${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) done();
    });
  });
  return { child, base: `http://127.0.0.1:${port}` };
}
