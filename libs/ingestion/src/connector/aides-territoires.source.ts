import type { CallDraft } from '../call/call-draft.types';
import { territoryCodesFromNames, territoryName } from '../extract/territory.extractor';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { AidesTerritoiresPerimeter } from '../source/source.types';
import type { Connector, ConnectorContext, ConnectorOutput } from './connector.types';
import { joinHtml, sourceError } from './connector-output.util';
import { asString, asStrings } from './dot-path.util';
import { parseJson } from './error-page.util';
import { jsonListing } from './json-pages.util';
import { fetchPage } from './page-fetch.util';
import { resolveUrl } from './selector-read.util';

type AidRecord = Record<string, unknown>;

const SITE = 'https://aides-territoires.beta.gouv.fr';

/**
 * The Aides-territoires API (`GET /api/aids/`, DRF pages `{count, next, previous, results}` with
 * `page` and `itemsPerPage`), the field names its serializers publish and that departmental APIs
 * (Drôme) copy. A perimeter given by scale and INSEE code is resolved once per run through
 * `/api/perimeters/` and sent as `perimeter_id`; the token exchange is the fetcher's (auth).
 */
export class AidesTerritoiresConnector implements Connector {
  readonly kind = 'aides-territoires' as const;

  async *run(context: ConnectorContext): AsyncIterable<ConnectorOutput> {
    try {
      const perimeterId = await resolvePerimeter(
        context,
        context.source.aidesTerritoires?.perimeter ?? null,
      );
      const first = new URL(context.source.url);
      if (perimeterId !== null) first.searchParams.set('perimeter_id', String(perimeterId));
      yield* jsonListing(
        context,
        { type: 'next', items: 'results', next: 'next', total: 'count' },
        (record, pageUrl) => draftFromAid(record as AidRecord, pageUrl),
        {
          startUrl: first.toString(),
          checkFirst: (items, url) => {
            if (items.length > 0) return;
            throw new IngestionException(
              IngestionExceptionCode.EMPTY_LISTING,
              `${url} : aucune aide dans la réponse (count 0) ; vérifiez les filtres et le périmètre de la source`,
              { url },
            );
          },
        },
      );
    } catch (error) {
      yield sourceError(context, error, context.source.url);
    }
  }
}

/**
 * The perimeter id to filter on: given, or looked up by name and scale and chosen by its INSEE
 * code (names are ambiguous: a commune may share a département's name).
 */
async function resolvePerimeter(
  context: ConnectorContext,
  perimeter: AidesTerritoiresPerimeter | null,
): Promise<number | null> {
  if (!perimeter) return null;
  if ('id' in perimeter) return perimeter.id;
  const { scale, code } = perimeter;
  const name =
    territoryName(scale === 'region' && !code.startsWith('R') ? `R${code}` : code) ?? code;
  const url = new URL('/api/perimeters/', context.source.url);
  url.searchParams.set('q', name);
  url.searchParams.set('scale', scale);
  const page = await fetchPage(context, {
    url: url.toString(),
    headers: { accept: 'application/json' },
  });
  context.stats.pages++;
  const body = parseJson(page.text, url.toString()) as { results?: unknown };
  const results = Array.isArray(body?.results) ? (body.results as AidRecord[]) : [];
  const wanted = code.replace(/^R/, '');
  const match = results.find((result) => String(result.code ?? '') === wanted);
  const id = match ? Number.parseInt(String(match.id), 10) : NaN;
  if (!Number.isInteger(id)) {
    throw new IngestionException(
      IngestionExceptionCode.MALFORMED_PAYLOAD,
      `${url.toString()} : aucun périmètre « ${scale} » de code ${code} parmi ${results.length} résultat(s) ; donnez son id (aidesTerritoires.perimeter.id)`,
      { url: url.toString() },
    );
  }
  return id;
}

/** Perimeter names the API gives that cover France without being one of our codes. */
const WHOLE_COUNTRY = /^(europe|union européenne|france et outre-mer)$/i;

export function draftFromAid(aid: AidRecord, pageUrl: string): CallDraft {
  const ownPage = asString(aid.url);
  const url =
    (ownPage ? resolveUrl(ownPage, ownPage.startsWith('/') ? SITE : pageUrl) : null) ??
    resolveUrl(asString(aid.origin_url) ?? '', pageUrl) ??
    resolveUrl(asString(aid.application_url) ?? '', pageUrl);
  // `financers` and `aid_types` are names in the API, objects ({name}) in the *_full variants
  // and in some copies of it (Drôme): asStrings reads both.
  const aidTypes = asStrings(aid.aid_types ?? aid.aid_types_full);
  if (aid.is_call_for_project === true) aidTypes.push('Appel à projets');
  const upperRate =
    numberOrNull(aid.subvention_rate_upper_bound) ?? rateFromRange(aid.subvention_rate);
  const loan = numberOrNull(aid.loan_amount) ?? numberOrNull(aid.recoverable_advance_amount);
  const recurrence = asString(aid.recurrence);
  const deadline = asString(aid.submission_deadline);
  const funders = asStrings(aid.financers);
  return {
    externalId: asString(aid.id) ?? asString(aid.slug) ?? url ?? '',
    url,
    title: asString(aid.name) ?? asString(aid.short_title),
    funders: funders.length ? funders : asStrings(aid.financers_full),
    html: joinHtml([
      asString(aid.description),
      asString(aid.eligibility),
      asString(aid.subvention_comment),
    ]),
    publishedAt: asString(aid.date_published) ?? asString(aid.date_created),
    opensAt: asString(aid.start_date),
    deadline,
    // « Permanente » (the API's recurrence for « au fil de l'eau ») without a date is rolling.
    rolling: !deadline && /^permanente?$/i.test(recurrence ?? '') ? true : null,
    amounts: { ratePct: upperRate, maxCents: loan === null ? null : Math.round(loan * 100) },
    aidTypeLabels: aidTypes,
    audienceLabels: asStrings(aid.targeted_audiences),
    territory: perimeterCodes(aid.perimeter),
    extraTexts: [...asStrings(aid.categories), ...(recurrence ? [recurrence] : [])],
  };
}

/**
 * Our codes for the aid's perimeter name: "France" → FR, région and département names → R84 / 63.
 * A name we cannot place (a commune, an EPCI, an ad-hoc area) gives no code, never a guess: the
 * call then takes the source's own territory.
 */
function perimeterCodes(value: unknown): string[] {
  const names = asStrings(value);
  return names.flatMap((name) =>
    WHOLE_COUNTRY.test(name.trim()) ? ['FR'] : territoryCodesFromNames(name),
  );
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
