import { createTestApp, TestApp } from '@app/testing';
import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import request from 'supertest';
import { createApplication } from '../factories/application.factory';
import { TWO_FUNDER_ACTIVITY, twoFunderApplicationBody } from '../factories/impact.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';

type XlsxInput = Parameters<Workbook['xlsx']['load']>[0];

function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Recomputes a cell from its formula and the values it reads (the few functions the report
 * writes: ROUND, IF, SUM over one column), so the test checks the formulas, not only their
 * cached results.
 */
function evaluate(workbook: Workbook, sheet: Worksheet, ref: string): number | string {
  const cell = sheet.getCell(ref);
  const value = cell.value as CellValue;
  if (value === null || typeof value !== 'object' || !('formula' in value))
    return value as number | string;
  const read = (sheetName: string | undefined, address: string): number => {
    const target = sheetName ? workbook.getWorksheet(sheetName) : sheet;
    return Number(evaluate(workbook, target as Worksheet, address.replace(/\$/g, '')));
  };
  const expression = String(value.formula)
    .replace(/SUM\(([A-Z]+)(\d+):\1(\d+)\)/g, (_m, col: string, a: string, b: string) => {
      const terms = [];
      for (let r = Number(a); r <= Number(b); r++) terms.push(read(undefined, `${col}${r}`));
      return `(${terms.join('+')})`;
    })
    .replace(/'([^']+)'!\$?([A-Z]+)\$?(\d+)/g, (_m, s: string, c: string, r: string) =>
      String(read(s, `${c}${r}`)),
    )
    .replace(/\$?\b([A-Z]{1,2})\$?(\d+)\b/g, (_m, c: string, r: string) =>
      String(read(undefined, `${c}${r}`)),
    )
    .replace(/ROUND\(/g, 'round(')
    .replace(/IF\(/g, 'iff(')
    .replace(/""/g, "''")
    .replace(/([^<>=!])=([^=])/g, '$1===$2');
  const round = (x: number, n: number) => Math.round(x * 10 ** n) / 10 ** n;
  const iff = (c: boolean, a: unknown, b: unknown) => (c ? a : b);
  return new Function('round', 'iff', `return (${expression});`)(round, iff) as number | string;
}

/** The cell of column B (or `column`) on the row whose column A reads `label`. */
function rowOf(sheet: Worksheet, label: string): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (!found && String(row.getCell(1).value) === label) found = n;
  });
  if (!found) throw new Error(`no row "${label}"`);
  return found;
}

describe('Funder’s report (issue 18)', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let other: OrganisationFixture;
  let dossier: { id: string };
  const http = () => request(testApp.app.getHttpServer());
  const as = (org: OrganisationFixture) => ({ Authorization: `Bearer ${org.apiKey}` });
  const entriesOf = async () =>
    (await http().get(`/api/applications/${dossier.id}/activity`).set(as(epn)).expect(200))
      .body as unknown[];

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades' });
    other = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
    dossier = await createApplication(testApp.app, epn.apiKey, twoFunderApplicationBody());
    await http()
      .post(`/api/applications/${dossier.id}/activity`)
      .set(as(epn))
      .send({ entries: TWO_FUNDER_ACTIVITY })
      .expect(201);
  });
  afterAll(() => testApp.close());

  it('lists the catalogue with who asks for each indicator', async () => {
    const response = await http().get('/api/indicators').set(as(epn)).expect(200);
    const employed = response.body.find(
      (i: { key: string }) => i.key === 'job_seekers_employed_6m',
    );
    expect(employed.askedBy.map((a: { programme: string }) => a.programme)).toContain(
      'Indicateur commun de résultat à plus long terme EECR05',
    );
  });

  it('computes the report by hand: money from the treasury, activity, costs and the estimate', async () => {
    const { body } = await http()
      .get(`/api/applications/${dossier.id}/impact-report`)
      .set(as(epn))
      .expect(200);
    // The calendar is pinned to 2026-11-23: payments up to November 2026 are paid.
    expect(body).toMatchObject({
      kind: 'application',
      from: '2026-01',
      to: '2026-12',
      paidThrough: '2026-11',
    });
    expect(body.totalCostCents).toBe(12_000_000);
    expect(body.peopleAccompanied).toBe(163); // 40 + 25 + 98
    expect(body.hours).toBe(1_235); // 700 + 535
    expect(body.costPerPersonCents).toBe(73_620); // 120 000 € / 163 = 736,196… €
    expect(body.costPerHourCents).toBe(9_717); // 120 000 € / 1 235 = 97,165… €
    expect(body.funders).toEqual([
      {
        funder: 'France Travail',
        amountCents: 3_000_000,
        paidCents: 1_500_000, // February 2026
        owedCents: 1_500_000, // February 2027
        shareBasisPoints: 2_500,
        costPerPersonCents: 18_405, // 30 000 / 163 = 184,049… €
        costPerHourCents: 2_429, // 30 000 / 1 235 = 24,291… €
      },
      {
        funder: 'Région Auvergne-Rhône-Alpes',
        amountCents: 6_000_000,
        paidCents: 4_800_000, // March and October 2026
        owedCents: 1_200_000, // March 2027
        shareBasisPoints: 5_000,
        costPerPersonCents: 36_810, // 60 000 / 163 = 368,098… €
        costPerHourCents: 4_858, // 60 000 / 1 235 = 48,582… €
      },
    ]);
    const people = body.indicators.find((i: { key: string }) => i.key === 'people_accompanied');
    expect(people).toMatchObject({ planned: 200, achieved: 163 });
    // The target spread over 12 months: 200 × 1/12 = 16,7 → 17 in January; entries count when they end.
    expect(people.months[0]).toEqual({
      month: '2026-01',
      plannedCumulative: 17,
      achievedCumulative: 0,
    });
    expect(people.months[2]).toEqual({
      month: '2026-03',
      plannedCumulative: 50,
      achievedCumulative: 40,
    });
    expect(people.months[11]).toEqual({
      month: '2026-12',
      plannedCumulative: 200,
      achievedCumulative: 163,
    });
    const [estimate] = body.estimates;
    // 7 people back at work × 3,5 months of search avoided × 1 250 € = 30 625 €.
    expect(estimate).toMatchObject({
      id: 'unemployment_allowance_avoided',
      count: 7,
      totalCents: 3_062_500,
      byFunder: [
        { funder: 'France Travail', attributedCents: 765_625 },
        { funder: 'Région Auvergne-Rhône-Alpes', attributedCents: 1_531_250 },
      ],
    });
    expect(estimate.numbers).toBe(
      '7 personnes × 3,5 mois × 1\u202f250\u00a0€ = 30\u202f625\u00a0€',
    );
    expect(
      body.references.map((r: { id: string; source: { url: string } }) => [r.id, r.source.url]),
    ).toEqual([
      ['are_monthly_average', 'https://statistiques.pole-emploi.org/indem/indempub/209151'],
      [
        'job_search_months_saved',
        'https://www.strategie.gouv.fr/publications/benefices-dune-meilleure-autonomie-numerique',
      ],
    ]);
  });

  it('writes the same figures in the XLSX, as live formulas, to the cent', async () => {
    const { body: report } = await http()
      .get(`/api/applications/${dossier.id}/impact-report`)
      .set(as(epn))
      .expect(200);
    const response = await http()
      .get(`/api/applications/${dossier.id}/impact-report.xlsx`)
      .set(as(epn))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as XlsxInput);
    const sheet = workbook.getWorksheet('Rapport') as Worksheet;
    const cents = (ref: string) => Math.round(Number(evaluate(workbook, sheet, ref)) * 100);
    const cached = (ref: string) => {
      const v = sheet.getCell(ref).value as { result?: number };
      return Math.round(Number(v.result) * 100);
    };
    const total = rowOf(sheet, 'Coût total');
    expect(cents(`D${total}`)).toBe(report.totalCostCents);
    expect(cents(`B${rowOf(sheet, 'Coût total par personne accompagnée')}`)).toBe(
      report.costPerPersonCents,
    );
    expect(cents(`B${rowOf(sheet, 'Coût total par heure d’accompagnement')}`)).toBe(
      report.costPerHourCents,
    );
    for (const funder of report.funders) {
      const r = rowOf(sheet, funder.funder);
      expect(cents(`B${r}`)).toBe(funder.amountCents);
      expect(cents(`C${r}`)).toBe(funder.paidCents);
      expect(cents(`D${r}`)).toBe(funder.owedCents);
      expect(Math.round(Number(evaluate(workbook, sheet, `E${r}`)) * 10_000)).toBe(
        funder.shareBasisPoints,
      );
      for (const [col, field] of [
        ['F', 'costPerPersonCents'],
        ['G', 'costPerHourCents'],
      ] as const) {
        expect(cents(`${col}${r}`)).toBe(funder[field]);
        expect(cached(`${col}${r}`)).toBe(funder[field]);
      }
    }
    const estimate = report.estimates[0];
    const totalRow = rowOf(sheet, 'Estimation totale');
    expect(cents(`B${totalRow}`)).toBe(estimate.totalCents);
    expect(cached(`B${totalRow}`)).toBe(estimate.totalCents);
    for (const part of estimate.byFunder) {
      const r = rowOf(sheet, `dont part attribuable à ${part.funder} (sa part du coût)`);
      expect(cents(`B${r}`)).toBe(part.attributedCents);
      expect(cached(`B${r}`)).toBe(part.attributedCents);
    }
    // The estimate reads its reference values from the Hypothèses sheet: change one, it follows.
    const hypotheses = workbook.getWorksheet('Hypothèses') as Worksheet;
    expect(hypotheses.getCell('G2').value).toContain('allocation chômage');
  });

  it('refuses an unknown indicator, a negative count and a month outside the operation, storing nothing', async () => {
    const before = (await entriesOf()).length;
    const refused = await http()
      .post(`/api/applications/${dossier.id}/activity`)
      .set(as(epn))
      .send({
        entries: [
          { indicator: 'people_accompanied', from: '2026-11', count: 12 },
          { indicator: 'licornes', from: '2026-11', count: 1 },
          { indicator: 'workshops', from: '2026-11', count: -3 },
          { indicator: 'workshops', from: '2027-01', count: 3 },
        ],
      })
      .expect(400);
    expect(refused.body.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'entries[1].indicator',
      'entries[2].count',
      'entries[3].from',
      'entries[3].to',
    ]);
    expect((await entriesOf()).length).toBe(before);
  });

  it('imports a CSV, and a file with a bad line stores nothing and names the line and column', async () => {
    const before = (await entriesOf()).length;
    const bad = await http()
      .post(`/api/applications/${dossier.id}/activity/import`)
      .set(as(epn))
      .send({
        csv: 'indicateur;debut;fin;nombre\nAteliers collectifs;2026-11;;4\npeople_accompanied;2026-11;;-2\n',
      })
      .expect(400);
    expect(bad.body.details.issues).toEqual([
      expect.objectContaining({
        path: 'line[3].count',
        message: 'ligne 3, colonne nombre : ne peut pas être négatif',
      }),
    ]);
    expect((await entriesOf()).length).toBe(before);
    const ok = await http()
      .post(`/api/applications/${dossier.id}/activity/import`)
      .set(as(epn))
      .send({ csv: '\uFEFFindicateur;debut;fin;nombre\r\nAteliers collectifs;2026-11;;4\r\n' })
      .expect(201);
    expect(ok.body).toEqual([
      expect.objectContaining({ indicator: 'workshops', from: '2026-11', to: '2026-11', count: 4 }),
    ]);
  });

  it('refuses a reference value without a source; with one, the report uses it and says so', async () => {
    const owner = as(epn);
    const noSource = await http()
      .put('/api/impact-references/are_monthly_average')
      .set(owner)
      .send({ value: 1310, date: '2025-12-31', population: 'Allocataires du Puy-de-Dôme' })
      .expect(400);
    expect(noSource.body.details.issues.map((i: { path: string }) => i.path)).toEqual(['source']);
    await http()
      .put('/api/impact-references/are_monthly_average')
      .set(owner)
      .send({
        value: 1310,
        date: '2025-12-31',
        population: 'Allocataires du Puy-de-Dôme',
        source: {
          title: 'Tableau de bord départemental',
          publisher: 'France Travail Auvergne-Rhône-Alpes',
          published: '2026-02',
        },
      })
      .expect(200);
    const { body } = await http()
      .get(`/api/applications/${dossier.id}/impact-report`)
      .set(owner)
      .expect(200);
    // 7 × 3,5 × 1 310 € = 32 095 €.
    expect(body.estimates[0].totalCents).toBe(3_209_500);
    expect(body.estimates[0].factors[1]).toMatchObject({
      referenceId: 'are_monthly_average',
      overridden: true,
    });
    expect(body.references[0]).toMatchObject({ id: 'are_monthly_average', overridden: true });
    await http().delete('/api/impact-references/are_monthly_average').set(owner).expect(204);
  });

  it('reports one funder across dossiers and a period', async () => {
    const { body } = await http()
      .get('/api/impact-report')
      .query({ funder: 'france travail', from: '2026-01', to: '2026-06' })
      .set(as(epn))
      .expect(200);
    expect(body).toMatchObject({
      kind: 'funder',
      from: '2026-01',
      to: '2026-06',
      paidThrough: '2026-06',
    });
    expect(body.funders).toEqual([
      expect.objectContaining({
        funder: 'France Travail',
        amountCents: 3_000_000,
        paidCents: 1_500_000,
        owedCents: 1_500_000,
      }),
    ]);
    // Entries ending by June: 40 + 25 people, 700 hours.
    expect(body.peopleAccompanied).toBe(65);
    expect(body.hours).toBe(700);
    const xlsx = await http()
      .get('/api/impact-report.xlsx')
      .query({ funder: 'France Travail', from: '2026-01', to: '2026-06' })
      .set(as(epn))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    await http()
      .get('/api/impact-report')
      .query({ funder: 'France Travail', from: '2026-13', to: '2026-06' })
      .set(as(epn))
      .expect(400);
  });

  it('documents the new routes’ answers in OpenAPI', async () => {
    const docs = (await http().get('/api/docs-json').expect(200)).body;
    const ok = (path: string) =>
      docs.paths[path].get.responses['200'].content['application/json'].schema;
    expect(ok('/api/applications/{id}/impact-report')).toEqual({
      $ref: '#/components/schemas/ImpactReportDto',
    });
    expect(ok('/api/impact-report')).toEqual({ $ref: '#/components/schemas/ImpactReportDto' });
    expect(docs.components.schemas.FunderFiguresDto.required).toEqual(
      expect.arrayContaining(['paidCents', 'owedCents', 'shareBasisPoints']),
    );
    // The application's target keeps its own schema next to the catalogue's indicator.
    expect(docs.components.schemas.IndicatorDto.properties).toHaveProperty('planned');
    expect(docs.components.schemas.CatalogueIndicatorDto.properties).toHaveProperty('askedBy');
  });

  it('answers 404 for another organisation’s dossier, and stores nothing there', async () => {
    await http().get(`/api/applications/${dossier.id}/impact-report`).set(as(other)).expect(404);
    await http()
      .get(`/api/applications/${dossier.id}/impact-report.xlsx`)
      .set(as(other))
      .expect(404);
    await http()
      .post(`/api/applications/${dossier.id}/activity`)
      .set(as(other))
      .send({ entries: [{ indicator: 'workshops', from: '2026-11', count: 1 }] })
      .expect(404);
  });
});
