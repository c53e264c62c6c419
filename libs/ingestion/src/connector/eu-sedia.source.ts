import type { CallDraft } from '../call/call-draft.types';
import type { EuFund } from '../call/normalised-call';
import { machineDateToParisDay, toReferenceDate } from '../extract/paris-date.util';
import { parisDate } from '@app/common';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { RequestBody } from '../source/source.types';
import type { Connector, ConnectorContext, ConnectorOutput } from './connector.types';
import { callOrError, sourceError } from './connector-output.util';
import { asStrings } from './dot-path.util';
import { parseJson } from './error-page.util';
import { fetchPage } from './page-fetch.util';
import { PaginationGuard } from './pagination.guard';
import { sourceRequest } from './source-request.util';

type SediaResult = {
  metadata?: Record<string, unknown>;
  url?: string;
  title?: string;
  summary?: string;
  content?: string;
  reference?: string;
};

/**
 * SEDIA status codes (the portal's facet values): 31094501 forthcoming, 31094502 open for
 * submission, 31094503 closed (shared/sources-evidence.md §2).
 */
export const SEDIA_STATUS: Record<string, 'open' | 'forthcoming' | 'closed'> = {
  '31094501': 'forthcoming',
  '31094502': 'open',
  '31094503': 'closed',
};

/** frameworkProgramme codes of the programmes our users apply to. */
export const SEDIA_PROGRAMMES = {
  ESF_PLUS: '43254019',
  CERV: '43251589',
  ERASMUS_PLUS: '43353764',
  DIGITAL_EUROPE: '43152860',
} as const;

const PORTAL =
  'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/';
/** Grants (topics, calls, cascade funding), forthcoming and open, of our users' programmes. */
export const SEDIA_DEFAULT_QUERY = {
  bool: {
    must: [
      { terms: { type: ['1', '2', '8'] } },
      { terms: { status: ['31094501', '31094502'] } },
      { term: { programmePeriod: '2021 - 2027' } },
      { terms: { frameworkProgramme: Object.values(SEDIA_PROGRAMMES) } },
    ],
  },
};
const FUND_BY_PREFIX: Array<[RegExp, EuFund]> = [
  [/^ERASMUS/i, 'ERASMUS_PLUS'],
  [/^CERV/i, 'CERV'],
  [/^DIGITAL/i, 'DIGITAL_EUROPE'],
  [/^HORIZON/i, 'HORIZON_EUROPE'],
  [/^(ESF|SOCPL)/i, 'FSE_PLUS'],
  [/^INTERREG/i, 'INTERREG'],
];
const FUND_BY_PROGRAMME: Record<string, EuFund> = {
  [SEDIA_PROGRAMMES.ESF_PLUS]: 'FSE_PLUS',
  [SEDIA_PROGRAMMES.CERV]: 'CERV',
  [SEDIA_PROGRAMMES.ERASMUS_PLUS]: 'ERASMUS_PLUS',
  [SEDIA_PROGRAMMES.DIGITAL_EUROPE]: 'DIGITAL_EUROPE',
  '43108390': 'HORIZON_EUROPE',
};

/**
 * EU Funding & Tenders (SEDIA) search API: a multipart form POSTed page after page. The API
 * answers one row per language and version, so topics are deduplicated on their identifier; a
 * closed topic, or one whose every deadline has passed, is skipped (the status filter of the query
 * is not trusted alone).
 */
export class EuSediaConnector implements Connector {
  readonly kind = 'eu-sedia' as const;

  async *run(context: ConnectorContext): AsyncIterable<ConnectorOutput> {
    const guard = new PaginationGuard(context.source);
    const base = new URL(context.source.url);
    const pageSize = Number(base.searchParams.get('pageSize') ?? 50);
    let pageNumber = Number(base.searchParams.get('pageNumber') ?? 1);
    const today = parisDate(toReferenceDate(context.options.referenceDate));
    const seenIds = new Set<string>();
    let seen = 0;
    try {
      for (;;) {
        base.searchParams.set('pageNumber', String(pageNumber));
        base.searchParams.set('pageSize', String(pageSize));
        const url = base.toString();
        guard.visit(url);
        const page = await fetchPage(context, searchRequest(context, url));
        context.stats.pages++;
        const body = parseJson(page.text, url) as { results?: unknown; totalResults?: unknown };
        if (!body || !Array.isArray(body.results)) {
          throw new IngestionException(
            IngestionExceptionCode.MALFORMED_PAYLOAD,
            `${url} : réponse SEDIA sans tableau « results »`,
            { url },
          );
        }
        if (seen === 0 && body.results.length === 0) {
          throw new IngestionException(
            IngestionExceptionCode.EMPTY_LISTING,
            `${url} : aucun appel dans la réponse (totalResults ${String(body.totalResults ?? 0)}) ; vérifiez la requête de la source`,
            { url },
          );
        }
        for (const result of body.results as SediaResult[]) {
          const identifier = meta(result, 'identifier') ?? result.reference ?? '';
          if (identifier && seenIds.has(identifier)) continue;
          if (identifier) seenIds.add(identifier);
          if (isOver(result, today)) continue;
          yield callOrError(context, draftFromTopic(result));
        }
        seen += body.results.length;
        const total = Number(body.totalResults);
        if (
          body.results.length === 0 ||
          body.results.length < pageSize ||
          (Number.isFinite(total) && seen >= total)
        )
          return;
        pageNumber++;
      }
    } catch (error) {
      yield sourceError(context, error, context.source.url);
    }
  }
}

/** The entry's own request when it has a body; otherwise the portal's multipart form. */
function searchRequest(context: ConnectorContext, url: string) {
  const { source } = context;
  const body: RequestBody = source.request?.body ?? {
    multipart: {
      query: source.query ?? SEDIA_DEFAULT_QUERY,
      languages: ['fr', 'en'],
      sort: { field: 'sortStatus', order: 'ASC' },
    },
  };
  return sourceRequest(
    { ...source, request: { query: null, ...source.request, method: 'POST', body } },
    url,
    { accept: 'application/json' },
  );
}

/** Closed, or every deadline before today (Paris). */
function isOver(result: SediaResult, today: string): boolean {
  const status = meta(result, 'status');
  if (status && SEDIA_STATUS[status] === 'closed') return true;
  const days = asStrings(result.metadata?.deadlineDate)
    .map((date) => machineDateToParisDay(date) ?? date.slice(0, 10))
    .filter(Boolean);
  return days.length > 0 && days.every((day) => day < today);
}

/** Metadata values are arrays of strings (one per language at most): the first one. */
function meta(result: SediaResult, key: string): string | null {
  return asStrings(result.metadata?.[key])[0] ?? null;
}

/** The topic's page on the portal (a cascade-funding call has its own screen). */
export function topicPageUrl(identifier: string, type: string | null): string {
  return type === '8'
    ? `${PORTAL}competitive-calls-cs/${encodeURIComponent(identifier)}`
    : `${PORTAL}topic-details/${encodeURIComponent(identifier.toLowerCase())}`;
}

export function draftFromTopic(result: SediaResult): CallDraft {
  const identifier = meta(result, 'identifier') ?? result.reference ?? '';
  const statusCode = meta(result, 'status');
  const deadlines = [
    ...new Set(
      asStrings(result.metadata?.deadlineDate).map(
        (date) => machineDateToParisDay(date) ?? date.slice(0, 10),
      ),
    ),
  ].sort();
  const programme = meta(result, 'frameworkProgramme');
  const fund =
    FUND_BY_PREFIX.find(([pattern]) => pattern.test(identifier))?.[1] ??
    (programme ? FUND_BY_PROGRAMME[programme] : undefined) ??
    'OTHER_EU';
  const callTitle = meta(result, 'callTitle');
  return {
    externalId: identifier || (result.url ?? ''),
    url: identifier ? topicPageUrl(identifier, meta(result, 'type')) : (result.url ?? null),
    title: meta(result, 'title') ?? result.title ?? callTitle,
    funders: ['Commission européenne'],
    html:
      meta(result, 'descriptionByte') ??
      meta(result, 'description') ??
      result.summary ??
      result.content ??
      null,
    extraTexts: [callTitle ?? '', identifier],
    opensAt: meta(result, 'startDate'),
    // Two-stage topics list both deadlines; the builder keeps them as rounds.
    deadline: deadlines.length === 1 ? deadlines[0] : null,
    deadlines:
      deadlines.length > 1
        ? deadlines.map((date, i) => ({ date, label: `${i + 1}${i === 0 ? 're' : 'e'} étape` }))
        : undefined,
    euFund: fund,
    aidTypeLabels: ['Appel à projets', 'subvention'],
    territory: ['FR'],
    status: statusCode ? (SEDIA_STATUS[statusCode] ?? null) : null,
  };
}
