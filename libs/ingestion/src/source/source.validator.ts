import { load } from 'cheerio';
import { validateCronExpression } from 'cron';
import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseSelector } from './selector.util';
import {
  AUTH_KINDS,
  CALL_FIELDS,
  DEFAULT_MAX_PAGES,
  DEFAULT_SCHEDULE,
  DEFAULT_TOKEN_TTL_SECONDS,
  EVIDENCE_CONFIDENCES,
  PERIMETER_SCALES,
  SOURCE_KINDS,
  type AidesTerritoiresOptions,
  type CallField,
  type EvidenceConfidence,
  type RequestBody,
  type SourceAuth,
  type SourceEvidence,
  type SourceRequest,
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
  'publisher',
  'request',
  'auth',
  'aidesTerritoires',
  'evidence',
  'disabledBecause',
] as const;
const REQUEST_KEYS = ['method', 'query', 'body'];
const BODY_KEYS = ['json', 'form', 'multipart'];
const AUTH_KEYS = ['kind', 'secretEnv', 'howToGet', 'login', 'header', 'scheme'];
const LOGIN_KEYS = ['url', 'method', 'secretHeader', 'tokenPath', 'expiresInSeconds'];
const EVIDENCE_KEYS = ['where', 'seen', 'confidence'];
/**
 * Only variables named like a token or an API key: a source defined through the admin API must not
 * be able to send the server's own configuration (DATABASE_URL, API_KEY_PEPPER…) to a site.
 */
const SECRET_ENV_PATTERN = /^[A-Z][A-Z0-9_]*_(TOKEN|API_KEY)$/;
const HEADER_NAME_PATTERN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
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
  const publisher = optionalString(raw, 'publisher', fail) ?? funder ?? '';
  const request = checkRequest(node, raw.request, fail);
  const auth = checkAuth(node, raw.auth, fail);
  const aidesTerritoires = checkAidesTerritoires(node, raw.aidesTerritoires, kind, fail);
  const evidence = checkEvidence(node, raw.evidence, fail);
  const disabledBecause = optionalString(raw, 'disabledBecause', fail);
  if (enabled && evidence && evidence.confidence === 'low')
    fail(
      'evidence.confidence',
      'an enabled source needs evidence of medium or high confidence; disable it (enabled: false, disabledBecause: …) or establish it better',
      nodeAt(node, ['evidence', 'confidence']),
    );

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
    publisher,
    request,
    auth,
    aidesTerritoires,
    evidence,
    disabledBecause,
  };
}

function nodeAt(node: YAMLMap, path: string[]): Node | null {
  for (let length = path.length; length > 0; length--) {
    const found = node.getIn(path.slice(0, length), true) as Node | undefined;
    if (found && typeof found === 'object') return found;
  }
  return null;
}

function optionalString(raw: Record<string, unknown>, field: string, fail: Fail): string | null {
  const value = raw[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') {
    fail(field, 'must be a non-empty string');
    return null;
  }
  return value.trim();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function subMap(node: YAMLMap, path: string[]): YAMLMap | null {
  const found = node.getIn(path, true);
  return isMap(found) ? (found as YAMLMap) : null;
}

function checkRequest(node: YAMLMap, value: unknown, fail: Fail): SourceRequest | null {
  if (value === undefined || value === null) return null;
  const requestNode = subMap(node, ['request']);
  if (!requestNode || !isPlainObject(value)) {
    fail('request', 'must be a mapping with method, query, body');
    return null;
  }
  const at = (...path: string[]) => nodeAt(node, ['request', ...path]);
  checkKeys(requestNode, REQUEST_KEYS, 'request.', fail);
  const method = value.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST') {
    fail('request.method', 'must be GET or POST', at('method'));
    return null;
  }
  let query: SourceRequest['query'] = null;
  if (value.query !== undefined && value.query !== null) {
    if (!isPlainObject(value.query)) {
      fail('request.query', 'must be a mapping of parameter names to values', at('query'));
    } else {
      query = {};
      for (const [name, parameter] of Object.entries(value.query)) {
        if (isScalar(parameter) || (Array.isArray(parameter) && parameter.every(isScalar)))
          query[name] = parameter;
        else
          fail(
            `request.query.${name}`,
            'must be a string, a number, a boolean or a list of them (a list repeats the key)',
            at('query', name),
          );
      }
    }
  }
  const body = checkBody(node, value.body, method, fail);
  return { method, query, body };
}

function checkBody(
  node: YAMLMap,
  value: unknown,
  method: 'GET' | 'POST',
  fail: Fail,
): RequestBody | null {
  if (value === undefined || value === null) return null;
  const at = (...path: string[]) => nodeAt(node, ['request', 'body', ...path]);
  const bodyNode = subMap(node, ['request', 'body']);
  if (!bodyNode || !isPlainObject(value)) {
    fail('request.body', 'must be a mapping with exactly one of json, form, multipart', at());
    return null;
  }
  checkKeys(bodyNode, BODY_KEYS, 'request.body.', fail);
  if (method !== 'POST') {
    fail('request.body', 'a body is only sent with method: POST', at());
    return null;
  }
  const given = BODY_KEYS.filter((key) => value[key] !== undefined);
  if (given.length !== 1) {
    fail(
      'request.body',
      `exactly one of json, form, multipart (got ${given.length ? given.join(', ') : 'none'})`,
      at(),
    );
    return null;
  }
  const [kind] = given;
  if (kind === 'json') return { json: value.json };
  if (!isPlainObject(value[kind])) {
    fail(`request.body.${kind}`, 'must be a mapping of field names to values', at(kind));
    return null;
  }
  const fields = value[kind] as Record<string, unknown>;
  if (kind === 'form') {
    const bad = Object.keys(fields).filter((name) => !isScalar(fields[name]));
    if (bad.length) {
      fail(
        `request.body.form.${bad[0]}`,
        'a form field must be a string, a number or a boolean',
        at('form', bad[0]),
      );
      return null;
    }
    return { form: fields as Record<string, string | number | boolean> };
  }
  return { multipart: fields };
}

function checkAuth(node: YAMLMap, value: unknown, fail: Fail): SourceAuth | null {
  if (value === undefined || value === null) return null;
  const authNode = subMap(node, ['auth']);
  const at = (...path: string[]) => nodeAt(node, ['auth', ...path]);
  if (!authNode || !isPlainObject(value)) {
    fail('auth', 'must be a mapping with kind, secretEnv, header, howToGet (and login)');
    return null;
  }
  checkKeys(authNode, AUTH_KEYS, 'auth.', fail);
  let ok = true;
  const bad = (field: string, message: string) => {
    ok = false;
    fail(`auth.${field}`, message, at(field));
  };
  const kind = value.kind;
  if (typeof kind !== 'string' || !(AUTH_KINDS as readonly string[]).includes(kind))
    bad('kind', `must be one of ${AUTH_KINDS.join(', ')}`);
  const secretEnv = value.secretEnv;
  if (typeof secretEnv !== 'string' || !SECRET_ENV_PATTERN.test(secretEnv))
    bad(
      'secretEnv',
      'the NAME of an environment variable ending in _TOKEN or _API_KEY (never the secret itself), e.g. AIDES_TERRITOIRES_TOKEN',
    );
  const howToGet = value.howToGet;
  if (typeof howToGet !== 'string' || howToGet.trim() === '')
    bad('howToGet', 'required: in French, how a deployer obtains the secret');
  const header = value.header;
  if (typeof header !== 'string' || !HEADER_NAME_PATTERN.test(header))
    bad('header', 'required: the HTTP header name receiving the token, e.g. Authorization');
  const scheme = value.scheme ?? null;
  if (scheme !== null && (typeof scheme !== 'string' || !/^[A-Za-z][A-Za-z0-9-]*$/.test(scheme)))
    bad('scheme', 'must be a single word such as Bearer');
  let login: SourceAuth['login'] = null;
  if (kind === 'token-exchange') login = checkLogin(node, value.login, fail);
  else if (value.login !== undefined) bad('login', 'only for kind: token-exchange');
  if (kind === 'token-exchange' && !login) ok = false;
  if (!ok) return null;
  return {
    kind: kind as SourceAuth['kind'],
    secretEnv: secretEnv as string,
    howToGet: (howToGet as string).trim(),
    header: header as string,
    scheme: scheme as string | null,
    login,
  };
}

function checkLogin(node: YAMLMap, value: unknown, fail: Fail): SourceAuth['login'] {
  const at = (...path: string[]) => nodeAt(node, ['auth', 'login', ...path]);
  const loginNode = subMap(node, ['auth', 'login']);
  if (!loginNode || !isPlainObject(value)) {
    fail(
      'auth.login',
      'required for token-exchange: { url, method, secretHeader, tokenPath }',
      at(),
    );
    return null;
  }
  checkKeys(loginNode, LOGIN_KEYS, 'auth.login.', fail);
  let ok = true;
  const bad = (field: string, message: string) => {
    ok = false;
    fail(`auth.login.${field}`, message, at(field));
  };
  const url = checkUrl(value.url, (_field, message) => bad('url', message));
  const method = value.method ?? 'POST';
  if (method !== 'GET' && method !== 'POST') bad('method', 'must be GET or POST');
  if (typeof value.secretHeader !== 'string' || !HEADER_NAME_PATTERN.test(value.secretHeader))
    bad('secretHeader', 'required: the header carrying the secret to the login URL');
  if (typeof value.tokenPath !== 'string' || value.tokenPath.trim() === '')
    bad('tokenPath', 'required: the dot path of the token in the JSON answer, e.g. token');
  const ttl = value.expiresInSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 1)
    bad('expiresInSeconds', 'must be a positive integer');
  if (!ok || !url) return null;
  return {
    url,
    method: method as 'GET' | 'POST',
    secretHeader: value.secretHeader as string,
    tokenPath: value.tokenPath as string,
    expiresInSeconds: ttl as number,
  };
}

function checkAidesTerritoires(
  node: YAMLMap,
  value: unknown,
  kind: SourceKind | null,
  fail: Fail,
): AidesTerritoiresOptions | null {
  if (value === undefined || value === null) return null;
  const at = (...path: string[]) => nodeAt(node, ['aidesTerritoires', ...path]);
  const optionsNode = subMap(node, ['aidesTerritoires']);
  if (kind !== 'aides-territoires') {
    fail('aidesTerritoires', 'only for kind: aides-territoires', at());
    return null;
  }
  if (!optionsNode || !isPlainObject(value)) {
    fail('aidesTerritoires', 'must be a mapping with perimeter', at());
    return null;
  }
  checkKeys(optionsNode, ['perimeter'], 'aidesTerritoires.', fail);
  const perimeter = value.perimeter;
  if (perimeter === undefined || perimeter === null) return { perimeter: null };
  const perimeterNode = subMap(node, ['aidesTerritoires', 'perimeter']);
  if (!perimeterNode || !isPlainObject(perimeter)) {
    fail('aidesTerritoires.perimeter', 'must be { scale, code } or { id }', at('perimeter'));
    return null;
  }
  checkKeys(perimeterNode, ['scale', 'code', 'id'], 'aidesTerritoires.perimeter.', fail);
  if (perimeter.id !== undefined) {
    if (typeof perimeter.id !== 'number' || !Number.isInteger(perimeter.id) || perimeter.id < 1) {
      fail(
        'aidesTerritoires.perimeter.id',
        'must be a positive integer (e.g. 70973)',
        at('perimeter', 'id'),
      );
      return null;
    }
    if (perimeter.scale !== undefined || perimeter.code !== undefined) {
      fail('aidesTerritoires.perimeter', 'give either id, or scale and code', at('perimeter'));
      return null;
    }
    return { perimeter: { id: perimeter.id } };
  }
  const scale = perimeter.scale;
  const code = perimeter.code === undefined ? undefined : String(perimeter.code);
  if (typeof scale !== 'string' || !(PERIMETER_SCALES as readonly string[]).includes(scale)) {
    fail(
      'aidesTerritoires.perimeter.scale',
      `must be one of ${PERIMETER_SCALES.join(', ')}`,
      at('perimeter', 'scale'),
    );
    return null;
  }
  if (!code || !/^[0-9A-Za-z]{1,9}$/.test(code)) {
    fail(
      'aidesTerritoires.perimeter.code',
      'required: the INSEE code, e.g. "63"',
      at('perimeter', 'code'),
    );
    return null;
  }
  return { perimeter: { scale, code } };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkEvidence(node: YAMLMap, value: unknown, fail: Fail): SourceEvidence | null {
  if (value === undefined || value === null) return null;
  const at = (...path: string[]) => nodeAt(node, ['evidence', ...path]);
  const evidenceNode = subMap(node, ['evidence']);
  if (!evidenceNode || !isPlainObject(value)) {
    fail('evidence', 'must be a mapping with where, seen, confidence', at());
    return null;
  }
  checkKeys(evidenceNode, EVIDENCE_KEYS, 'evidence.', fail);
  let ok = true;
  const where = Array.isArray(value.where) ? value.where : [value.where];
  if (!where.length || !where.every((w) => typeof w === 'string' && w.trim() !== '')) {
    ok = false;
    fail(
      'evidence.where',
      'required: a list of places where the format was established',
      at('where'),
    );
  }
  const seen = value.seen instanceof Date ? value.seen.toISOString().slice(0, 10) : value.seen;
  if (typeof seen !== 'string' || !ISO_DATE.test(seen) || Number.isNaN(Date.parse(seen))) {
    ok = false;
    fail('evidence.seen', 'required: the ISO date (YYYY-MM-DD) the evidence was read', at('seen'));
  }
  const confidence = value.confidence;
  if (
    typeof confidence !== 'string' ||
    !(EVIDENCE_CONFIDENCES as readonly string[]).includes(confidence)
  ) {
    ok = false;
    fail(
      'evidence.confidence',
      `must be one of ${EVIDENCE_CONFIDENCES.join(', ')}`,
      at('confidence'),
    );
  }
  if (!ok) return null;
  return {
    where: (where as string[]).map((w) => w.trim()),
    seen: seen as string,
    confidence: confidence as EvidenceConfidence,
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
      `not INSEE codes: ${bad.join(', ')} (départements like 63, 2A, 974; régions like R84; or FR)`,
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
