/**
 * The last projections per process, keyed by everything they depend on (the organisation's data
 * fingerprint, settings version, range, scenario, "today"). Entries are never stale: any write
 * changes the fingerprint, so an old key is simply never asked for again and ages out.
 */
export class ProjectionCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 32) {}

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-insert so the Map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity)
      this.entries.delete(this.entries.keys().next().value as string);
  }
}
