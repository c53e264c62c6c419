import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { SourceDefinition } from '../source/source.types';

/** Stops a source that would paginate forever: a page URL seen twice, or more pages than maxPages. */
export class PaginationGuard {
  private readonly seen = new Set<string>();

  constructor(private readonly source: SourceDefinition) {}

  visit(url: string): void {
    if (this.seen.has(url)) {
      throw new IngestionException(
        IngestionExceptionCode.PAGINATION_LOOP,
        `Source ${this.source.id}: pagination loops back to ${url} (already fetched in this run)`,
        { sourceId: this.source.id, url },
      );
    }
    if (this.seen.size >= this.source.maxPages) {
      throw new IngestionException(
        IngestionExceptionCode.TOO_MANY_PAGES,
        `Source ${this.source.id}: more than maxPages=${this.source.maxPages} pages; stopped at ${url}`,
        { sourceId: this.source.id, url },
      );
    }
    this.seen.add(url);
  }

  get count(): number {
    return this.seen.size;
  }
}
