import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { itWithSharedData, repoRoot, sharedDataPath } from '@app/testing';
import {
  createTestFetcher,
  startFixtureServer,
  type FixtureServer,
} from '../../../../test/fixture-server';
import type { NormalisedCall } from '../call/normalised-call';
import { loadSources } from '../source/source.loader';
import type { SourceDefinition } from '../source/source.types';
import { runSource } from './connector.registry';
import {
  isCall,
  isConnectorError,
  isStillListed,
  type ConnectorOutput,
  type ConnectorState,
} from './connector.types';
import { RssConnector } from './rss.source';

const referenceDate = '2026-11-01';
const calls = (outputs: ConnectorOutput[]): NormalisedCall[] => outputs.filter(isCall);
const listedIds = (outputs: ConnectorOutput[]) =>
  outputs.filter(isStillListed).flatMap((output) => output.externalIds);

describe(RssConnector.name, () => {
  let server: FixtureServer;
  let source: SourceDefinition;

  beforeAll(async () => {
    server = await startFixtureServer({ today: referenceDate });
    source = loadSources(resolve(repoRoot, 'config/sources.demo.yaml'), {
      vars: { FIXTURE_BASE_URL: server.baseUrl },
    }).find((s) => s.kind === 'rss')!;
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('reads every feed item and its page: titles, deadlines, rounds, amounts, funders', async () => {
    const outputs = await runSource(source, createTestFetcher(), undefined, {
      referenceDate,
    }).collect();
    const found = calls(outputs);
    expect(found).toHaveLength(server.calls('rss').length);
    const mediation = found.find((c) =>
      c.title.startsWith('Appel à projets « Médiation numérique'),
    )!;
    expect(mediation).toMatchObject({
      funders: ['Région Nouvelle-Aquitaine'],
      deadlines: [{ date: '2027-03-01', time: '12:00' }],
      amounts: { maxCents: 3_000_000, envelopeCents: 120_000_000, ratePct: 70 },
      status: 'open',
      territory: ['R75'],
      publishedAt: '2026-10-01',
    });
    expect(mediation.aidTypes).toContain('aap');
    expect(mediation.audiences).toEqual(expect.arrayContaining(['associations', 'collectivites']));
    expect(mediation.descriptionHtml).not.toMatch(/<script|tracker/);
    const leader = found.find((c) => c.title.startsWith('LEADER'))!;
    expect(leader.deadlines).toEqual([
      { date: '2027-02-15', label: '1re session' },
      { date: '2027-06-15', label: '2e session' },
    ]);
    expect(leader.euFund).toBe('FEADER_LEADER');
    expect(found.find((c) => c.title.startsWith('Soutien aux tiers-lieux'))).toMatchObject({
      rolling: true,
      deadlines: [],
    });
    expect(found.find((c) => c.title.startsWith('FSE+'))).toMatchObject({
      status: 'closed',
      euFund: 'FSE_PLUS',
    });
  });

  it('answers a second run from 304s: the unchanged calls come as still listed, the moved deadline in full', async () => {
    const fetcher = createTestFetcher();
    const first = runSource(source, fetcher, undefined, { referenceDate });
    const before = calls(await first.collect());
    server.setDeadline('na-reemploi-materiel-informatique', '2027-02-28');
    const second = runSource(source, fetcher, first.state, { referenceDate });
    const outputs = await second.collect();
    const found = calls(outputs);
    // Only the moved call's page changed: the feed (summaries only) and the other pages are 304;
    // the feed is then read once in full, since the rebuilt call takes its item's summary too.
    expect(second.stats.notModified).toBe(second.stats.requests - 2);
    expect(second.stats.requests).toBe(first.stats.requests + 1);
    expect(found).toHaveLength(1);
    expect(found[0].title).toMatch(/^AAP Réemploi/);
    expect(found[0].deadlines).toEqual([{ date: '2027-02-28' }]);
    // Every other call is still on the source: none may look withdrawn.
    expect(listedIds(outputs).sort()).toEqual(
      before
        .map((call) => call.externalId)
        .filter((id) => id !== found[0].externalId)
        .sort(),
    );
    expect(outputs.filter(isConnectorError)).toEqual([]);
  });

  it('keeps validators and hashes in its state, never a page body', async () => {
    const fetcher = createTestFetcher();
    const first = runSource(source, fetcher, undefined, { referenceDate });
    const before = calls(await first.collect());
    const second = runSource(source, fetcher, first.state, { referenceDate });
    const outputs = await second.collect();
    expect(second.stats.notModified).toBe(second.stats.requests);
    expect(calls(outputs)).toEqual([]);
    expect(listedIds(outputs).sort()).toEqual(before.map((call) => call.externalId).sort());
    expect(second.stats.stillListed).toBe(before.length);
    for (const state of [first.state, second.state]) {
      const json = JSON.stringify(state);
      expect(json).not.toMatch(/"(text|detail|fields)":/);
      // Validators, a hash and the items' keys: well under a kilobyte per page.
      expect(json.length).toBeLessThan(Object.keys(state.pages).length * 400);
      const feed = state.pages[source.url];
      expect(feed.items!.map((item) => item.id).sort()).toEqual(
        before.map((call) => call.externalId).sort(),
      );
      expect(before.every((call) => state.pages[call.url!]?.hash)).toBe(true);
    }
    expect(second.state).toEqual(first.state);
  });

  it('reads again, under a feed that answered 304, the item whose page failed last time', async () => {
    server.setFault('/na/aides/na-voirie-communale', 'error-200');
    const fetcher = createTestFetcher();
    const first = runSource(source, fetcher, undefined, { referenceDate });
    const firstOutputs = await first.collect();
    expect(firstOutputs.filter(isConnectorError)).toHaveLength(1);
    server.setFault('/na/aides/na-voirie-communale', null);
    const second = runSource(source, fetcher, first.state, { referenceDate });
    const outputs = await second.collect();
    expect(outputs.filter(isConnectorError)).toEqual([]);
    expect(calls(outputs).map((call) => call.url)).toEqual([
      expect.stringMatching(/na-voirie-communale$/),
    ]);
    expect(listedIds(outputs)).toHaveLength(calls(firstOutputs).length);
  });

  it('reads everything again from a state saved with whole page texts (before hashes)', async () => {
    const fetcher = createTestFetcher();
    const first = runSource(source, fetcher, undefined, { referenceDate });
    const before = calls(await first.collect());
    const legacy = {
      pages: Object.fromEntries(
        Object.entries(first.state.pages).map(([url, page]) => [
          url,
          { etag: page.etag, lastModified: page.lastModified, text: '<rss/>' },
        ]),
      ),
    } as unknown as ConnectorState;
    const second = runSource(source, fetcher, legacy, { referenceDate });
    expect(calls(await second.collect())).toEqual(before);
    expect(second.stats.notModified).toBe(0);
  });

  it('turns a malformed feed into one clear source error', async () => {
    server.setFault('/na/fiches-rss.xml', 'malformed');
    const run = runSource(source, createTestFetcher(), undefined, { referenceDate });
    const outputs = await run.collect();
    expect(outputs).toEqual([
      expect.objectContaining({ kind: 'error', scope: 'source', code: 'MALFORMED_PAYLOAD' }),
    ]);
    expect(run.stats.sourceError).toMatch(/not well-formed XML at line \d+/);
  });

  it('reports an item page that is an error page served with 200, and goes on with the others', async () => {
    server.setFault('/na/aides/na-voirie-communale', 'error-200');
    const outputs = await runSource(source, createTestFetcher(), undefined, {
      referenceDate,
    }).collect();
    const errors = outputs.filter(isConnectorError);
    expect(errors).toEqual([
      expect.objectContaining({
        scope: 'item',
        code: 'ERROR_PAGE',
        url: expect.stringContaining('na-voirie-communale'),
      }),
    ]);
    expect(errors[0].message).toMatch(/error page served with status 200/);
    expect(calls(outputs)).toHaveLength(server.calls('rss').length - 1);
  });

  itWithSharedData('maps the real Nouvelle-Aquitaine feed item', () => {
    const item = readFileSync(
      sharedDataPath('raw', 'aides-territoires_nouvelle_aquitaine_rss_item.xml'),
      'utf8',
    );
    const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>NA</title>${item}</channel></rss>`;
    const fetcher = {
      fetch: async () => ({
        url: source.url,
        status: 200,
        headers: {},
        notModified: false,
        body: Buffer.from(feed),
        text: feed,
        etag: null,
        lastModified: null,
        contentType: 'application/rss+xml',
        bytes: feed.length,
      }),
    };
    return runSource(
      { ...source, follow: false, funder: 'Région Nouvelle-Aquitaine' },
      fetcher,
      undefined,
      { referenceDate },
    )
      .collect()
      .then((outputs) => {
        const [call] = calls(outputs);
        expect(call).toMatchObject({
          title: "Développement d'une offre locative à destination des jeunes agriculteurs",
          url: 'https://les-aides.nouvelle-aquitaine.fr/amenagement-du-territoire/developpement-dune-offre-locative-destination-des-jeunes-agriculteurs',
          funders: ['Région Nouvelle-Aquitaine'],
          publishedAt: '2019-12-21',
          deadlines: [],
        });
        expect(call.aidTypes).toContain('aap');
        expect(call.audiences).toEqual(
          expect.arrayContaining([
            'associations',
            'collectivites',
            'entreprises',
            'etablissements_publics',
          ]),
        );
        expect(call.descriptionText).toMatch(/^Cet appel à projet a pour objectif/);
      });
  });
});
