import type { Connector, ConnectorContext, ConnectorOutput } from './connector.types';
import { sourceError } from './connector-output.util';
import { jsonListing } from './json-pages.util';
import { draftFromRecord } from './record-mapping.util';

/** Any paginated JSON API, read through the source's dot-path mapping. */
export class JsonConnector implements Connector {
  readonly kind: 'json' | 'opendatasoft' = 'json';

  async *run(context: ConnectorContext): AsyncIterable<ConnectorOutput> {
    const mapping = context.source.mapping!;
    try {
      yield* jsonListing(context, this.pagination(context), (record, pageUrl, position) =>
        draftFromRecord(record, mapping, pageUrl, position),
      );
    } catch (error) {
      yield sourceError(context, error, context.source.url);
    }
  }

  protected pagination(context: ConnectorContext) {
    return context.source.pagination ?? { type: 'none' as const };
  }
}
