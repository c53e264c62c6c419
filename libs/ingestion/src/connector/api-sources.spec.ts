import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { itWithSharedData, repoRoot, sharedDataPath } from '@app/testing';
import {
  createTestFetcher,
  startFixtureServer,
  type FixtureServer,
} from '../../../../test/fixture-server';
import type { NormalisedCall } from '../call/normalised-call';
import type { Fetcher } from '../fetch/fetcher.types';
import { loadSources, parseSources } from '../source/source.loader';
import type { SourceDefinition, SourceKind } from '../source/source.types';
import { AidesTerritoiresConnector } from './aides-territoires.source';
import { runSource } from './connector.registry';
import { isCall, isConnectorError, isStillListed, type ConnectorOutput } from './connector.types';

const referenceDate = '2026-11-01';
const calls = (outputs: ConnectorOutput[]): NormalisedCall[] => outputs.filter(isCall);
const listedIds = (outputs: ConnectorOutput[]) =>
  outputs.filter(isStillListed).flatMap((output) => output.externalIds);

/** Serves one saved payload for any URL, as the real API would have. */
function payloadFetcher(text: string): Fetcher {
  return {
    fetch: async (request) => ({
      url: request.url,
      status: 200,
      headers: {},
      notModified: false,
      body: Buffer.from(text),
      text,
      etag: null,
      lastModified: null,
      contentType: 'application/json',
      bytes: text.length,
    }),
  };
}

describe('API connectors (Opendatasoft, JSON, Aides-territoires, EU SEDIA)', () => {
  let server: FixtureServer;
  let sources: Record<SourceKind, SourceDefinition>;

  beforeAll(async () => {
    server = await startFixtureServer({ today: referenceDate });
    const loaded = loadSources(resolve(repoRoot, 'config/sources.demo.yaml'), {
      vars: { FIXTURE_BASE_URL: server.baseUrl },
    });
    sources = Object.fromEntries(loaded.map((s) => [s.kind, s])) as Record<
      SourceKind,
      SourceDefinition
    >;
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  const run = (kind: SourceKind, fetcher: Fetcher = createTestFetcher()) =>
    runSource(sources[kind], fetcher, undefined, { referenceDate });

  it('opendatasoft: pages with limit/offset up to total_count and maps the fields', async () => {
    const connectorRun = run('opendatasoft');
    const found = calls(await connectorRun.collect());
    expect(found).toHaveLength(server.calls('ods').length);
    expect(connectorRun.stats.pages).toBe(2);
    expect(found.find((c) => c.externalId === 'occ-tiers-lieux-2027')).toMatchObject({
      deadlines: [
        { date: '2027-01-20', label: '1re vague' },
        { date: '2027-05-20', label: '2e vague' },
      ],
      funders: ['Région Occitanie'],
    });
    expect(found.find((c) => c.externalId === 'occ-pass-numerique')!.amounts.envelopeCents).toBe(
      80_000_000,
    );
    expect(found.find((c) => c.externalId === 'occ-numerique-forthcoming')).toMatchObject({
      status: 'forthcoming',
      opensAt: '2027-09-01',
    });
    expect(found.find((c) => c.externalId === 'occ-contrat-territorial-services')).toMatchObject({
      rolling: true,
      deadlines: [],
    });
  });

  it('json: page-numbered API, UTC date-times read as Paris days, nested paths', async () => {
    const found = calls(await run('json').collect());
    expect(found).toHaveLength(server.calls('json').length);
    const mediation = found.find((c) => c.externalId === 'idf-mediation-quartiers')!;
    expect(mediation).toMatchObject({
      deadlines: [{ date: '2027-02-14' }],
      funders: ['Région Île-de-France'],
      audiences: ['associations'],
    });
    expect(mediation.url).toBe(`${server.baseUrl}/idf/aides/idf-mediation-quartiers`);
  });

  it.each([
    ['opendatasoft', 'ods', 'occ-tiers-lieux-2027'],
    ['json', 'json', 'idf-mediation-quartiers'],
    ['aides-territoires', 'at', 'at-conseiller-numerique'],
  ] as const)(
    '%s: an unchanged API costs 304s and yields every call as still listed, page after page',
    async (kind, feed, changedId) => {
      const fetcher = createTestFetcher();
      const first = runSource(sources[kind], fetcher, undefined, { referenceDate });
      const before = calls(await first.collect());
      expect(before).toHaveLength(server.calls(feed).length);
      const second = runSource(sources[kind], fetcher, first.state, { referenceDate });
      const unchanged = await second.collect();
      expect(calls(unchanged)).toEqual([]);
      expect(unchanged.filter(isConnectorError)).toEqual([]);
      expect(listedIds(unchanged).sort()).toEqual(before.map((c) => c.externalId).sort());
      expect(second.stats.pages).toBe(first.stats.pages);
      const json = JSON.stringify(second.state);
      expect(json).not.toMatch(/"(text|detail|fields)":|results/);
      expect(second.state).toEqual(first.state);

      // One call moves: its page is read in full, the others stay still listed.
      server.setDeadline(changedId, '2027-09-30');
      const third = runSource(sources[kind], fetcher, second.state, { referenceDate });
      const outputs = await third.collect();
      const title = server.calls(feed).find((c) => c.id === changedId)!.title;
      const moved = calls(outputs).find((c) => c.title === title);
      expect(moved?.deadlines.map((d) => d.date)).toEqual(['2027-09-30']);
      expect([...calls(outputs).map((c) => c.externalId), ...listedIds(outputs)].sort()).toEqual(
        before.map((c) => c.externalId).sort(),
      );
    },
  );

  it('json: an endless API is stopped by maxPages', async () => {
    server.setFault('/idf/', 'endless');
    const connectorRun = runSource(
      { ...sources.json, maxPages: 4 },
      createTestFetcher(),
      undefined,
      { referenceDate },
    );
    const outputs = await connectorRun.collect();
    expect(outputs.at(-1)).toMatchObject({ scope: 'source', code: 'TOO_MANY_PAGES' });
    expect(connectorRun.stats.pages).toBe(4);
  });

  it('json: a malformed body is a clear source error', async () => {
    server.setFault('/idf/', 'malformed');
    const outputs = await run('json').collect();
    expect(outputs).toEqual([
      expect.objectContaining({
        scope: 'source',
        code: 'MALFORMED_PAYLOAD',
        message: expect.stringMatching(/expected JSON, got invalid JSON/),
      }),
    ]);
  });

  it('aides-territoires: follows `next`, reads deadlines, rolling aids, funders and perimeters', async () => {
    const found = calls(await run('aides-territoires').collect());
    expect(found).toHaveLength(server.calls('at').length);
    const epn = found.find(
      (c) => c.title === 'Soutien départemental aux espaces publics numériques',
    )!;
    expect(epn).toMatchObject({
      rolling: true,
      deadlines: [],
      territory: ['63'],
      funders: ['Conseil départemental du Puy-de-Dôme'],
    });
    expect(found.find((c) => c.title.startsWith('Pérennisation'))).toMatchObject({
      deadlines: [{ date: '2026-12-31' }],
      territory: ['FR'],
    });
    expect(found.find((c) => c.title.startsWith('Rénovation énergétique'))!.aidTypes).toContain(
      'pret',
    );
  });

  it('aides-territoires: a `next` link pointing back to the same page is a loop, reported once', async () => {
    server.setFault('/aides-territoires/', 'endless');
    const outputs = await run('aides-territoires').collect();
    expect(outputs.at(-1)).toMatchObject({ scope: 'source', code: 'PAGINATION_LOOP' });
  });

  itWithSharedData('aides-territoires: maps the real Drôme API page', async () => {
    const text = readFileSync(
      sharedDataPath('raw', 'aides-territoires_fixture_departement_drome_api.json'),
      'utf8',
    );
    const found = calls(await run('aides-territoires', payloadFetcher(text)).collect());
    expect(found.map((c) => c.title)).toEqual([
      'Développement d’une alimentation de proximité',
      "L'alimentation dans la restauration collective publique",
      'Approvisionnement en produits locaux avec la plateforme Agrilocal',
    ]);
    expect(found.map((c) => c.funders)).toEqual([
      ['Chambre d’agriculture de la Drôme'],
      ['Conseil Départemental de la Drôme'],
      ['Conseil Départemental de la Drôme'],
    ]);
    for (const call of found) {
      expect(call).toMatchObject({
        rolling: true,
        deadlines: [],
        territory: ['26'],
        status: 'open',
      });
    }
    expect(found[0].url).toBe(
      'https://collectivites.ladrome.fr/service/developpement-dune-alimentation-de-proximite/',
    );
    expect(found[0].audiences).toEqual(
      expect.arrayContaining(['associations', 'collectivites', 'particuliers']),
    );
    expect(found[1].aidTypes).toContain('ami');
    expect(found[0].amounts.ratePct).toBeNull();
  });

  itWithSharedData(
    'json mapping: reads the real Île-de-France « guide des aides » records',
    async () => {
      const [source] = parseSources(`- id: idf
  name: IDF
  kind: json
  url: https://example.org/aides
  funder: Région Île-de-France
  territory: [R11]
  mapping:
    externalId: reference
    title: title
    description: [entete, objectif, modalite]
    opensAt: dateOuvertureCampagne
    deadline: dateFinCampagne
    audiences: publicsBeneficiaire.title
`);
      const text = readFileSync(
        sharedDataPath('raw', 'aides-territoires_fixture_ile_de_france_guide_des_aides_api.json'),
        'utf8',
      );
      const found = calls(
        await runSource(source, payloadFetcher(text), undefined, { referenceDate }).collect(),
      );
      expect(found).toHaveLength(3);
      const youth = found.find((c) => c.externalId === 'Skxo55-5N')!;
      expect(youth).toMatchObject({
        title:
          'Soutien régional en investissement pour la protection des jeunes en situation de précarité',
        deadlines: [{ date: '2019-07-08' }],
        opensAt: '2019-06-03',
        status: 'closed',
        funders: ['Région Île-de-France'],
        audiences: ['associations'],
      });
    },
  );

  itWithSharedData(
    'json mapping: reads the real Ministère de la Culture feed, with a French deadline and an envelope',
    async () => {
      const [source] = parseSources(`- id: culture
  name: Culture
  kind: json
  url: https://example.org/culture
  funder: Ministère de la Culture
  mapping: { externalId: id, title: title, url: url, description: [summary, body], deadline: deadline, amount: amount, territory: eztag_region }
`);
      const text = readFileSync(
        sharedDataPath('raw', 'aides-territoires_fixture_ministere_culture_api.json'),
        'utf8',
      );
      const found = calls(
        await runSource(source, payloadFetcher(text), undefined, { referenceDate }).collect(),
      );
      const culturePro = found.find((c) => c.title === 'CulturePro')!;
      expect(culturePro).toMatchObject({
        deadlines: [{ date: '2022-04-15' }],
        amounts: { envelopeCents: 220_000_000 },
        territory: ['FR'],
        status: 'closed',
      });
    },
  );

  it('eu-sedia: POSTs the search, pages by pageNumber and maps statuses and funds', async () => {
    const connectorRun = run('eu-sedia');
    const found = calls(await connectorRun.collect());
    expect(found).toHaveLength(server.calls('sedia').length);
    expect(connectorRun.stats.pages).toBe(2);
    expect(found.find((c) => c.externalId === 'ERASMUS-2027-PCOOP-ENGO')).toMatchObject({
      status: 'open',
      euFund: 'ERASMUS_PLUS',
      deadlines: [{ date: '2027-03-05' }],
      funders: ['Commission européenne'],
    });
    expect(found.find((c) => c.externalId === 'DIGITAL-2027-SKILLS-08')).toMatchObject({
      status: 'forthcoming',
      euFund: 'DIGITAL_EUROPE',
    });
    expect(found.find((c) => c.externalId === 'HORIZON-CL2-2027-TRANSFO-01')).toMatchObject({
      status: 'open',
      euFund: 'HORIZON_EUROPE',
    });
    expect(found.find((c) => c.externalId === 'CERV-2027-CITIZENS-CIV')!.url).toMatch(
      /topic-details\/cerv-2027-citizens-civ$/,
    );
  });

  it('finds the call published on two sources under the same title on both', async () => {
    const html = calls(
      await runSource({ ...sources.html, follow: false }, createTestFetcher(), undefined, {
        referenceDate,
      }).collect(),
    );
    const at = calls(await run('aides-territoires').collect());
    const title = 'Fabriques numériques de territoire : appel à manifestation d’intérêt';
    expect(html.map((c) => c.title)).toContain(title);
    expect(at.find((c) => c.title === title)).toMatchObject({
      deadlines: [{ date: '2027-03-31' }],
    });
  });
});

describe(AidesTerritoiresConnector.name, () => {
  it('reports an aid without a name as an item error and keeps the others', async () => {
    const text = JSON.stringify({
      count: 2,
      next: null,
      results: [
        { id: 1, name: '', origin_url: 'https://x.fr/a' },
        { id: 2, name: 'Aide valide', origin_url: 'https://x.fr/b' },
      ],
    });
    const [source] = parseSources(
      '- { id: at, name: AT, kind: aides-territoires, url: "https://x.fr/api/aids/", funder: AT }',
    );
    const outputs = await runSource(source, payloadFetcher(text), undefined, {
      referenceDate,
    }).collect();
    expect(outputs[0]).toMatchObject({
      kind: 'error',
      scope: 'item',
      code: 'ITEM_WITHOUT_TITLE',
      externalId: '1',
    });
    expect(calls(outputs).map((c) => c.title)).toEqual(['Aide valide']);
  });
});

describe('Aides-territoires field mapping', () => {
  const [source] = parseSources(
    '- { id: at63, name: AT, kind: aides-territoires, url: "https://aides-territoires.beta.gouv.fr/api/aids/", funder: Aides-territoires, territory: ["63"] }',
  );
  const page = (results: unknown[]) =>
    JSON.stringify({ count: results.length, next: null, results });

  it('reads funders and aid types given only as objects, Europe as FR, an EPCI perimeter by its name', async () => {
    const text = page([
      {
        id: 1,
        url: '/aides/a/',
        name: 'Aide européenne',
        financers: null,
        financers_full: [{ id: 7, name: 'Union européenne', logo: null }],
        aid_types: null,
        aid_types_full: [{ id: 1, name: 'Subvention', group: { id: 1, name: 'Aide financière' } }],
        perimeter: 'Europe',
        submission_deadline: '2027-05-01',
        recurrence: 'Ponctuelle',
      },
      {
        id: 2,
        url: '/aides/b/',
        name: 'Aide de la communauté de communes',
        financers: ['Communauté de communes Ambert Livradois Forez'],
        perimeter: 'Communauté de communes Ambert Livradois Forez',
        submission_deadline: null,
        recurrence: 'Permanente',
      },
    ]);
    const [europe, local] = calls(
      await runSource(source, payloadFetcher(text), undefined, { referenceDate }).collect(),
    );
    expect(europe).toMatchObject({
      url: 'https://aides-territoires.beta.gouv.fr/aides/a/',
      funders: ['Union européenne'],
      territory: ['FR'],
      deadlines: [{ date: '2027-05-01' }],
      rolling: false,
    });
    expect(europe.aidTypes).toContain('subvention');
    // An EPCI's name is read from the official geography: the call is for that EPCI only.
    expect(local).toMatchObject({ territory: ['200070761'], rolling: true, deadlines: [] });
  });
});
