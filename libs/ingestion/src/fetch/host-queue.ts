import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

interface HostState {
  /** Settles when the last queued task for the host has finished. */
  tail: Promise<void>;
  /** When the previous task for the host finished (performance.now() ms). */
  lastEndAt: number;
  /** Nothing starts on the host before this instant (Retry-After, backoff). */
  notBefore: number;
}

/**
 * Per-host politeness: tasks for one host run one at a time, in arrival order, each starting at
 * least `delayMs` after the previous one finished; tasks for different hosts run in parallel.
 */
export class HostQueue {
  private readonly hosts = new Map<string, HostState>();

  async run<T>(host: string, delayMs: number, task: () => Promise<T>): Promise<T> {
    const state = this.state(host);
    const previous = state.tail;
    let release: () => void = () => undefined;
    state.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      await waitUntil(Math.max(state.lastEndAt + delayMs, state.notBefore));
      return await task();
    } finally {
      state.lastEndAt = performance.now();
      release();
    }
  }

  /** Keeps the host idle for `delayMs` from now, on top of the usual delay. */
  defer(host: string, delayMs: number): void {
    const state = this.state(host);
    state.notBefore = Math.max(state.notBefore, performance.now() + delayMs);
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { tail: Promise.resolve(), lastEndAt: -Infinity, notBefore: -Infinity };
      this.hosts.set(host, state);
    }
    return state;
  }
}

/** Timers may fire a millisecond early against the high-resolution clock: check and sleep again. */
async function waitUntil(instant: number): Promise<void> {
  for (
    let remaining = instant - performance.now();
    remaining > 0;
    remaining = instant - performance.now()
  ) {
    await sleep(Math.ceil(remaining));
  }
}
