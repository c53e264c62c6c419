import type { CallDraft } from '../call/call-draft.types';
import type { Connector, ConnectorContext, ConnectorOutput } from './connector.types';
import { callOrError, joinHtml, sourceError } from './connector-output.util';
import { asString, asStrings } from './dot-path.util';
import { jsonPages } from './json-pages.util';
import { resolveUrl } from './selector-read.util';

type AidRecord = Record<string, unknown>;

const SITE = 'https://aides-territoires.beta.gouv.fr';

/**
 * The Aides-territoires API format (DRF pages `{count, next, previous, results}`), the same
 * field names its serializers publish and that departmental APIs (Drôme) copy.
 */
export class AidesTerritoiresConnector implements Connector {
  readonly kind = 'aides-territoires' as const;

  async *run(context: ConnectorContext): AsyncIterable<ConnectorOutput> {
    try {
      for await (const page of jsonPages(context, {
        type: 'next',
        items: 'results',
        next: 'next',
        total: 'count',
      })) {
        for (const record of page.items) {
          yield callOrError(context, draftFromAid(record as AidRecord, page.url));
        }
      }
    } catch (error) {
      yield sourceError(context, error, context.source.url);
    }
  }
}

export function draftFromAid(aid: AidRecord, pageUrl: string): CallDraft {
  const ownPage = asString(aid.url);
  const url =
    (ownPage ? resolveUrl(ownPage, ownPage.startsWith('/') ? SITE : pageUrl) : null) ??
    resolveUrl(asString(aid.origin_url) ?? '', pageUrl) ??
    resolveUrl(asString(aid.application_url) ?? '', pageUrl);
  const aidTypes = asStrings(aid.aid_types);
  if (aid.is_call_for_project === true) aidTypes.push('Appel à projets');
  const upperRate =
    numberOrNull(aid.subvention_rate_upper_bound) ?? rateFromRange(aid.subvention_rate);
  const loan = numberOrNull(aid.loan_amount) ?? numberOrNull(aid.recoverable_advance_amount);
  const recurrence = asString(aid.recurrence);
  const deadline = asString(aid.submission_deadline);
  return {
    externalId: asString(aid.id) ?? asString(aid.slug) ?? url ?? '',
    url,
    title: asString(aid.name) ?? asString(aid.short_title),
    funders: asStrings(aid.financers),
    html: joinHtml([
      asString(aid.description),
      asString(aid.eligibility),
      asString(aid.subvention_comment),
    ]),
    publishedAt: asString(aid.date_published) ?? asString(aid.date_created),
    opensAt: asString(aid.start_date),
    deadline,
    // "Permanente" without a date is the API's "au fil de l'eau".
    rolling: !deadline && recurrence?.toLowerCase() === 'permanente' ? true : null,
    amounts: { ratePct: upperRate, maxCents: loan === null ? null : Math.round(loan * 100) },
    aidTypeLabels: aidTypes,
    audienceLabels: asStrings(aid.targeted_audiences),
    territory: asStrings(aid.perimeter),
    extraTexts: asStrings(aid.categories),
  };
}

function numberOrNull(value: unknown): number | null {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : null;
}

/** `subvention_rate` is a range object ({lower, upper}) or "[20,80)" in some exports. */
function rateFromRange(value: unknown): number | null {
  if (value && typeof value === 'object')
    return numberOrNull((value as Record<string, unknown>).upper);
  const match = typeof value === 'string' ? /(\d+(?:\.\d+)?)\s*[\])]$/.exec(value) : null;
  return match ? numberOrNull(match[1]) : null;
}
