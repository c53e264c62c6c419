/** Where progress goes: stderr, so stdout stays clean for --json and pipes. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** One step done: `done` of `total` (null when unknown), and what it was. */
  step(done: number, total: number | null, text: string): void;
  /** Leaves the terminal on a fresh line. */
  end(): void;
}

const BAR_WIDTH = 20;

/**
 * A progress line per step: on a terminal, one line redrawn in place with a bar; piped (cron,
 * CI logs), a plain line per step that a log keeps readable.
 */
export function createProgress(label: string, stream: ProgressStream = process.stderr): Progress {
  let drawn = false;
  return {
    step(done, total, text) {
      const count = total === null ? `${done}` : `${done}/${total}`;
      if (!stream.isTTY) {
        stream.write(`${label} ${count} ${text}\n`);
        return;
      }
      const filled = total ? Math.round((BAR_WIDTH * done) / Math.max(total, 1)) : 0;
      const bar = total === null ? '' : `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] `;
      const line = `${label} ${bar}${count} ${text}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
