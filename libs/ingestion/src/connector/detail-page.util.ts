import { load, type CheerioAPI } from 'cheerio';
import type { CallDraft } from '../call/call-draft.types';
import type { CallDocument } from '../call/normalised-call';
import { htmlToText } from '../extract/html-text.util';
import { extractPdfText } from '../extract/pdf-text.extractor';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { CallField, DetailSpec, Selector } from '../source/source.types';
import type { CachedDetail, ConnectorContext } from './connector.types';
import { assertNotErrorPage } from './error-page.util';
import { cacheDerivedText, cacheDetail, fetchPage } from './page-fetch.util';
import { readAll, readHtml, readOne, resolveUrl } from './selector-read.util';
import { parseSelector } from '../source/selector.util';

const DEFAULT_DETAIL: DetailSpec = {
  title: 'meta[property="og:title"]@content',
  description: 'main',
  documents: 'a[href$=".pdf"]@href',
};
const FALLBACK_TITLE = 'h1';
const FALLBACK_DESCRIPTION = ['article', '.content', 'body'];

/**
 * Reads a call's own page with the source's detail selectors, then its linked PDF documents.
 * On a 304 the fields cached from the last read stand in for the page (no HTML parsing);
 * documents are still checked, each with its own conditional request.
 */
export async function readDetailPage(
  context: ConnectorContext,
  url: string,
): Promise<Partial<CallDraft>> {
  const page = await fetchPage(context, { url }, 'detail');
  const detail = page.cached?.detail ?? parseDetail(context, page.text, page.url, url);
  cacheDetail(context, url, detail);
  return { ...detail.fields, documents: await readDocuments(context, detail.documentLinks) };
}

function parseDetail(
  context: ConnectorContext,
  html: string,
  pageUrl: string,
  url: string,
): CachedDetail {
  const $ = load(html);
  assertNotErrorPage($, url);
  const spec: DetailSpec = { ...DEFAULT_DETAIL, ...(context.source.detail ?? {}) };
  const fields = fieldsFromSelectors($, spec, null, pageUrl);
  if (!fields.title) fields.title = readOne($, FALLBACK_TITLE);
  if (!fields.html)
    fields.html = FALLBACK_DESCRIPTION.map((css) => readHtml($, css)).find(Boolean) ?? null;
  const links = documentLinks($, spec.documents ?? DEFAULT_DETAIL.documents!, pageUrl);
  // Strings cut out of the page share its memory in V8: fresh copies let the page go.
  return detached({ fields, documentLinks: links });
}

/** A deep copy made of fresh strings (JSON-shaped values only). */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Our fields from selectors, on a whole page (context null) or inside a listing card. */
export function fieldsFromSelectors(
  $: CheerioAPI,
  spec: Partial<Record<CallField, Selector>>,
  context: Parameters<typeof readOne>[2],
  baseUrl: string,
): Partial<CallDraft> {
  const draft: Partial<CallDraft> = {};
  const one = (field: CallField) => (spec[field] ? readOne($, spec[field]!, context) : null);
  const all = (field: CallField) => (spec[field] ? readAll($, spec[field]!, context) : []);
  if (spec.title) draft.title = one('title');
  if (spec.description) draft.html = readHtml($, spec.description, context);
  if (spec.url) {
    const href = one('url');
    draft.url = href ? resolveUrl(href, baseUrl) : null;
  }
  if (spec.externalId) draft.externalId = one('externalId') ?? undefined;
  if (spec.funders) draft.funders = all('funders');
  if (spec.deadline) draft.deadline = one('deadline');
  if (spec.opensAt) draft.opensAt = one('opensAt');
  if (spec.publishedAt) draft.publishedAt = one('publishedAt');
  if (spec.amount) draft.amountText = all('amount').join('\n') || null;
  if (spec.aidTypes) draft.aidTypeLabels = all('aidTypes');
  if (spec.audiences) draft.audienceLabels = all('audiences');
  if (spec.territory) draft.territory = all('territory');
  if (spec.rolling) draft.extraTexts = all('rolling');
  return stripUndefined(draft);
}

function documentLinks(
  $: CheerioAPI,
  selector: Selector,
  baseUrl: string,
): Array<{ url: string; title: string }> {
  const { css, attribute } = parseSelector(selector);
  const links = new Map<string, string>();
  $(css || 'a').each((_, element) => {
    const href = $(element).attr(attribute ?? 'href');
    const url = href ? resolveUrl(href, baseUrl) : null;
    if (url && !links.has(url)) links.set(url, $(element).text().replace(/\s+/g, ' ').trim());
  });
  return [...links].map(([url, title]) => ({ url, title }));
}

async function readDocuments(
  context: ConnectorContext,
  links: Array<{ url: string; title: string }>,
): Promise<CallDocument[]> {
  const documents: CallDocument[] = [];
  for (const link of links.slice(0, context.options.maxDocumentsPerCall)) {
    const document: CallDocument = { url: link.url, ...(link.title ? { title: link.title } : {}) };
    try {
      document.text = await documentText(context, link.url);
      context.stats.documents++;
    } catch (error) {
      // An unreadable règlement must not cost the call: keep the link, say why in the stats.
      context.stats.documentErrors.push((error as Error).message);
    }
    documents.push(document);
  }
  return documents;
}

async function documentText(context: ConnectorContext, url: string): Promise<string> {
  const page = await fetchPage(context, { url });
  if (page.notModified) return page.text;
  if (!page.body) return page.text;
  try {
    const text = await extractPdfText(page.body, {
      maxBytes: context.options.maxDocumentBytes,
      maxPages: context.options.maxDocumentPages,
    });
    cacheDerivedText(context, url, text);
    return text;
  } catch (error) {
    throw new IngestionException(
      IngestionExceptionCode.DOCUMENT_UNREADABLE,
      `Document ${url}: ${(error as Error).message}`,
      { url },
    );
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The page's fields win; the listing's summary stays readable for dates and amounts. */
export function mergeDetail(draft: CallDraft, detail: Partial<CallDraft>): CallDraft {
  const merged: CallDraft = { ...draft };
  for (const [key, value] of Object.entries(detail)) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
      continue;
    (merged as unknown as Record<string, unknown>)[key] = value;
  }
  const summary = detail.html && draft.html ? htmlToText(draft.html) : null;
  merged.extraTexts = [
    ...(draft.extraTexts ?? []),
    ...(detail.extraTexts ?? []),
    ...(summary ? [summary] : []),
  ];
  return merged;
}
