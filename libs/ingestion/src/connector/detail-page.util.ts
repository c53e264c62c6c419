import { load, type CheerioAPI } from 'cheerio';
import type { CallDraft } from '../call/call-draft.types';
import type { CallDocument } from '../call/normalised-call';
import { htmlToText } from '../extract/html-text.util';
import { extractPdfText } from '../extract/pdf-text.extractor';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { CallField, DetailSpec, Selector } from '../source/source.types';
import type { ConnectorContext } from './connector.types';
import { assertNotErrorPage } from './error-page.util';
import { fetchPage, isPageState, rememberPage, type FetchedPage } from './page-fetch.util';
import { readAll, readHtml, readOne, resolveUrl } from './selector-read.util';
import { parseSelector } from '../source/selector.util';

const DEFAULT_DETAIL: DetailSpec = {
  title: 'meta[property="og:title"]@content',
  description: 'main',
  documents: 'a[href$=".pdf"]@href',
};
const FALLBACK_TITLE = 'h1';
const FALLBACK_DESCRIPTION = ['article', '.content', 'body'];

interface ParsedDetail {
  fields: Partial<CallDraft>;
  documentLinks: Array<{ url: string; title: string }>;
}

/**
 * Reads a call's own page with the source's detail selectors, then its linked PDF documents.
 * With `ifChanged`, the page is asked conditionally: unchanged, and its documents unchanged too
 * (each asked the same way), it gives null — the call is as stored, nothing is parsed. A page
 * read in full has its documents read in full, since the call is rebuilt from them.
 */
export async function readDetailPage(
  context: ConnectorContext,
  url: string,
  ifChanged = false,
): Promise<Partial<CallDraft> | null> {
  const before = context.previous.pages[url];
  const since = ifChanged && isPageState(before) ? before : undefined;
  let page = await fetchPage(context, { url }, since);
  const fetchedDocuments = new Map<string, FetchedPage>();
  if (since && page.unchanged) {
    const documents = since.documents ?? [];
    if (await documentsUnchanged(context, documents, fetchedDocuments)) {
      rememberPage(context, url, page, documents.length ? { documents } : {});
      return null;
    }
    // A règlement changed under an unchanged page: the call is rebuilt, so the page is read.
    if (!page.text) page = await fetchPage(context, { url });
  }
  const detail = parseDetail(context, page.text, page.url, url);
  const links = detail.documentLinks.slice(0, context.options.maxDocumentsPerCall);
  rememberPage(context, url, page, links.length ? { documents: links.map((l) => l.url) } : {});
  return { ...detail.fields, documents: await readDocuments(context, links, fetchedDocuments) };
}

/**
 * The documents of an unchanged page, each asked conditionally: true when none changed. One that
 * cannot be read keeps its stored text (it was read before), said in the stats.
 */
async function documentsUnchanged(
  context: ConnectorContext,
  urls: string[],
  fetched: Map<string, FetchedPage>,
): Promise<boolean> {
  let unchanged = true;
  for (const url of urls) {
    const before = context.previous.pages[url];
    if (!isPageState(before)) return false;
    try {
      const page = await fetchPage(context, { url }, before);
      if (!page.unchanged) {
        fetched.set(url, page);
        unchanged = false;
        continue;
      }
      rememberPage(context, url, page);
    } catch (error) {
      context.stats.documentErrors.push((error as Error).message);
      context.next.pages[url] = before;
    }
  }
  return unchanged;
}

function parseDetail(
  context: ConnectorContext,
  html: string,
  pageUrl: string,
  url: string,
): ParsedDetail {
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
  fetched: Map<string, FetchedPage>,
): Promise<CallDocument[]> {
  const documents: CallDocument[] = [];
  for (const link of links) {
    const document: CallDocument = { url: link.url, ...(link.title ? { title: link.title } : {}) };
    try {
      document.text = await documentText(context, link.url, fetched.get(link.url));
      context.stats.documents++;
    } catch (error) {
      // An unreadable règlement must not cost the call: keep the link, say why in the stats.
      context.stats.documentErrors.push((error as Error).message);
    }
    documents.push(document);
  }
  return documents;
}

/** A document's text, read in full (its state keeps validators and hash only, never the text). */
async function documentText(
  context: ConnectorContext,
  url: string,
  fetched: FetchedPage | undefined,
): Promise<string> {
  const page = fetched ?? (await fetchPage(context, { url }));
  rememberPage(context, url, page);
  if (!page.body) return page.text;
  try {
    return await extractPdfText(page.body, {
      maxBytes: context.options.maxDocumentBytes,
      maxPages: context.options.maxDocumentPages,
    });
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
