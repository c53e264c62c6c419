import { resolve } from 'node:path';
import { repoRoot } from '@app/testing';
import {
  createTestFetcher,
  startFixtureServer,
  type FixtureServer,
} from '../../../../test/fixture-server';
import type { NormalisedCall } from '../call/normalised-call';
import { loadSources } from '../source/source.loader';
import type { SourceDefinition } from '../source/source.types';
import { runSource } from './connector.registry';
import { isCall, isConnectorError, isStillListed, type ConnectorOutput } from './connector.types';
import { HtmlConnector } from './html.source';

const referenceDate = '2026-11-01';
const calls = (outputs: ConnectorOutput[]): NormalisedCall[] => outputs.filter(isCall);
const listedIds = (outputs: ConnectorOutput[]) =>
  outputs.filter(isStillListed).flatMap((output) => output.externalIds);
const idOf = (callId: string) => (calls: NormalisedCall[]) =>
  calls.find((call) => call.url!.endsWith(`/${callId}/`))!.externalId;

describe(HtmlConnector.name, () => {
  let server: FixtureServer;
  let source: SourceDefinition;

  beforeAll(async () => {
    server = await startFixtureServer({ today: referenceDate });
    source = loadSources(resolve(repoRoot, 'config/sources.demo.yaml'), {
      vars: { FIXTURE_BASE_URL: server.baseUrl },
    }).find((s) => s.kind === 'html')!;
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('walks the paginated ISO-8859-1 listing and reads each page with its accents', async () => {
    const run = runSource(source, createTestFetcher(), undefined, { referenceDate });
    const found = calls(await run.collect());
    expect(found.map((c) => c.title).sort()).toEqual(
      server
        .calls('html')
        .map((c) => c.title)
        .sort(),
    );
    expect(run.stats.pages).toBe(2);
    const seniors = found.find(
      (c) => c.title === 'Lutter contre l’isolement des seniors par le numérique',
    )!;
    expect(seniors).toMatchObject({
      deadlines: [{ date: '2027-01-15' }],
      funders: ['Conférence des financeurs de la Moselle'],
      amounts: { maxCents: 1_200_000 },
    });
    expect(found.find((c) => c.title.startsWith('Chaires de recherche'))!.status).toBe('closed');
  });

  it('reads the deadline from the PDF règlement when only the PDF states it', async () => {
    const run = runSource(source, createTestFetcher(), undefined, { referenceDate });
    const found = calls(await run.collect());
    const aidants = found.find((c) => c.title === 'Former les aidants numériques du Grand Est')!;
    expect(aidants.descriptionText).not.toMatch(/Date limite/);
    expect(aidants.documents).toEqual([
      expect.objectContaining({
        url: expect.stringMatching(/reglement\.pdf$/),
        text: expect.stringContaining('Date limite de dépôt'),
      }),
    ]);
    expect(aidants.deadlines).toEqual([{ date: '2027-02-26', time: '23:59' }]);
    expect(run.stats.documents).toBe(server.calls('html').filter((c) => c.pdf).length);
  });

  it('never lets a script, an event handler or a javascript: link through to the display HTML', async () => {
    const found = calls(
      await runSource(source, createTestFetcher(), undefined, { referenceDate }).collect(),
    );
    for (const call of found) {
      expect(call.descriptionHtml).not.toMatch(/<script|onclick|javascript:/i);
    }
  });

  it('stops an endless pagination at maxPages with a source error, keeping the calls read', async () => {
    server.setFault('/grandest/aides/', 'endless');
    const run = runSource(
      { ...source, maxPages: 3, follow: false },
      createTestFetcher(),
      undefined,
      { referenceDate },
    );
    const outputs = await run.collect();
    expect(outputs.at(-1)).toMatchObject({
      kind: 'error',
      scope: 'source',
      code: 'TOO_MANY_PAGES',
    });
    expect(run.stats.sourceError).toMatch(/more than maxPages=3/);
  });

  it('refuses a listing that is an error page served with status 200', async () => {
    server.setFault('/grandest/aides/', 'error-200');
    const outputs = await runSource(source, createTestFetcher(), undefined, {
      referenceDate,
    }).collect();
    expect(outputs).toEqual([expect.objectContaining({ scope: 'source', code: 'ERROR_PAGE' })]);
  });

  it('fails one call whose page exceeds the body cap and goes on', async () => {
    server.setFault('/grandest/aides/ge-numerique-seniors/', 'huge');
    const outputs = await runSource(
      source,
      createTestFetcher({ maxBytes: 5 * 1024 * 1024 }),
      undefined,
      { referenceDate },
    ).collect();
    expect(outputs.filter(isConnectorError)).toEqual([
      expect.objectContaining({
        scope: 'item',
        code: 'FETCH_FAILED',
        message: expect.stringMatching(/exceeds/),
      }),
    ]);
    expect(calls(outputs)).toHaveLength(server.calls('html').length - 1);
  });

  it('no longer yields a call removed from the listing', async () => {
    server.removeCall('ge-transformation-digitale-pme');
    const found = calls(
      await runSource(source, createTestFetcher(), undefined, { referenceDate }).collect(),
    );
    expect(found.map((c) => c.title)).not.toContain(
      'Transformation digitale des PME industrielles',
    );
    expect(found).toHaveLength(server.calls('html').length);
  });

  it('answers an unchanged run from 304s: every call still listed, no page parsed, no body kept', async () => {
    const fetcher = createTestFetcher();
    const first = runSource(source, fetcher, undefined, { referenceDate });
    const before = calls(await first.collect());
    const second = runSource(source, fetcher, first.state, { referenceDate });
    const outputs = await second.collect();
    expect(second.stats.notModified).toBe(second.stats.requests);
    // Listing pages, call pages and règlements alike: all asked, none read.
    expect(second.stats.requests).toBe(first.stats.requests);
    expect(outputs.filter(isConnectorError)).toEqual([]);
    expect(calls(outputs)).toEqual([]);
    expect(listedIds(outputs).sort()).toEqual(before.map((call) => call.externalId).sort());
    const json = JSON.stringify(second.state);
    expect(json).not.toMatch(/"(text|detail|fields)":/);
    expect(json).not.toMatch(/Date limite|Grand Est/);
    expect(second.state).toEqual(first.state);
  });

  it('reads the one call page that changed under an unchanged listing, with its card', async () => {
    // Two rounds: the card shows a category, not a date, so only the call's page moves.
    const rounds = (second: string) => [
      { date: '2027-03-31', label: '1re session' },
      { date: second, label: '2e session' },
    ];
    server.setDeadline('ge-fabrique-territoire', rounds('2027-09-30'));
    const fetcher = createTestFetcher();
    const first = runSource(source, fetcher, undefined, { referenceDate });
    const before = calls(await first.collect());
    server.setDeadline('ge-fabrique-territoire', rounds('2027-10-15'));
    const second = runSource(source, fetcher, first.state, { referenceDate });
    const outputs = await second.collect();
    const changed = calls(outputs);
    expect(changed).toHaveLength(1);
    expect(changed[0].deadlines.map((d) => d.date)).toEqual(['2027-03-31', '2027-10-15']);
    // Rebuilt with its card: the very call a crawl from scratch reads today.
    const scratch = calls(
      await runSource(source, createTestFetcher(), undefined, { referenceDate }).collect(),
    );
    expect(changed[0]).toEqual(scratch.find((call) => call.externalId === changed[0].externalId));
    expect(changed[0].externalId).toBe(idOf('ge-fabrique-territoire')(before));
    expect(listedIds(outputs)).toHaveLength(before.length - 1);
    expect(listedIds(outputs)).not.toContain(changed[0].externalId);
  });

  it('reads a call again when only its règlement changed, with the PDF’s new date', async () => {
    const fetcher = createTestFetcher();
    const first = runSource(source, fetcher, undefined, { referenceDate });
    const before = calls(await first.collect());
    server.setDeadline('ge-inclusion-numerique-aidants', '2027-03-12');
    const second = runSource(source, fetcher, first.state, { referenceDate });
    const outputs = await second.collect();
    const changed = calls(outputs);
    expect(changed.map((call) => call.title)).toEqual([
      'Former les aidants numériques du Grand Est',
    ]);
    expect(changed[0].deadlines).toEqual([{ date: '2027-03-12', time: '23:59' }]);
    expect(changed[0].documents[0].text).toMatch(/Date limite de dépôt/);
    const scratch = calls(
      await runSource(source, createTestFetcher(), undefined, { referenceDate }).collect(),
    );
    expect(changed[0]).toEqual(scratch.find((call) => call.externalId === changed[0].externalId));
    expect(listedIds(outputs)).toHaveLength(before.length - 1);
  });
});
