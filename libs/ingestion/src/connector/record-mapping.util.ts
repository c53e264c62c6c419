import type { CallDraft } from '../call/call-draft.types';
import { isRollingText } from '../extract/deadline.extractor';
import type { MappingSpec } from '../source/source.types';
import { joinHtml } from './connector-output.util';
import { asString, asStrings, readPath } from './dot-path.util';
import { resolveUrl } from './selector-read.util';

function values(record: unknown, spec: string | string[] | undefined): unknown[] {
  if (!spec) return [];
  return (Array.isArray(spec) ? spec : [spec]).map((path) => readPath(record, path));
}

function first(record: unknown, spec: string | string[] | undefined): string | null {
  for (const value of values(record, spec)) {
    const text = asString(value);
    if (text) return text;
  }
  return null;
}

/** A JSON record through a source's mapping (our field → dot path) to a draft call. */
export function draftFromRecord(
  record: unknown,
  mapping: MappingSpec,
  baseUrl: string,
  position: number,
): CallDraft {
  const href = first(record, mapping.url);
  const url = href ? resolveUrl(href, baseUrl) : null;
  const title = first(record, mapping.title);
  const rollingValue = values(record, mapping.rolling).find(
    (value) => value !== undefined && value !== null,
  );
  const draft: CallDraft = {
    externalId: first(record, mapping.externalId) ?? url ?? title ?? `#${position}`,
    url,
    title,
    funders: values(record, mapping.funders).flatMap(asStrings),
    html: joinHtml(values(record, mapping.description).flatMap(asStrings)),
    publishedAt: first(record, mapping.publishedAt),
    opensAt: first(record, mapping.opensAt),
    deadline: first(record, mapping.deadline),
    amountText: values(record, mapping.amount).flatMap(asStrings).join('\n') || null,
    aidTypeLabels: values(record, mapping.aidTypes).flatMap(asStrings),
    audienceLabels: values(record, mapping.audiences).flatMap(asStrings),
    territory: values(record, mapping.territory).flatMap(asStrings),
    documents: values(record, mapping.documents)
      .flatMap(asStrings)
      .map((href) => resolveUrl(href, baseUrl))
      .filter((href): href is string => !!href)
      .map((href) => ({ url: href })),
  };
  if (typeof rollingValue === 'boolean') draft.rolling = rollingValue || null;
  else if (rollingValue !== undefined)
    draft.rolling = isRollingText(asString(rollingValue)) || null;
  return draft;
}
