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

/** Scalars appended to the URL; a list repeats the key (`organization_type_slugs=a&…=b`). */
export type RequestQuery = Record<
  string,
  string | number | boolean | Array<string | number | boolean>
>;

/** The body of a POST: exactly one of JSON, URL-encoded form, or multipart form. */
export type RequestBody =
  | { json: unknown }
  | { form: Record<string, string | number | boolean> }
  /** Each part is JSON-serialised as a blob (filename "blob", application/json), as SEDIA wants. */
  | { multipart: Record<string, unknown> };

export interface SourceRequest {
  method: 'GET' | 'POST';
  query: RequestQuery | null;
  body: RequestBody | null;
}

export const AUTH_KINDS = ['header', 'token-exchange'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

/** Where the login sends the secret and where the answer holds the token. */
export interface TokenExchangeLogin {
  url: string;
  method: 'GET' | 'POST';
  /** Header carrying the secret to the login URL. */
  secretHeader: string;
  /** Dot path of the token in the JSON answer. */
  tokenPath: string;
  /** How long the token is kept before asking for a new one. */
  expiresInSeconds: number;
}

/**
 * How a source authenticates. Only the NAME of the environment variable holding the secret is
 * part of the definition: the secret is read at fetch time, never stored, logged or shown.
 */
export interface SourceAuth {
  kind: AuthKind;
  secretEnv: string;
  /** French: how a deployer gets the secret, shown while the variable is unset. */
  howToGet: string;
  /** Header receiving the obtained token (token-exchange) or the secret itself (header). */
  header: string;
  /** Prefix of the header value, e.g. "Bearer". */
  scheme: string | null;
  login: TokenExchangeLogin | null;
}

export const PERIMETER_SCALES = [
  'commune',
  'epci',
  'basin',
  'department',
  'region',
  'overseas',
  'mainland',
  'adhoc',
  'country',
  'continent',
] as const;

/** An Aides-territoires perimeter: its id when known, or a scale and INSEE code resolved per run. */
export type AidesTerritoiresPerimeter = { id: number } | { scale: string; code: string };

export interface AidesTerritoiresOptions {
  perimeter: AidesTerritoiresPerimeter | null;
}

export const EVIDENCE_CONFIDENCES = ['high', 'medium', 'low'] as const;
export type EvidenceConfidence = (typeof EVIDENCE_CONFIDENCES)[number];

/** Where a source's URL, format and selectors were established. */
export interface SourceEvidence {
  where: string[];
  /** ISO date the evidence was read. */
  seen: string;
  confidence: EvidenceConfidence;
}

export interface SourceDefinition {
  id: string;
  name: string;
  kind: SourceKind;
  url: string;
  funder: string;
  // The fields below are always set by the loader; optional because definitions stored before
  // they existed (source.definition in the database) lack them.
  /** Who publishes the source (defaults to the funder); one publisher may feed several sources. */
  publisher?: string;
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
  /** Legacy body of a SEDIA search (its `query` part); `request.body` supersedes it. */
  query: Record<string, unknown> | null;
  /** Method, query parameters and body sent to `url`. */
  request?: SourceRequest | null;
  auth?: SourceAuth | null;
  aidesTerritoires?: AidesTerritoiresOptions | null;
  evidence?: SourceEvidence | null;
  /** Why a disabled source stays disabled. */
  disabledBecause?: string | null;
}

export interface LoadSourcesOptions {
  /** Values substituted for `${NAME}` placeholders (e.g. FIXTURE_BASE_URL) before parsing. */
  vars?: Record<string, string>;
}

export const DEFAULT_SCHEDULE = '0 6 * * *';
export const DEFAULT_MAX_PAGES = 50;
/** Aides-territoires' JWT lives 24 h. */
export const DEFAULT_TOKEN_TTL_SECONDS = 86_400;
export const SOURCE_TIME_ZONE = 'Europe/Paris';
