export const SOURCE_KINDS = [
  'rss',
  'opendatasoft',
  'json',
  'html',
  'aides-territoires',
  'eu-sedia',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Our fields a detail page, a listing card or a JSON mapping can fill. */
export const CALL_FIELDS = [
  'externalId',
  'url',
  'title',
  'funders',
  'description',
  'publishedAt',
  'opensAt',
  'deadline',
  'amount',
  'aidTypes',
  'audiences',
  'territory',
  'rolling',
  'documents',
] as const;
export type CallField = (typeof CALL_FIELDS)[number];

/** `css` (text of the first match) or `css@attribute`; `@href` alone reads the element itself. */
export type Selector = string;

export interface ListingSpec {
  /** Selector of each call's card on the listing page. */
  item: Selector;
  /** Link to the call's page, relative to the card; default `a@href` (or `@href` when the card is a link). */
  link?: Selector;
  /** Fields read on the card itself (e.g. a deadline shown on the listing). */
  fields?: Partial<Record<CallField, Selector>>;
  /** Link to the next listing page. */
  next?: Selector;
}

export type DetailSpec = Partial<Record<CallField, Selector>>;

/** Dot paths into one item; an array of paths joins (texts) or concatenates (lists). */
export type MappingSpec = Partial<Record<CallField, string | string[]>>;

export interface PaginationSpec {
  type: 'none' | 'page' | 'offset' | 'next';
  /** Dot path to the array of items in a page; empty for a top-level array. */
  items?: string;
  /** Query parameter carrying the page number or the offset. */
  param?: string;
  /** Query parameter carrying the page size, and its value. */
  sizeParam?: string;
  size?: number;
  /** First page number (type page), default 1. */
  start?: number;
  /** Dot path to the next page's URL (type next). */
  next?: string;
  /** Dot path to the total number of items, to stop early. */
  total?: string;
}

export interface SourceDefinition {
  id: string;
  name: string;
  kind: SourceKind;
  url: string;
  funder: string;
  /** INSEE codes: départements (01, 2A, 974…), régions prefixed with R (R84), or FR. */
  territory: string[];
  /** Cron expression, evaluated in Europe/Paris. */
  schedule: string;
  /** Fetch each item's own page (and its PDF documents). */
  follow: boolean;
  listing: ListingSpec | null;
  detail: DetailSpec | null;
  mapping: MappingSpec | null;
  pagination: PaginationSpec | null;
  enabled: boolean;
  /** Guard against endless pagination. */
  maxPages: number;
  /** Body of a POST search (eu-sedia); JSON. */
  query: Record<string, unknown> | null;
}

export interface LoadSourcesOptions {
  /** Values substituted for `${NAME}` placeholders (e.g. FIXTURE_BASE_URL) before parsing. */
  vars?: Record<string, string>;
}

export const DEFAULT_SCHEDULE = '0 6 * * *';
export const DEFAULT_MAX_PAGES = 50;
export const SOURCE_TIME_ZONE = 'Europe/Paris';
