import type { CallDraft } from '../call/call-draft.types';
import type { EuFund } from '../call/normalised-call';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { Connector, ConnectorContext, ConnectorOutput } from './connector.types';
import { callOrError, sourceError } from './connector-output.util';
import { asString, asStrings } from './dot-path.util';
import { parseJson } from './error-page.util';
import { fetchPage } from './page-fetch.util';
import { PaginationGuard } from './pagination.guard';

type SediaResult = {
  metadata?: Record<string, unknown>;
  url?: string;
  title?: string;
  summary?: string;
  content?: string;
  reference?: string;
};

export const SEDIA_STATUS: Record<string, 'open' | 'forthcoming' | 'closed'> = {
  '31094501': 'open',
  '31094502': 'forthcoming',
  '31094503': 'closed',
};

const TOPIC_PAGE =
  'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/';
const DEFAULT_QUERY = {
  bool: {
    must: [{ terms: { type: ['1', '2', '8'] } }, { terms: { status: ['31094501', '31094502'] } }],
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

/** EU Funding & Tenders (SEDIA) search API: POST pages of topics, statuses by code. */
export class EuSediaConnector implements Connector {
  readonly kind = 'eu-sedia' as const;

  async *run(context: ConnectorContext): AsyncIterable<ConnectorOutput> {
    const guard = new PaginationGuard(context.source);
    const base = new URL(context.source.url);
    const pageSize = Number(base.searchParams.get('pageSize') ?? 50);
    let pageNumber = Number(base.searchParams.get('pageNumber') ?? 1);
    let seen = 0;
    try {
      for (;;) {
        base.searchParams.set('pageNumber', String(pageNumber));
        base.searchParams.set('pageSize', String(pageSize));
        const url = base.toString();
        guard.visit(url);
        const page = await fetchPage(context, {
          url,
          method: 'POST',
          headers: { accept: 'application/json' },
          body: { query: context.source.query ?? DEFAULT_QUERY, languages: ['en', 'fr'] },
        });
        context.stats.pages++;
        const body = parseJson(page.text, url) as { results?: unknown; totalResults?: unknown };
        if (!Array.isArray(body.results)) {
          throw new IngestionException(
            IngestionExceptionCode.MALFORMED_PAYLOAD,
            `${url}: SEDIA answer without a "results" array`,
            { url },
          );
        }
        for (const result of body.results as SediaResult[])
          yield callOrError(context, draftFromTopic(result));
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

function meta(result: SediaResult, key: string): string | null {
  return asString(result.metadata?.[key]);
}

export function draftFromTopic(result: SediaResult): CallDraft {
  const identifier = meta(result, 'identifier') ?? result.reference ?? '';
  const statusCode = meta(result, 'status');
  const deadlines = asStrings(result.metadata?.deadlineDate);
  const fund = FUND_BY_PREFIX.find(([pattern]) => pattern.test(identifier))?.[1] ?? 'OTHER_EU';
  return {
    externalId: identifier || (result.url ?? ''),
    url:
      result.url && /^https?:/.test(result.url) && !result.url.endsWith('.json')
        ? result.url
        : `${TOPIC_PAGE}${identifier.toLowerCase()}`,
    title: meta(result, 'title') ?? result.title ?? meta(result, 'callTitle'),
    funders: ['Commission européenne'],
    html:
      meta(result, 'descriptionByte') ??
      meta(result, 'description') ??
      result.summary ??
      result.content ??
      null,
    extraTexts: [meta(result, 'callTitle') ?? '', identifier],
    opensAt: meta(result, 'startDate'),
    // Two-stage topics list both deadlines; the builder keeps them as rounds.
    deadline: deadlines.length === 1 ? deadlines[0] : null,
    deadlines:
      deadlines.length > 1
        ? deadlines.map((d, i) => ({
            date: d.slice(0, 10),
            label: `${i + 1}${i === 0 ? 're' : 'e'} étape`,
          }))
        : undefined,
    euFund: fund,
    aidTypeLabels: ['Appel à projets', 'subvention'],
    territory: ['FR'],
    status: statusCode ? (SEDIA_STATUS[statusCode] ?? null) : null,
  };
}
