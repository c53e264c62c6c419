/**
 * Runs `cleanup` once on SIGINT or SIGTERM, then exits. Nest's own shutdown hooks are not used
 * because they re-raise the signal before asynchronous cleanup (stopping the embedded
 * PostgreSQL) has finished.
 */
export function onShutdown(cleanup: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    cleanup(signal)
      .catch((error: unknown) => console.error(`Shutdown failed: ${String(error)}`))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** Prints a start-up failure as a readable message (no stack for expected errors) and exits 1. */
export function exitOnStartFailure(error: unknown, what: string): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${what} could not start.\n${message}`);
  process.exit(1);
}
