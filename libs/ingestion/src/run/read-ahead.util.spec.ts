import { readAhead } from './read-ahead.util';

/** An iterable that records how many items were asked for. */
function counted(items: number[], failAt?: number) {
  const log = { asked: 0 };
  async function* generate() {
    for (const [index, item] of items.entries()) {
      log.asked++;
      if (index === failAt) throw new Error(`item ${index} unreadable`);
      yield item;
    }
  }
  return { log, iterable: generate() };
}

describe(readAhead.name, () => {
  it('yields every item in order', async () => {
    const { iterable } = counted([1, 2, 3]);
    const seen: number[] = [];
    for await (const item of readAhead(iterable)) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('has the next item on its way while the consumer handles the current one, and no more', async () => {
    const { log, iterable } = counted([1, 2, 3, 4]);
    const asked: number[] = [];
    for await (const _item of readAhead(iterable)) {
      await new Promise((resolve) => setImmediate(resolve));
      asked.push(log.asked);
    }
    expect(asked).toEqual([2, 3, 4, 4]);
  });

  it('passes on a failure of the source after the items before it', async () => {
    const { iterable } = counted([1, 2, 3], 2);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readAhead(iterable)) seen.push(item);
      })(),
    ).rejects.toThrow('item 2 unreadable');
    expect(seen).toEqual([1, 2]);
  });
});
