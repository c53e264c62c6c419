/**
 * Iterates `source` one item ahead: while the consumer stores item n, item n + 1 is already
 * being fetched and parsed, so the per-host delay and the database round trips overlap instead
 * of adding up. At most one item is held in advance, so memory stays bounded.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  // A failure of the item read ahead surfaces when it is awaited, not as an unhandled rejection.
  pending.catch(() => undefined);
  for (;;) {
    const result = await pending;
    if (result.done) return;
    pending = iterator.next();
    pending.catch(() => undefined);
    yield result.value;
  }
}
