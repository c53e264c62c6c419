import type { NormalisedCall } from '../call/normalised-call';
import type { CallFields } from './call-fields.types';

/** What one source says, as the call's fields. */
export function fieldsOf(call: NormalisedCall): CallFields {
  return {
    title: call.title,
    url: call.url,
    funders: call.funders,
    descriptionText: call.descriptionText,
    descriptionHtml: call.descriptionHtml,
    documents: call.documents,
    publishedAt: call.publishedAt,
    opensAt: call.opensAt,
    deadlines: call.deadlines,
    rolling: call.rolling,
    amountMinCents: call.amounts.minCents ?? null,
    amountMaxCents: call.amounts.maxCents ?? null,
    envelopeCents: call.amounts.envelopeCents ?? null,
    ratePct: call.amounts.ratePct ?? null,
    aidTypes: call.aidTypes,
    euFund: call.euFund,
    audiences: call.audiences,
    territory: call.territory,
  };
}

/**
 * Merge policy when several sources publish one call. Sources are given primary first (the
 * source that saw the call first). Single-valued fields come from the primary source, and from
 * the next source that has them when the primary leaves them empty (an aggregator often knows
 * the amount a région's page omits). Lists are the union over every source (funders, documents
 * by URL, audiences, aid types, territory). Deadlines are never mixed: the first source that
 * gives any gives all of them, so rounds stay consistent.
 */
export function mergeFields(sources: CallFields[]): CallFields {
  if (sources.length === 0) throw new Error('mergeFields needs at least one source');
  const [primary] = sources;
  const first = <K extends keyof CallFields>(
    key: K,
    empty: (value: CallFields[K]) => boolean,
  ): CallFields[K] => (sources.find((source) => !empty(source[key])) ?? primary)[key];
  const isNull = (value: unknown) => value === null || value === undefined || value === '';
  const isEmptyList = (value: unknown) => !Array.isArray(value) || value.length === 0;
  const deadlines = first('deadlines', isEmptyList);
  return {
    title: primary.title,
    url: primary.url,
    funders: union(sources.map((s) => s.funders)),
    descriptionText: first('descriptionText', isNull),
    descriptionHtml: first('descriptionHtml', isNull),
    documents: unionBy(
      sources.map((s) => s.documents),
      (document) => document.url,
    ),
    publishedAt: first('publishedAt', isNull),
    opensAt: first('opensAt', isNull),
    deadlines,
    rolling: deadlines.length === 0 && sources.some((s) => s.rolling),
    amountMinCents: first('amountMinCents', isNull),
    amountMaxCents: first('amountMaxCents', isNull),
    envelopeCents: first('envelopeCents', isNull),
    ratePct: first('ratePct', isNull),
    aidTypes: union(sources.map((s) => s.aidTypes)),
    euFund: first('euFund', isNull),
    audiences: union(sources.map((s) => s.audiences)),
    territory: union(sources.map((s) => s.territory)),
  };
}

function union<T>(lists: T[][]): T[] {
  return [...new Set(lists.flat())];
}

function unionBy<T>(lists: T[][], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of lists.flat()) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
