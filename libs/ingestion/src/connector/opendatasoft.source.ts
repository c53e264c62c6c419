import type { ConnectorContext } from './connector.types';
import { JsonConnector } from './json.source';

/**
 * Opendatasoft Explore API v2.1 (`/api/explore/v2.1/catalog/datasets/{id}/records`):
 * `limit`/`offset` pages of `results`, stopping at `total_count`.
 */
export class OpendatasoftConnector extends JsonConnector {
  override readonly kind = 'opendatasoft' as const;

  protected override pagination(context: ConnectorContext) {
    // v2.1 refuses limit > 100.
    return {
      type: 'offset' as const,
      items: 'results',
      param: 'offset',
      sizeParam: 'limit',
      size: Math.min(context.source.pagination?.size ?? 100, 100),
      total: 'total_count',
    };
  }
}
