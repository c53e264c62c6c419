import { createTestApp, TestApp } from '@app/testing';
import request from 'supertest';
import { createApplication } from '../factories/application.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser } from '../factories/user.factory';
import { WebClient } from '../support/web-client.util';

interface MonthRow {
  month: string;
  closingCents: number;
  lines: { fundingLineId: string | null; direction: string; amountCents: number; label: string }[];
}
interface Warning {
  code: string;
  month: string | null;
  amountCents: number | null;
  fundingLineId: string | null;
  message: string;
}
interface Projection {
  months: MonthRow[];
  warnings: Warning[];
}
type Stored = { id: string; version: number; fundingLines: { id: string; kind: string }[] };

/** formatEuros separates thousands with a narrow no-break space: read as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/**
 * Issue 21, every figure computed by hand below: the EU money of a claim follows the co-financers'
 * payments (LEADER), per-line instruction delays, FEDER and Interreg claims, bridge warnings that
 * tell the truth. Each application's own plan starts from a zero balance in `from`.
 */
describe('Treasury: claims, matching and delays (issue 21)', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  const http = () => request(testApp.app.getHttpServer());
  const as = (key: string) => ({ Authorization: `Bearer ${key}` });

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'Tiers-lieu des Combrailles' });
  });
  afterAll(() => testApp.close());

  /** The application as the API stored it, with its lines' ids. */
  async function store(body: Parameters<typeof createApplication>[2]): Promise<Stored> {
    return (await createApplication(testApp.app, epn.apiKey, body)) as unknown as Stored;
  }

  async function plan(id: string, query = 'from=2026-01&months=36'): Promise<Projection> {
    const response = await http()
      .get(`/api/applications/${id}/treasury?${query}`)
      .set(as(epn.apiKey))
      .expect(200);
    return response.body as Projection;
  }

  /** "YYYY-MM amount" of the line's inflows, in month order. */
  function inflows(projection: Projection, lineId: string): string[] {
    return projection.months.flatMap((m) =>
      m.lines
        .filter((l) => l.fundingLineId === lineId && l.direction === 'in')
        .map((l) => `${m.month} ${l.amountCents}`),
    );
  }

  function closings(projection: Projection): Record<string, number> {
    return Object.fromEntries(projection.months.map((m) => [m.month, m.closingCents]));
  }

  /**
   * 60 000 € spent evenly March–December 2026 (6 000 €/month). FEADER 38 400 € (64 %, via the GAL),
   * Département 9 600 € (1 € national for 4 € FEADER) paid 1 000 € in June 2026 and 8 600 € in
   * June 2027 (the convention's dates), own funds 12 000 € (already in the bank: no movement).
   * Interim claim filed 15 October 2026 for March–September: 7 × 6 000 = 42 000 € of expenses.
   */
  function leaderBody(title: string): Record<string, unknown> {
    return {
      title,
      status: 'in_progress',
      operationStart: '2026-03',
      operationEnd: '2026-12',
      totalCostCents: 6_000_000,
      fundingLines: [
        {
          funder: 'GAL Combrailles',
          kind: 'FEADER_LEADER',
          amountCents: 3_840_000,
          status: 'granted',
          claims: [{ filedOn: '2026-10-15', periodStart: '2026-03', periodEnd: '2026-09' }],
        },
        {
          funder: 'Département du Puy-de-Dôme',
          kind: 'DEPARTMENT',
          amountCents: 960_000,
          status: 'granted',
          schedule: {
            payments: [
              { month: '2026-06', amountCents: 100_000 },
              { month: '2027-06', amountCents: 860_000 },
            ],
          },
        },
        {
          funder: 'Fonds propres',
          kind: 'SELF_FUNDING',
          amountCents: 1_200_000,
          status: 'granted',
        },
      ],
    };
  }

  it('LEADER with partial co-financing: the interim claim brings 4 000 €, not 26 880 €; the rest moves to the balance', async () => {
    const app = await store(leaderBody('LEADER cofinancement partiel'));
    const [feader] = app.fundingLines;
    expect(app.fundingLines[0]).toMatchObject({
      claims: [{ filedOn: '2026-10-15', periodStart: '2026-03', periodEnd: '2026-09' }],
    });
    const projection = await plan(app.id);
    // Claim asks 38 400 × 42 000 / 60 000 = 26 880 €. Paid by October: the Département's 1 000 €
    // → at most 4 × 1 000 = 4 000 €, paid 2026-10 + 11 months (instruction 9 + ASP 2) = 2027-09.
    // Balance 38 400 − 4 000 = 34 400 € in max(end 2026-12 + 14 = 2028-02,
    // last co-financer payment 2027-06 + 11 = 2028-05) = 2028-05.
    expect(inflows(projection, feader.id)).toEqual(['2027-09 400000', '2028-05 3440000']);
    // From 0: −6 000 €/month from March; +1 000 € in June 2026; −59 000 € after December;
    // +8 600 € in June 2027 → −50 400 €; +4 000 € → −46 400 €; +34 400 € → −12 000 € (own funds).
    expect(closings(projection)).toMatchObject({
      '2026-03': -600_000,
      '2026-06': -2_300_000,
      '2026-12': -5_900_000,
      '2027-06': -5_040_000,
      '2027-09': -4_640_000,
      '2028-04': -4_640_000,
      '2028-05': -1_200_000,
    });
    const unmatched = projection.warnings.find((w) => w.code === 'CLAIM_UNMATCHED') as Warning;
    // 26 880 − 4 000 = 22 880 € wait for 22 880 / 4 = 5 720 € of national money: June 2027's.
    expect(unmatched).toMatchObject({
      fundingLineId: feader.id,
      month: '2026-10',
      amountCents: 2_288_000,
    });
    expect(plain(unmatched.message)).toContain(
      'la demande de paiement déposée le 15 octobre 2026 ne peut pas appeler 22 880 €',
    );
    expect(plain(unmatched.message)).toContain(
      'Le versement de « Département du Puy-de-Dôme » attendu en juin 2027 la débloque (5 720 € de cofinancement national payé nécessaires)',
    );
    // The plan has an interim claim: rule 2 must not tell it to ask for an interim report.
    const single = projection.warnings.find((w) => w.code === 'SINGLE_FINAL_PAYMENT') as Warning;
    expect(single.fundingLineId).toBe(feader.id);
    expect(single.message).not.toContain('bilan intermédiaire');
    expect(single.message).toContain('malgré la demande de paiement intermédiaire prévue');
    // The CSV export reads the same months as the page.
    const csv = await http()
      .get(`/api/applications/${app.id}/treasury.csv?from=2026-01&months=36`)
      .set(as(epn.apiKey))
      .expect(200);
    expect(csv.text).toContain('2027-09;-50400,00;4000,00;0,00;-46400,00');
    expect(csv.text).toContain('2028-05;-46400,00;34400,00;0,00;-12000,00');
  });

  it('a second claim proving the co-financer’s later payment gets the rest, dated from that proof; stress too', async () => {
    const body = leaderBody('LEADER deux demandes');
    const lines = body.fundingLines as Record<string, unknown>[];
    lines[0].claims = [
      { filedOn: '2026-10-15', periodStart: '2026-03', periodEnd: '2026-09' },
      {
        filedOn: '2027-02-10',
        periodStart: '2026-10',
        periodEnd: '2026-12',
        cofinancing: [{ line: 1, month: '2027-06' }],
      },
    ];
    const app = await store(body);
    const [feader] = app.fundingLines;
    // Second claim: 38 400 × 18 000 / 60 000 = 11 520 € + 22 880 € carried = 34 400 €; proofs
    // 1 000 + 8 600 = 9 600 € → 38 400 € matched, minus 4 000 € drawn = 34 400 €: all of it, paid
    // from the later of filing (2027-02) and proof (2027-06) + 11 = 2028-05. No balance left.
    expect(inflows(await plan(app.id), feader.id)).toEqual(['2027-09 400000', '2028-05 3440000']);
    // Stress: 30 months of instruction and 5 % removed by controls. First claim asks
    // 38 400 × 39 900 / 60 000 = 25 536 €, matched 4 000 € → 2026-10 + 30 = 2029-04. Second:
    // 38 400 × 17 100 / 60 000 = 10 944 € + 21 536 € = 32 480 € (= 38 400 × 57 000 / 60 000 − 4 000)
    // → 2027-06 + 30 = 2029-12.
    const stress = await plan(app.id, 'from=2026-01&months=48&scenario=stress');
    expect(inflows(stress, feader.id)).toEqual(['2029-04 400000', '2029-12 3248000']);
  });

  it('takes the instruction delay the convention announces for the line, defaulting to the rules file', async () => {
    const app = await store(leaderBody('LEADER délai de la convention'));
    const [feader] = app.fundingLines;
    await http()
      .patch(`/api/applications/${app.id}/funding-lines/${feader.id}`)
      .set(as(epn.apiKey))
      .send({ schedule: { claimDelayMonths: 6 } })
      .expect(200);
    // 2026-10 + 6 = 2027-04; balance max(2026-12 + 14 = 2028-02, 2027-06 + 6 = 2027-12) = 2028-02.
    expect(inflows(await plan(app.id), feader.id)).toEqual(['2027-04 400000', '2028-02 3440000']);
  });

  it('FEDER with an interim claim; a 17-month negative spell says the Dailly is too short and sizes the bridge', async () => {
    // 120 000 € spent evenly over 2026 (10 000 €/month). FEDER 72 000 € (60 %), another funder
    // 48 000 € paid at the end (OTHER: all 3 months after the end). Claim filed 10 July 2026
    // presenting 45 000 € of January–June → 72 000 × 45 000 / 120 000 = 27 000 €, paid
    // 2026-07 + 3 = 2026-10 (≤ 80 days, CPR Art. 74). Balance 72 000 − 27 000 = 45 000 € in
    // 2026-12 + 6 = 2027-06; OTHER's 48 000 € in 2027-03.
    const app = await store({
      title: 'Fablab FEDER',
      status: 'in_progress',
      operationStart: '2026-01',
      operationEnd: '2026-12',
      totalCostCents: 12_000_000,
      euArea: 'mainland',
      fundingLines: [
        {
          funder: 'Région Auvergne-Rhône-Alpes (FEDER)',
          kind: 'FEDER',
          amountCents: 7_200_000,
          status: 'granted',
          claims: [
            {
              filedOn: '2026-07-10',
              periodStart: '2026-01',
              periodEnd: '2026-06',
              expensesCents: 4_500_000,
            },
          ],
        },
        { funder: 'Mécène local', kind: 'OTHER', amountCents: 4_800_000, status: 'granted' },
      ],
    });
    const projection = await plan(app.id);
    expect(inflows(projection, app.fundingLines[0].id)).toEqual([
      '2026-10 2700000',
      '2027-06 4500000',
    ]);
    // −10 000 €/month; +27 000 € in October → −93 000 € in December (the low point);
    // +48 000 € in March 2027 → −45 000 €; +45 000 € in June 2027 → 0.
    // Negative from January 2026 to May 2027: 17 months.
    expect(closings(projection)).toMatchObject({
      '2026-01': -1_000_000,
      '2026-09': -9_000_000,
      '2026-10': -7_300_000,
      '2026-12': -9_300_000,
      '2027-03': -4_500_000,
      '2027-05': -4_500_000,
      '2027-06': 0,
    });
    const negative = projection.warnings.find((w) => w.code === 'CASH_NEGATIVE') as Warning;
    expect(negative).toMatchObject({ month: '2026-01', amountCents: 9_300_000 });
    expect(plain(negative.message)).toContain(
      'pendant 17 mois et descend à −93 000 € en décembre 2026 : c’est plus long qu’un relais de subvention Dailly (12 mois au plus)',
    );
    const bridge = projection.warnings.find((w) => w.code === 'BRIDGE_TOO_SHORT') as Warning;
    expect(bridge).toMatchObject({ month: '2026-01', amountCents: 9_300_000, fundingLineId: null });
    expect(plain(bridge.message)).toContain(
      'La trésorerie reste négative 17 mois, entre janvier 2026 et mai 2027',
    );
    expect(plain(bridge.message)).toContain('Il faut un relais d’au moins 93 000 € sur 17 mois');
    // Only the products long enough are offered: Relève Solidaire (18 months), not the Dailly.
    expect(bridge.message).toContain('Relève Solidaire (France Active) (jusqu’à 18 mois)');
    expect(bridge.message).not.toContain('Dailly (jusqu’à');
  });

  it('Interreg: no advance, each partner report paid through the lead partner', async () => {
    // 120 000 € over 2026, Interreg 96 000 € (80 %), own funds 24 000 €. Report 1 filed 20 July
    // for January–June (60 000 € → 48 000 €): FLC + ≤ 80 days 4 months, lead partner transfer 1 →
    // 2026-12. Report 2 planned 25 January 2027 for July–December → 48 000 € in 2027-06.
    const app = await store({
      title: 'Coopération transfrontalière',
      status: 'in_progress',
      operationStart: '2026-01',
      operationEnd: '2026-12',
      totalCostCents: 12_000_000,
      fundingLines: [
        {
          funder: 'Interreg France-Suisse (chef de file : Canton de Genève)',
          kind: 'INTERREG',
          amountCents: 9_600_000,
          status: 'granted',
          claims: [
            { filedOn: '2026-07-20', periodStart: '2026-01', periodEnd: '2026-06' },
            { filedOn: '2027-01-25', planned: true, periodStart: '2026-07', periodEnd: '2026-12' },
          ],
        },
        {
          funder: 'Fonds propres',
          kind: 'SELF_FUNDING',
          amountCents: 2_400_000,
          status: 'granted',
        },
      ],
    });
    const projection = await plan(app.id);
    expect(inflows(projection, app.fundingLines[0].id)).toEqual([
      '2026-12 4800000',
      '2027-06 4800000',
    ]);
    // Nothing comes in before December: −110 000 € in November, −72 000 € in December,
    // −24 000 € (the own funds) from June 2027.
    expect(closings(projection)).toMatchObject({
      '2026-11': -11_000_000,
      '2026-12': -7_200_000,
      '2027-06': -2_400_000,
    });
    // Stress: 7 + 1 months, 5 % removed: 96 000 × 57 000 / 120 000 = 45 600 € each.
    const stress = await plan(app.id, 'from=2026-01&months=36&scenario=stress');
    expect(inflows(stress, app.fundingLines[0].id)).toEqual(['2027-03 4560000', '2027-09 4560000']);
  });

  it('refuses a claim before the start, above its period’s expenses, or on a fund with no matching rule, storing nothing', async () => {
    const count = async () =>
      ((await http().get('/api/applications').set(as(epn.apiKey)).expect(200)).body as unknown[])
        .length;
    const before = await count();
    const post = async (mutate: (lines: Record<string, unknown>[]) => void) => {
      const body = leaderBody('Refusé');
      mutate(body.fundingLines as Record<string, unknown>[]);
      const response = await http()
        .post('/api/applications')
        .set(as(epn.apiKey))
        .send(body)
        .expect(400);
      return (response.body.details.issues as { path: string; code: string }[]).map(
        (i) => `${i.path} ${i.code}`,
      );
    };
    expect(
      await post((lines) => {
        lines[0].claims = [{ filedOn: '2026-02-27', periodStart: '2026-03', periodEnd: '2026-03' }];
      }),
    ).toEqual(['fundingLines[0].claims[0].filedOn CLAIM_BEFORE_START']);
    expect(
      await post((lines) => {
        // March–September holds 42 000 € of expenses.
        lines[0].claims = [
          {
            filedOn: '2026-10-15',
            periodStart: '2026-03',
            periodEnd: '2026-09',
            expensesCents: 4_200_001,
          },
        ];
      }),
    ).toEqual(['fundingLines[0].claims[0].expensesCents CLAIM_ABOVE_EXPENSES']);
    expect(
      await post((lines) => {
        lines[1].claims = [{ filedOn: '2026-10-15', periodStart: '2026-03', periodEnd: '2026-09' }];
      }),
    ).toEqual(['fundingLines[1].claims NO_MATCHING_RULE']);
    expect(await count()).toBe(before);
    // On a stored line, the path is the line body's.
    const app = await store(leaderBody('LEADER édition refusée'));
    const refused = await http()
      .patch(`/api/applications/${app.id}/funding-lines/${app.fundingLines[0].id}`)
      .set(as(epn.apiKey))
      .send({ claims: [{ filedOn: '2026-01-05', periodStart: '2026-03', periodEnd: '2026-04' }] })
      .expect(400);
    expect(refused.body.details.issues[0].path).toBe('claims[0].filedOn');
    const stored = await http().get(`/api/applications/${app.id}`).set(as(epn.apiKey)).expect(200);
    expect(stored.body.fundingLines[0].claims).toEqual([
      { filedOn: '2026-10-15', periodStart: '2026-03', periodEnd: '2026-09' },
    ]);
  });

  it('the dossier page’s line form enters claims and the convention’s delay, and shows a refusal next to the field', async () => {
    const app = await store(leaderBody('LEADER saisi en ligne'));
    const [feader] = app.fundingLines;
    const client = new WebClient(testApp);
    await client.signIn(await createWebUser(testApp.app, epn.organisationId, 'owner'));
    const page = await client.get(`/dossiers/${app.id}/lignes/${feader.id}`);
    // The stored claim, as the user would type it.
    expect(page.text).toContain('2026-10-15 : 2026-03 à 2026-09</textarea>');
    const form = {
      type: 'FEADER_LEADER',
      financeur: 'GAL Combrailles',
      montant: '38400',
      statut: 'granted',
      demandes:
        '2026-10-15 : 2026-03 à 2026-09\n2027-02-10 : 2026-10 à 2026-12 (prévue) ; cofinancement : L2 2027-06',
      delai: '6',
      version: String(app.version),
    };
    const refused = await client.post(`/dossiers/${app.id}/lignes/${feader.id}`, {
      ...form,
      demandes: '2026-02-01 : 2026-03 à 2026-09',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(
      /id="ligne-demandes-error">.*La demande de paiement est datée d’avant le début de l’opération/,
    );
    const saved = await client.post(`/dossiers/${app.id}/lignes/${feader.id}`, form);
    expect(saved.status).toBe(303);
    // 2026-10 + 6 = 2027-04 (4 000 €); the second claim, from its proof 2027-06 + 6 = 2027-12.
    expect(inflows(await plan(app.id), feader.id)).toEqual(['2027-04 400000', '2027-12 3440000']);
    // The dossier page reads the same plan: the line says it has claims and whose delay applies,
    // its schedule lists the two interim payments, and the matching warning is shown.
    const detail = plain((await client.get(`/dossiers/${app.id}`)).text)
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(detail).toContain('2 demandes de paiement (délai de 6 mois, convention)');
    expect(detail).toContain(
      'GAL Combrailles Versement : Acompte Mois : avril 2027 Montant : 4 000 €',
    );
    expect(detail).toContain(
      'GAL Combrailles Versement : Acompte Mois : décembre 2027 Montant : 34 400 €',
    );
    expect(detail).toContain('ne peut pas appeler 22 880 €');
  });
});
