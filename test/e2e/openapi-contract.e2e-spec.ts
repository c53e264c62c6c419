import { SourceService } from '@app/ingestion';
import { createTestApp, TestApp } from '@app/testing';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { API_TYPES_FILE, renderApiTypes } from '../../scripts/api-types.util';
import { createApplication, fseApplicationBody } from '../factories/application.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { sourceDefinition } from '../factories/source.factory';
import { createCall } from '../factories/watch.factory';
import {
  describesSuccess,
  operationsOf,
  ResponseContract,
  type OpenApiDocument,
} from '../support/openapi-contract.util';

const ERROR_REF = '#/components/schemas/ApiErrorView';

/** @seriousme/openapi-schema-validator, in a child process (it is ESM only). */
function validateDocument(document: OpenApiDocument): { valid: boolean; errors: unknown[] } {
  const output = execFileSync(
    process.execPath,
    [join(__dirname, '..', 'support', 'validate-openapi.mjs')],
    { input: JSON.stringify(document) },
  );
  return JSON.parse(output.toString('utf8')) as { valid: boolean; errors: unknown[] };
}

/**
 * The OpenAPI document is the contract integrators code against: it must be valid, say what
 * every operation answers, and every GET of a seeded app must answer what it says. The seeding
 * writes go through the contract too. A route added without its response schema fails here.
 */
describe('OpenAPI contract', () => {
  let testApp: TestApp;
  let document: OpenApiDocument;
  let contract: ResponseContract;
  let structure: OrganisationFixture;
  let collectif: OrganisationFixture;
  /** Path parameter values, by path template, from the seed. */
  const seeds: Record<string, Record<string, string>> = {};
  /** Query strings a route requires, by path template. */
  const queries: Record<string, string> = {};
  const violations: string[] = [];
  const http = () => request(testApp.app.getHttpServer());

  /** Calls a documented route and records every way its answer departs from the document. */
  async function call(
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    template: string,
    params: Record<string, string>,
    apiKey: string,
    body?: object,
  ): Promise<request.Response> {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (params[name] === undefined) throw new Error(`no seed for {${name}} in ${template}`);
      return encodeURIComponent(params[name]);
    });
    const query = queries[template] ? `?${queries[template]}` : '';
    let pending = http()
      [method](path + query)
      .set('Authorization', `Bearer ${apiKey}`);
    if (body) pending = pending.send(body);
    const response = await pending;
    const isJson = /application\/json/.test(String(response.headers['content-type'] ?? ''));
    violations.push(
      ...contract.check(method, template, response.status, isJson ? response.body : undefined)
        .errors,
    );
    return response;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    document = (await http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    contract = new ResponseContract(document);

    structure = await createOrganisation(testApp.app, { name: 'EPN de Thiers' });
    collectif = await createOrganisation(testApp.app, { name: 'Mednum63', kind: 'collectif' });
    const own = { id: structure.organisationId };
    const callId = (await createCall(testApp.app, { title: 'Fonds inclusion numérique 2027' })).id;
    const source = await testApp.app.get(SourceService).create(sourceDefinition());
    const application = await createApplication(
      testApp.app,
      structure.apiKey,
      fseApplicationBody(),
    );
    const key = structure.apiKey;
    await call('post', '/api/calls/{id}/feedback', { id: callId }, key, { relevant: true });
    await call('patch', '/api/calls/{callId}/state', { callId }, key, {
      status: 'shortlisted',
      follow: true,
      notes: 'à voir',
    });
    const watch = await call('post', '/api/watches', {}, key, {
      name: 'Médiation numérique 63',
      themes: ['mediation_numerique'],
    });
    await call('post', '/api/watches/{id}/feed-tokens', { id: watch.body.id }, key);
    const invitation = await call('post', '/api/collectif/invitations', {}, collectif.apiKey, {
      memberOrganisationId: structure.organisationId,
    });
    await call('post', '/api/collectif/invitations/{id}/accept', { id: invitation.body.id }, key);
    await call('patch', '/api/collectif/memberships/{id}', { id: invitation.body.id }, key, {
      shareFollows: true,
    });
    await call('post', '/api/collectif/picks', {}, collectif.apiKey, {
      callId,
      annotation: 'Convient aux EPN',
      jointBid: true,
    });
    await call('post', '/api/api-keys', {}, key, { label: 'tableur' });
    const activity = await call(
      'post',
      '/api/applications/{id}/activity',
      { id: application.id },
      key,
      {
        entries: [{ indicator: 'people_accompanied', from: '2026-03', to: '2026-05', count: 42 }],
      },
    );
    expect(activity.status).toBe(201);
    const funder = encodeURIComponent('Département du Puy-de-Dôme (FSE+)');
    for (const path of ['/api/impact-report', '/api/impact-report.xlsx']) {
      queries[path] = `funder=${funder}&from=2026-01&to=2026-12`;
    }

    seeds['/api/organisations/{id}'] = own;
    seeds['/api/sources/{id}'] = { id: source.id };
    seeds['/api/calls/{id}'] = { id: callId };
    seeds['/api/calls/{callId}/state'] = { callId };
    for (const path of [
      '/api/applications/{id}',
      '/api/applications/{id}/funding-plan',
      '/api/applications/{id}/cofinancing',
      '/api/applications/{id}/treasury',
      '/api/applications/{id}/treasury.xlsx',
      '/api/applications/{id}/treasury.csv',
      '/api/applications/{id}/activity',
      '/api/applications/{id}/impact-report',
      '/api/applications/{id}/impact-report.xlsx',
    ]) {
      seeds[path] = { id: application.id };
    }
    for (const path of [
      '/api/watches/{id}',
      '/api/watches/{id}/matches',
      '/api/watches/{id}/matches.csv',
      '/api/watches/{id}/feed-tokens',
    ]) {
      seeds[path] = { id: watch.body.id as string };
    }
  });
  afterAll(() => testApp.close());

  it('is a valid OpenAPI 3.0 document (independent validator)', () => {
    const result = validateDocument(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.0\./);
  });

  it('says for every operation what it answers on success, and which errors it may answer', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThanOrEqual(61);
    const silent = operations
      .filter(({ operation }) => !describesSuccess(operation))
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(silent).toEqual([]);
    // Every API route needs a key; every route that takes input may answer 400; all of them
    // with the one error schema.
    const missingErrors = operations
      .filter(({ path }) => path.startsWith('/api/'))
      .flatMap(({ method, path, operation }) => {
        const takesInput = (operation.parameters ?? []).length > 0 || 'requestBody' in operation;
        return (takesInput ? ['400', '401'] : ['401'])
          .filter((code) => {
            const schema = operation.responses[code]?.content?.['application/json']?.schema;
            return (schema as { $ref?: string } | undefined)?.$ref !== ERROR_REF;
          })
          .map((code) => `${method.toUpperCase()} ${path} ${code}`);
      });
    expect(missingErrors).toEqual([]);
  });

  it('gives examples that match their own schemas, for the main routes at least', () => {
    const examples = operationsOf(document).flatMap(({ method, path, operation }) =>
      Object.entries(operation.responses)
        .filter(([, response]) => response.content?.['application/json']?.example !== undefined)
        .map(([status, response]) => ({
          method,
          path,
          status: Number(status),
          example: response.content?.['application/json']?.example,
        })),
    );
    expect(examples.map(({ method, path }) => `${method} ${path}`)).toEqual(
      expect.arrayContaining([
        'get /api/calls',
        'get /api/applications/{id}',
        'get /api/watches/{id}/matches',
      ]),
    );
    const wrong = examples.flatMap(
      ({ method, path, status, example }) => contract.check(method, path, status, example).errors,
    );
    expect(wrong).toEqual([]);
  });

  it('answers every documented GET as documented, on a seeded app', async () => {
    const gets = operationsOf(document).filter(({ method }) => method === 'get');
    const unseeded = gets
      .filter(({ path }) => path.includes('{') && !seeds[path])
      .map(({ path }) => path);
    // A new GET route with a path parameter needs a seed above (and its answer checked).
    expect(unseeded).toEqual([]);
    const statuses: string[] = [];
    for (const { path } of gets) {
      const apiKey = path.startsWith('/api/collectif/') ? collectif.apiKey : structure.apiKey;
      const response = await call('get', path, seeds[path] ?? {}, apiKey);
      statuses.push(`${path} ${response.status}`);
    }
    expect(violations).toEqual([]);
    expect(statuses.filter((line) => !/ 200$/.test(line))).toEqual([]);
  });

  it('answers bad input with the documented error shape, naming the field at fault', async () => {
    violations.length = 0;
    const key = structure.apiKey;
    const cases: Array<[string, string, Record<string, string>, RegExp]> = [
      ['/api/calls', '/api/calls?limit=abc', {}, /limit/],
      ['/api/calls', '/api/calls?unknown=1', {}, /unknown/],
      ['/api/calls', '/api/calls?limit=100000', {}, /limit/],
      ['/api/watches/{id}/matches', '/api/watches/{id}/matches?offset=-1', {}, /offset/],
      ['/api/applications', '/api/applications?status=lost', {}, /status/],
      ['/api/calls/{id}', '/api/calls/not-a-uuid', {}, /uuid/i],
    ];
    for (const [template, url] of cases) {
      const path = url.replace('{id}', seeds['/api/watches/{id}'].id);
      const response = await http().get(path).set('Authorization', `Bearer ${key}`);
      expect({ url, status: response.status }).toEqual({ url, status: 400 });
      violations.push(...contract.check('get', template, 400, response.body).errors);
    }
    for (const [, url, , field] of cases) {
      const path = url.replace('{id}', seeds['/api/watches/{id}'].id);
      const response = await http().get(path).set('Authorization', `Bearer ${key}`);
      expect(response.body.message).toMatch(field);
    }
    const unauthenticated = await http().get('/api/calls');
    expect(unauthenticated.status).toBe(401);
    violations.push(...contract.check('get', '/api/calls', 401, unauthenticated.body).errors);
    expect(violations).toEqual([]);
  });

  it('has committed API types generated from this very document (npm run api:types)', () => {
    const fresh = renderApiTypes(document);
    // Stale types would let the e2e tests and integrators compile against an old contract.
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    expect(committed === fresh ? 'up to date' : 'stale: run `npm run api:types`').toBe(
      'up to date',
    );
  });
});
