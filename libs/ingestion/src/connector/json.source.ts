import type { Connector, ConnectorContext, ConnectorOutput } from './connector.types';
import { callOrError, itemError, sourceError } from './connector-output.util';
import { jsonPages } from './json-pages.util';
import { draftFromRecord } from './record-mapping.util';
import { mergeDetail, readDetailPage } from './detail-page.util';

/** Any paginated JSON API, read through the source's dot-path mapping. */
export class JsonConnector implements Connector {
  readonly kind: 'json' | 'opendatasoft' = 'json';

  async *run(context: ConnectorContext): AsyncIterable<ConnectorOutput> {
    const spec = this.pagination(context);
    let position = 0;
    try {
      for await (const page of jsonPages(context, spec)) {
        for (const record of page.items) {
          const draft = draftFromRecord(record, context.source.mapping!, page.url, position++);
          if (!context.source.follow || !draft.url) {
            yield callOrError(context, draft);
            continue;
          }
          try {
            yield callOrError(
              context,
              mergeDetail(draft, await readDetailPage(context, draft.url)),
            );
          } catch (error) {
            yield itemError(context, error, draft.url, draft.externalId);
          }
        }
      }
    } catch (error) {
      yield sourceError(context, error, context.source.url);
    }
  }

  protected pagination(context: ConnectorContext) {
    return context.source.pagination ?? { type: 'none' as const };
  }
}
