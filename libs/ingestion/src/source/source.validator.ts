import { load } from 'cheerio';
import { validateCronExpression } from 'cron';
import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseSelector } from './selector.util';
import {
  CALL_FIELDS,
  DEFAULT_MAX_PAGES,
  DEFAULT_SCHEDULE,
  SOURCE_KINDS,
  type CallField,
  type DetailSpec,
  type ListingSpec,
  type MappingSpec,
  type PaginationSpec,
  type SourceDefinition,
  type SourceKind,
} from './source.types';
import { isTerritoryCode } from './territory.util';

export type ProblemSink = (
  field: string,
  message: string,
  at: Node | null | undefined,
  sourceId: string | null,
) => void;

const SOURCE_KEYS = [
  'id',
  'name',
  'kind',
  'url',
  'funder',
  'territory',
  'schedule',
  'follow',
  'listing',
  'detail',
  'mapping',
  'pagination',
  'enabled',
  'maxPages',
  'query',
] as const;
const LISTING_KEYS = ['item', 'link', 'fields', 'next'];
const PAGINATION_KEYS = ['type', 'items', 'param', 'sizeParam', 'size', 'start', 'next', 'total'];
const PAGINATION_TYPES = ['none', 'page', 'offset', 'next'];
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const selectorProbe = load('<p></p>');

/** Checks one source mapping; reports each problem through `sink` and returns null if any. */
export function validateSource(node: YAMLMap, sink: ProblemSink): SourceDefinition | null {
  const raw = node.toJSON() as Record<string, unknown>;
  const id = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id.trim() : null;
  let failed = false;
  const fail = (field: string, message: string, at?: Node | null) => {
    failed = true;
    sink(
      field,
      message,
      at ?? valueNode(node, field.split('.')[0]) ?? keyNode(node, field.split('.')[0]),
      id,
    );
  };

  checkKeys(node, SOURCE_KEYS, '', fail);
  if (!id) fail('id', 'required, a non-empty string');
  else if (!ID_PATTERN.test(id)) fail('id', 'use lowercase letters, digits and dashes only');
  const name = requiredString(raw, 'name', fail);
  const funder = requiredString(raw, 'funder', fail);
  const kind = checkKind(raw.kind, fail);
  const url = checkUrl(raw.url, fail);
  const territory = checkTerritory(raw.territory, fail);
  const schedule = checkSchedule(raw.schedule, fail);
  const follow = optionalBoolean(raw, 'follow', kind === 'html', fail);
  const enabled = optionalBoolean(raw, 'enabled', true, fail);
  const maxPages = checkMaxPages(raw.maxPages, fail);
  const listing = checkListing(node, raw.listing, fail);
  const detail = checkFieldMap(node, 'detail', raw.detail, 'selector', fail) as DetailSpec | null;
  const mapping = checkFieldMap(node, 'mapping', raw.mapping, 'path', fail) as MappingSpec | null;
  const pagination = checkPagination(node, raw.pagination, kind, fail);
  const query = checkQuery(raw.query, fail);

  if (kind === 'html' && !listing && raw.listing === undefined)
    fail('listing', 'an html source needs a listing (item selector at least)', node);
  if ((kind === 'json' || kind === 'opendatasoft') && !mapping && raw.mapping === undefined) {
    fail('mapping', `a ${kind} source needs a mapping with at least "title"`, node);
  } else if ((kind === 'json' || kind === 'opendatasoft') && mapping && !mapping.title) {
    fail('mapping.title', 'required: the dot path of the call title');
  }

  if (failed || !id || !kind || !url) return null;
  return {
    id,
    name: name ?? id,
    kind,
    url,
    funder: funder ?? '',
    territory,
    schedule,
    follow,
    enabled,
    maxPages,
    listing,
    detail,
    mapping,
    pagination,
    query,
  };
}

function checkKeys(
  node: YAMLMap,
  allowed: readonly string[],
  prefix: string,
  fail: (f: string, m: string, at?: Node | null) => void,
) {
  for (const pair of node.items as Pair<Node, Node>[]) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!allowed.includes(key)) {
      const hint = closest(key, allowed);
      fail(
        `${prefix}${key}`,
        `unknown key${hint ? `; did you mean "${hint}"?` : ''} (allowed: ${allowed.join(', ')})`,
        pair.key,
      );
    }
  }
}

function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

function keyNode(node: YAMLMap, key: string): Node | null {
  const pair = (node.items as Pair<Node, Node>[]).find(
    (p) => (p.key as { value?: unknown })?.value === key,
  );
  return pair?.key ?? null;
}

function valueNode(node: YAMLMap, key: string): Node | null {
  const value = node.get(key, true) as Node | undefined;
  return value ?? null;
}

type Fail = (field: string, message: string, at?: Node | null) => void;

function requiredString(raw: Record<string, unknown>, field: string, fail: Fail): string | null {
  const value = raw[field];
  if (typeof value !== 'string' || value.trim() === '') {
    fail(field, 'required, a non-empty string');
    return null;
  }
  return value.trim();
}

function checkKind(value: unknown, fail: Fail): SourceKind | null {
  if (typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value))
    return value as SourceKind;
  const hint = typeof value === 'string' ? closest(value, SOURCE_KINDS) : null;
  fail(
    'kind',
    `unknown kind ${JSON.stringify(value ?? null)}${hint ? `; did you mean "${hint}"?` : ''} (one of ${SOURCE_KINDS.join(', ')})`,
  );
  return null;
}

function checkUrl(value: unknown, fail: Fail): string | null {
  if (typeof value !== 'string') {
    fail('url', 'required, an http(s) URL');
    return null;
  }
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url.toString();
  } catch {
    fail('url', `not an http(s) URL: ${JSON.stringify(value)}`);
    return null;
  }
}

function checkTerritory(value: unknown, fail: Fail): string[] {
  if (value === undefined || value === null) return ['FR'];
  const codes = (Array.isArray(value) ? value : [value]).map((code) =>
    String(code).trim().toUpperCase(),
  );
  const bad = codes.filter((code) => !isTerritoryCode(code));
  if (bad.length > 0) {
    fail(
      'territory',
      `not INSEE codes: ${bad.join(', ')} (communes like 63113, EPCI SIREN like 246300701, départements like 63, 2A, 974; régions like R84; or FR)`,
    );
  }
  return codes;
}

function checkSchedule(value: unknown, fail: Fail): string {
  if (value === undefined || value === null) return DEFAULT_SCHEDULE;
  if (typeof value !== 'string') {
    fail('schedule', 'must be a cron expression string');
    return DEFAULT_SCHEDULE;
  }
  const result = validateCronExpression(value);
  if (!result.valid)
    fail('schedule', `invalid cron expression "${value}": ${result.error?.message ?? 'rejected'}`);
  return value;
}

function optionalBoolean(
  raw: Record<string, unknown>,
  field: string,
  fallback: boolean,
  fail: Fail,
): boolean {
  const value = raw[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    fail(field, 'must be true or false');
    return fallback;
  }
  return value;
}

function checkMaxPages(value: unknown, fail: Fail): number {
  if (value === undefined || value === null) return DEFAULT_MAX_PAGES;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000) {
    fail('maxPages', 'must be an integer between 1 and 10000');
    return DEFAULT_MAX_PAGES;
  }
  return value;
}

function checkSelector(field: string, value: unknown, fail: Fail): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(field, 'must be a selector string ("css" or "css@attribute")');
    return null;
  }
  const { css } = parseSelector(value);
  if (css === '') return value;
  try {
    selectorProbe(css);
  } catch (error) {
    fail(field, `invalid CSS selector "${css}": ${(error as Error).message}`);
    return null;
  }
  return value;
}

function checkListing(node: YAMLMap, value: unknown, fail: Fail): ListingSpec | null {
  if (value === undefined || value === null) return null;
  const listingNode = node.get('listing', true);
  if (!isMap(listingNode) || typeof value !== 'object') {
    fail('listing', 'must be a mapping with item, link, fields, next');
    return null;
  }
  checkKeys(listingNode as YAMLMap, LISTING_KEYS, 'listing.', fail);
  const raw = value as Record<string, unknown>;
  const item = checkSelector('listing.item', raw.item, fail);
  const link =
    raw.link === undefined
      ? undefined
      : (checkSelector('listing.link', raw.link, fail) ?? undefined);
  const next =
    raw.next === undefined
      ? undefined
      : (checkSelector('listing.next', raw.next, fail) ?? undefined);
  const fields = checkFieldMap(
    listingNode as YAMLMap,
    'fields',
    raw.fields,
    'selector',
    fail,
    'listing.',
  ) as Partial<Record<CallField, string>> | null;
  if (!item) return null;
  return { item, link, next, fields: fields ?? undefined };
}

function checkFieldMap(
  parent: YAMLMap,
  key: string,
  value: unknown,
  what: 'selector' | 'path',
  fail: Fail,
  prefix = '',
): Record<string, string | string[]> | null {
  if (value === undefined || value === null) return null;
  const mapNode = parent.get(key, true);
  if (!isMap(mapNode) || typeof value !== 'object' || Array.isArray(value)) {
    fail(
      `${prefix}${key}`,
      `must be a mapping of our fields (${CALL_FIELDS.join(', ')}) to ${what}s`,
    );
    return null;
  }
  checkKeys(mapNode as YAMLMap, CALL_FIELDS, `${prefix}${key}.`, fail);
  const result: Record<string, string | string[]> = {};
  for (const [field, spec] of Object.entries(value as Record<string, unknown>)) {
    const name = `${prefix}${key}.${field}`;
    if (what === 'selector') {
      const selector = checkSelector(name, spec, fail);
      if (selector) result[field] = selector;
    } else if (
      typeof spec === 'string' ||
      (Array.isArray(spec) && spec.length > 0 && spec.every((p) => typeof p === 'string'))
    ) {
      result[field] = spec as string | string[];
    } else {
      fail(name, 'must be a dot path or a list of dot paths');
    }
  }
  return result;
}

function checkPagination(
  node: YAMLMap,
  value: unknown,
  kind: SourceKind | null,
  fail: Fail,
): PaginationSpec | null {
  if (value === undefined || value === null) return null;
  const paginationNode = node.get('pagination', true);
  if (!isMap(paginationNode) || typeof value !== 'object') {
    fail(
      'pagination',
      'must be a mapping (type, items, param, sizeParam, size, start, next, total)',
    );
    return null;
  }
  checkKeys(paginationNode as YAMLMap, PAGINATION_KEYS, 'pagination.', fail);
  const raw = value as Record<string, unknown>;
  const type = raw.type ?? 'none';
  if (typeof type !== 'string' || !PAGINATION_TYPES.includes(type)) {
    fail('pagination.type', `must be one of ${PAGINATION_TYPES.join(', ')}`);
    return null;
  }
  for (const field of ['items', 'param', 'sizeParam', 'next', 'total']) {
    if (raw[field] !== undefined && typeof raw[field] !== 'string')
      fail(`pagination.${field}`, 'must be a string');
  }
  for (const field of ['size', 'start']) {
    if (
      raw[field] !== undefined &&
      (typeof raw[field] !== 'number' ||
        !Number.isInteger(raw[field]) ||
        (raw[field] as number) < 0)
    ) {
      fail(`pagination.${field}`, 'must be a non-negative integer');
    }
  }
  if (type === 'next' && typeof raw.next !== 'string')
    fail('pagination.next', 'required for type "next": dot path of the next page URL');
  // Opendatasoft's paging is fixed by its API (limit/offset); only `size` applies there.
  if (
    kind !== 'opendatasoft' &&
    (type === 'page' || type === 'offset') &&
    typeof raw.param !== 'string'
  ) {
    fail('pagination.param', `required for type "${type}": the query parameter name`);
  }
  return raw as unknown as PaginationSpec;
}

function checkQuery(value: unknown, fail: Fail): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail('query', 'must be a mapping (sent as the JSON body of the search)');
    return null;
  }
  return value as Record<string, unknown>;
}
