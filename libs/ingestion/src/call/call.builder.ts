import type { SourceDefinition } from '../source/source.types';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import { extractAidTypes } from '../extract/aid-type.extractor';
import { extractAmounts } from '../extract/amount.extractor';
import { extractAudiences } from '../extract/audience.extractor';
import { statusFromDates } from '../extract/call-status.util';
import { extractDeadlines, isRollingText, parseFrenchDate } from '../extract/deadline.extractor';
import { extractEuFund } from '../extract/eu-fund.extractor';
import { sanitizeHtml } from '../extract/html-sanitizer';
import { htmlToText, normaliseText } from '../extract/html-text.util';
import { isTerritoryCode } from '../source/territory.util';
import { territoryCodesFromNames } from '../extract/territory.extractor';
import type { CallDraft } from './call-draft.types';
import type { CallAmounts, CallDeadline, NormalisedCall } from './normalised-call';

export interface BuildCallOptions {
  referenceDate?: Date | string;
}

const MAX_TITLE = 500;

/**
 * One normalised call from what a connector read. Explicit fields win over what the texts
 * say; the texts (description, then linked documents) fill the gaps.
 */
export function buildCall(
  source: SourceDefinition,
  draft: CallDraft,
  options: BuildCallOptions = {},
): NormalisedCall {
  const title = normaliseText(htmlToText(draft.title ?? ''))
    .replace(/\s+/g, ' ')
    .slice(0, MAX_TITLE);
  if (!title) {
    throw new IngestionException(
      IngestionExceptionCode.ITEM_WITHOUT_TITLE,
      `Item ${draft.externalId} of source ${source.id} has no title`,
      {
        sourceId: source.id,
        externalId: draft.externalId,
        url: draft.url,
      },
    );
  }
  const url = draft.url ?? source.url;
  const descriptionHtml = draft.html ? sanitizeHtml(draft.html) : null;
  const descriptionText = draft.html ? htmlToText(draft.html) : normaliseText(draft.text ?? '');
  const documents = draft.documents ?? [];
  const proseTexts = [
    descriptionText,
    ...(draft.extraTexts ?? []),
    ...documents.map((d) => d.text ?? ''),
  ];
  const prose = proseTexts.filter(Boolean).join('\n\n');

  const dates = resolveDates(draft, prose, options);
  const amounts = mergeAmounts(
    draft.amounts,
    extractAmounts([draft.amountText, prose].filter(Boolean).join('\n\n')),
  );
  const labels = [...(draft.aidTypeLabels ?? []), title];
  const aidTypes = unique([
    ...(draft.aidTypes ?? []),
    ...extractAidTypes(...labels, descriptionText),
  ]);
  const audiences = draft.audienceLabels?.length
    ? extractAudiences(...draft.audienceLabels)
    : extractAudiences(eligibilitySentences(prose));

  return {
    sourceId: source.id,
    externalId: draft.externalId,
    url,
    title,
    funders: unique((draft.funders ?? []).map((f) => f.trim()).filter(Boolean)).length
      ? unique((draft.funders ?? []).map((f) => f.trim()).filter(Boolean))
      : [source.funder].filter(Boolean),
    descriptionText,
    descriptionHtml,
    documents,
    publishedAt: draft.publishedAt
      ? (parseFrenchDate(draft.publishedAt, options)?.date ?? null)
      : null,
    opensAt: dates.opensAt,
    deadlines: dates.deadlines,
    rolling: dates.rolling,
    amounts,
    aidTypes,
    euFund: draft.euFund ?? extractEuFund(title, prose),
    audiences,
    ...(draft.audienceLabels?.length
      ? { audienceLabels: unique(draft.audienceLabels.map((l) => l.trim()).filter(Boolean)) }
      : {}),
    territory: resolveTerritory(draft.territory, source.territory),
    status: draft.status ?? statusFromDates(dates, options.referenceDate),
  };
}

function resolveDates(draft: CallDraft, prose: string, options: BuildCallOptions) {
  const fromProse = extractDeadlines(prose, options);
  const explicit = draft.deadline ? parseFrenchDate(draft.deadline, options) : null;
  let deadlines: CallDeadline[] = draft.deadlines?.length
    ? draft.deadlines
    : explicit
      ? [explicit]
      : fromProse.deadlines;
  // A structured field gives the final date; the prose may add the earlier rounds.
  if (
    explicit &&
    fromProse.deadlines.length > 1 &&
    fromProse.deadlines.some((d) => d.date === explicit.date)
  ) {
    deadlines = fromProse.deadlines;
  }
  const rolling =
    draft.rolling ??
    (deadlines.length === 0 && (fromProse.rolling || isRollingText(draft.deadline)));
  const opensAt = draft.opensAt
    ? (parseFrenchDate(draft.opensAt, options)?.date ?? null)
    : fromProse.opensAt;
  return { deadlines, rolling: rolling && deadlines.length === 0, opensAt };
}

function mergeAmounts(
  explicit: Partial<CallAmounts> | undefined,
  extracted: CallAmounts,
): CallAmounts {
  return {
    minCents: explicit?.minCents ?? extracted.minCents ?? null,
    maxCents: explicit?.maxCents ?? extracted.maxCents ?? null,
    envelopeCents: explicit?.envelopeCents ?? extracted.envelopeCents ?? null,
    ratePct: explicit?.ratePct ?? extracted.ratePct ?? null,
  };
}

/** Only sentences about who may apply: "associations" elsewhere in a text proves nothing. */
function eligibilitySentences(text: string): string {
  return text
    .split(/(?<=[.!?\n])\s+/)
    .filter((sentence) =>
      /b[ée]n[ée]ficiaires?|[ée]ligibles?|peuvent (?:candidater|d[ée]poser|b[ée]n[ée]ficier|r[ée]pondre)|destin[ée] aux|ouvert aux|public(?:s)? (?:vis[ée]s?|concern[ée]s?|cibles?)|porteurs? de projets?/i.test(
        sentence,
      ),
    )
    .join(' ');
}

function resolveTerritory(given: string[] | undefined, fallback: string[]): string[] {
  if (!given?.length) return fallback;
  const codes = given.map((value) => value.trim().toUpperCase()).filter(isTerritoryCode);
  const named = territoryCodesFromNames(
    ...given.filter((value) => !isTerritoryCode(value.trim().toUpperCase())),
  );
  const all = unique([...codes, ...named]);
  return all.length ? all : fallback;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
