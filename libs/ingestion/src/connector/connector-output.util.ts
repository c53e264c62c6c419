import { buildCall } from '../call/call.builder';
import type { CallDraft } from '../call/call-draft.types';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { ConnectorContext, ConnectorItemError, ConnectorOutput } from './connector.types';

/** The call, or an item error naming it when it cannot be one (no title…). */
export function callOrError(context: ConnectorContext, draft: CallDraft): ConnectorOutput {
  try {
    const call = buildCall(context.source, draft, { referenceDate: context.options.referenceDate });
    context.stats.calls++;
    return call;
  } catch (error) {
    return itemError(context, error, draft.url, draft.externalId);
  }
}

export function itemError(
  context: ConnectorContext,
  error: unknown,
  url: string | null,
  externalId: string | null,
): ConnectorItemError {
  context.stats.itemErrors++;
  return toError(context, error, 'item', url, externalId);
}

/** A failure of the whole source: recorded in the stats; items already yielded stand. */
export function sourceError(
  context: ConnectorContext,
  error: unknown,
  url: string | null,
): ConnectorItemError {
  const output = toError(context, error, 'source', url, null);
  context.stats.sourceError = output.message;
  return output;
}

function toError(
  context: ConnectorContext,
  error: unknown,
  scope: 'item' | 'source',
  url: string | null,
  externalId: string | null,
): ConnectorItemError {
  const code =
    error instanceof IngestionException ? error.code : IngestionExceptionCode.MALFORMED_PAYLOAD;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'error', scope, sourceId: context.source.id, code, message, url, externalId };
}

/** Joins HTML parts of a description given in several fields. */
export function joinHtml(parts: Array<string | null | undefined>): string | null {
  const present = parts.filter((part): part is string => !!part && part.trim() !== '');
  return present.length ? present.join('\n<br>\n') : null;
}
