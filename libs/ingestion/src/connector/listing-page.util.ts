import { createHash } from 'node:crypto';
import type { CallDraft } from '../call/call-draft.types';
import type { FetchRequest } from '../fetch/fetcher.types';
import {
  isConnectorError,
  type ConnectorContext,
  type ConnectorOutput,
  type ListedItem,
  type PageState,
  type StillListed,
} from './connector.types';
import { callOrError, itemError } from './connector-output.util';
import { mergeDetail, readDetailPage } from './detail-page.util';
import { fetchPage, isPageState, rememberPage, type FetchedPage } from './page-fetch.util';

type ListingState = PageState & { items: ListedItem[] };

/** What a listing page (feed, HTML listing, API page) says: its items and where to go next. */
export interface ListedPage {
  drafts: CallDraft[];
  /** The next page to read (null: the last). */
  next: string | null;
}

/** Where a listing goes on after a page, and how many items the page had (for offsets). */
export interface ListingStep {
  next: string | null;
  items: number;
}

/**
 * Reads one listing page and yields its calls; returns the next page's URL and its item count. The page's state
 * keeps its items' keys (and, when their own pages are followed, a hash of each summary), so an
 * unchanged page yields them as still listed without a body: only their own pages are asked,
 * each conditionally, and the listing is read again in full only for an item whose page changed
 * (its summary is part of the call). Errors of the listing itself are thrown (a source error).
 */
export async function* readListingPage(
  context: ConnectorContext,
  request: FetchRequest,
  parse: (page: FetchedPage) => ListedPage,
): AsyncGenerator<ConnectorOutput, ListingStep> {
  const stateOf = context.previous.pages[request.url];
  const previous = isPageState(stateOf) && stateOf.items ? (stateOf as ListingState) : undefined;
  const page = await fetchPage(context, request, previous);
  context.stats.pages++;
  if (page.unchanged && previous) {
    yield* unchangedListing(context, request, page, previous, parse);
    return { next: previous.next ?? null, items: previous.items.length };
  }
  const listed = parse(page);
  const before = new Map((previous?.items ?? []).map((item) => [item.id, item]));
  const items: ListedItem[] = [];
  for (const draft of listed.drafts) {
    const item = listedItem(context, draft);
    const output = await readItem(context, draft, sameSummary(before.get(draft.externalId), item));
    if (isConnectorError(output)) item.retry = true;
    items.push(item);
    yield output;
  }
  rememberPage(context, request.url, page, { items, next: listed.next });
  return { next: listed.next, items: listed.drafts.length };
}

/** The page did not change: its items are still listed; followed pages are asked one by one. */
async function* unchangedListing(
  context: ConnectorContext,
  request: FetchRequest,
  page: FetchedPage,
  previous: ListingState,
  parse: (page: FetchedPage) => ListedPage,
): AsyncGenerator<ConnectorOutput> {
  let fresh: Map<string, CallDraft> | null = null;
  /** The summaries, read again from the page when an item needs its call rebuilt. */
  const draftOf = async (id: string): Promise<CallDraft | undefined> => {
    fresh ??= new Map(
      parse(page.text ? page : await fetchPage(context, request)).drafts.map((d) => [
        d.externalId,
        d,
      ]),
    );
    return fresh.get(id);
  };
  const items: ListedItem[] = [];
  const unchanged: string[] = [];
  for (const item of previous.items) {
    const kept: ListedItem = { ...item };
    delete kept.retry;
    items.push(kept);
    if (!item.retry && !item.url) {
      unchanged.push(item.id);
      continue;
    }
    let output: ConnectorOutput;
    try {
      if (item.retry) {
        // No call came of it last time: read in full, summary and page.
        const draft = await draftOf(item.id);
        if (!draft) continue;
        output = await readItem(context, draft, false);
      } else {
        const detail = await readDetailPage(context, item.url!, true);
        if (!detail) {
          unchanged.push(item.id);
          continue;
        }
        const draft = await draftOf(item.id);
        if (!draft) continue;
        output = callOrError(context, mergeDetail(draft, detail));
      }
    } catch (error) {
      output = itemError(context, error, item.url ?? null, item.id);
    }
    if (isConnectorError(output)) kept.retry = true;
    yield output;
  }
  if (unchanged.length) yield stillListed(context, unchanged);
  rememberPage(context, request.url, page, { items, next: previous.next ?? null });
}

/**
 * One item of a listing: its call from the summary alone, or merged with its own page. The page
 * is asked conditionally only when the summary did not change: then a 304 means the call did not.
 */
async function readItem(
  context: ConnectorContext,
  draft: CallDraft,
  summaryUnchanged: boolean,
): Promise<ConnectorOutput> {
  if (!context.source.follow || !draft.url) return callOrError(context, draft);
  try {
    const detail = await readDetailPage(context, draft.url, summaryUnchanged);
    return detail
      ? callOrError(context, mergeDetail(draft, detail))
      : stillListed(context, [draft.externalId]);
  } catch (error) {
    return itemError(context, error, draft.url, draft.externalId);
  }
}

function listedItem(context: ConnectorContext, draft: CallDraft): ListedItem {
  if (!context.source.follow || !draft.url) return { id: draft.externalId };
  return { id: draft.externalId, url: draft.url, hash: summaryHash(draft) };
}

function sameSummary(before: ListedItem | undefined, now: ListedItem): boolean {
  return !!before && !before.retry && before.url === now.url && before.hash === now.hash;
}

function summaryHash(draft: CallDraft): string {
  return createHash('sha256').update(JSON.stringify(draft)).digest('base64url').slice(0, 16);
}

export function stillListed(context: ConnectorContext, externalIds: string[]): StillListed {
  context.stats.stillListed += externalIds.length;
  return { kind: 'still-listed', sourceId: context.source.id, externalIds };
}
