import { createTestApp, TestApp } from '@app/testing';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { createApplication, fseApplicationBody } from '../factories/application.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';

type XlsxInput = Parameters<Workbook['xlsx']['load']>[0];

interface Month {
  month: string;
  closingCents: number;
}

/** Collects a binary answer (supertest buffers only text by default). */
function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('Treasury API', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let other: OrganisationFixture;
  let accountantKey: string;
  let fse: { id: string; fundingLines: { id: string; kind: string }[] };
  const http = () => request(testApp.app.getHttpServer());
  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  const window = 'from=2026-01&months=24&asOf=2026-01-05';

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades' });
    other = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
    accountantKey = await epn.addMember('accountant');
  });
  afterAll(() => testApp.close());

  it('starts a new organisation at 0 with no recurring flows', async () => {
    const response = await http().get('/api/treasury/settings').set(as(epn.apiKey)).expect(200);
    expect(response.body).toMatchObject({
      openingBalanceCents: 0,
      recurring: [],
      minimumCashCents: 0,
      version: 0,
      configured: false,
    });
  });

  it('refuses bad settings with the field at fault, and a member may not set them', async () => {
    const bad = await http()
      .put('/api/treasury/settings')
      .set(as(accountantKey))
      .send({
        openingBalanceCents: 0.5,
        openingMonth: '2026-1',
        recurring: [{ label: 'Loyer', direction: 'out', amountCents: -1 }],
      })
      .expect(400);
    expect(bad.body.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['openingBalanceCents', 'openingMonth', 'recurring[0].amountCents']),
    );
    const memberKey = await epn.addMember('member');
    await http()
      .put('/api/treasury/settings')
      .set(as(memberKey))
      .send({ openingBalanceCents: 0, openingMonth: '2026-01' })
      .expect(403);
    const still = await http().get('/api/treasury/settings').set(as(epn.apiKey)).expect(200);
    expect(still.body.configured).toBe(false);
  });

  it('finding 5: years outside 2000–2100 and more than 200 recurring flows are refused, naming the field', async () => {
    const org = await createOrganisation(testApp.app, { name: 'Bornes' });
    const put = (body: Record<string, unknown>) =>
      http().put('/api/treasury/settings').set(as(org.apiKey)).send(body);
    const pathsOf = (response: request.Response) =>
      (response.body.details?.issues ?? []).map((i: { path: string }) => i.path);
    const flow = (i: number) => ({ label: `Flux ${i}`, direction: 'out', amountCents: 100 });

    const ancient = await put({ openingBalanceCents: 0, openingMonth: '0001-01' });
    expect(ancient.status).toBe(400);
    expect(pathsOf(ancient)).toEqual(['openingMonth']);
    const far = await put({
      openingBalanceCents: 0,
      openingMonth: '2026-01',
      recurring: [{ ...flow(0), fromMonth: '1999-12', toMonth: '9999-12' }],
    });
    expect(far.status).toBe(400);
    expect(pathsOf(far)).toEqual(['recurring[0].fromMonth', 'recurring[0].toMonth']);
    const many = await put({
      openingBalanceCents: 0,
      openingMonth: '2000-01',
      recurring: Array.from({ length: 201 }, (_, i) => flow(i)),
    });
    expect(many.status).toBe(400);
    expect(pathsOf(many)).toEqual(['recurring']);
    expect((await http().get('/api/treasury/settings').set(as(org.apiKey))).body.configured).toBe(
      false,
    );

    // The bounds themselves are accepted, and the widest projection they allow is quick.
    await put({
      openingBalanceCents: 0,
      openingMonth: '2000-01',
      recurring: Array.from({ length: 200 }, (_, i) => ({ ...flow(i), toMonth: '2100-12' })),
    }).expect(200);
    const started = Date.now();
    await http()
      .get('/api/treasury?from=2100-01&months=12&lines=false')
      .set(as(org.apiKey))
      .expect(200);
    expect(Date.now() - started).toBeLessThan(2_000);

    for (const [query, name] of [
      ['from=9999-01&months=120', 'from'],
      ['from=1999-12', 'from'],
      ['months=121', 'months'],
      ['asOf=0001-01-01', 'asOf'],
    ]) {
      const response = await http().get(`/api/treasury?${query}`).set(as(org.apiKey));
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(response.body)).toContain(name);
    }

    const application = await http()
      .post('/api/applications')
      .set(as(org.apiKey))
      .send(
        fseApplicationBody({
          operationStart: '0001-01',
          operationEnd: '9999-12',
          fundingLines: [
            {
              funder: 'Département',
              kind: 'FSE_PLUS',
              amountCents: 7_200_000,
              status: 'granted',
              signedAt: '2999-12-15',
            },
          ],
        }),
      );
    expect(application.status).toBe(400);
    expect(pathsOf(application)).toEqual(
      expect.arrayContaining(['operationStart', 'operationEnd', 'fundingLines[0].signedAt']),
    );
    const stored = await createApplication(testApp.app, org.apiKey, fseApplicationBody());
    const moved = await http()
      .post(`/api/applications/${stored.id}/status`)
      .set(as(org.apiKey))
      .send({ status: 'submitted', at: '1900-01-01' });
    expect(moved.status).toBe(400);
    expect(pathsOf(moved)).toEqual(['at']);
  });

  it('lets the accountant set the opening balance, and refuses a stale settings edit', async () => {
    const saved = await http()
      .put('/api/treasury/settings')
      .set(as(accountantKey))
      .send({
        openingBalanceCents: 5_000_000,
        openingMonth: '2026-01',
        recurring: [],
        minimumCashCents: 0,
        version: 0,
      })
      .expect(200);
    expect(saved.body).toMatchObject({
      openingBalanceCents: 5_000_000,
      version: 1,
      configured: true,
    });
    const stale = await http()
      .put('/api/treasury/settings')
      .set({ ...as(epn.apiKey), 'If-Match': '"0"' })
      .send({ openingBalanceCents: 1, openingMonth: '2026-01' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const current = await http().get('/api/treasury/settings').set(as(epn.apiKey)).expect(200);
    expect(current.body.openingBalanceCents).toBe(5_000_000);
  });

  it('shows the month the FSE+ 120 k€ operation turns the cash negative and the peak need, to the cent', async () => {
    fse = (await createApplication(
      testApp.app,
      epn.apiKey,
      fseApplicationBody(),
    )) as unknown as typeof fse;
    const response = await http().get(`/api/treasury?${window}`).set(as(epn.apiKey)).expect(200);
    const closings = Object.fromEntries(
      response.body.months.map((m: Month) => [m.month, m.closingCents]),
    );
    // The library's hand computation: opening 50 000 €, 10 000 €/month, advance 21 600 € in
    // 2026-02, balance 50 400 € in 2027-09.
    expect(closings).toMatchObject({
      '2026-01': 4_000_000,
      '2026-02': 5_160_000,
      '2026-07': 160_000,
      '2026-08': -840_000,
      '2026-12': -4_840_000,
      '2027-08': -4_840_000,
      '2027-09': 200_000,
      '2027-12': 200_000,
    });
    expect(response.body.peakNeed).toEqual({ month: '2026-12', amountCents: 4_840_000 });
    expect(Object.keys(response.body).sort()).toEqual(['months', 'peakNeed', 'warnings']);
    expect(Object.keys(response.body.months[0]).sort()).toEqual([
      'closingCents',
      'inflowsCents',
      'lines',
      'month',
      'openingCents',
      'outflowsCents',
    ]);
    const negative = response.body.warnings.find(
      (w: { code: string }) => w.code === 'CASH_NEGATIVE',
    );
    expect(negative).toMatchObject({
      severity: 'critical',
      month: '2026-08',
      amountCents: 4_840_000,
      applicationId: null,
    });
    const fseLine = fse.fundingLines.find((l) => l.kind === 'FSE_PLUS') as { id: string };
    const prefinancing = response.body.warnings.find(
      (w: { code: string }) => w.code === 'EU_PREFINANCING',
    );
    expect(prefinancing).toMatchObject({
      applicationId: fse.id,
      fundingLineId: fseLine.id,
      month: '2026-12',
      amountCents: 5_040_000,
    });
    const advance = response.body.months[1].lines.find(
      (l: { direction: string }) => l.direction === 'in',
    );
    expect(advance).toMatchObject({
      applicationId: fse.id,
      fundingLineId: fseLine.id,
      amountCents: 2_160_000,
    });
  });

  it('answers 304 while nothing changed, and shows a change at once', async () => {
    const first = await http().get(`/api/treasury?${window}`).set(as(epn.apiKey)).expect(200);
    await http()
      .get(`/api/treasury?${window}`)
      .set({ ...as(epn.apiKey), 'If-None-Match': first.headers.etag })
      .expect(304);
    const fseLine = fse.fundingLines.find((l) => l.kind === 'FSE_PLUS') as { id: string };
    await http()
      .patch(`/api/applications/${fse.id}/funding-lines/${fseLine.id}`)
      .set(as(accountantKey))
      .send({ schedule: { advancePct: 50 } })
      .expect(200);
    const changed = await http().get(`/api/treasury?${window}`).set(as(epn.apiKey)).expect(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    // 50 % of 72 000 € = 36 000 € in 2026-02 instead of 21 600 €.
    expect(changed.body.months[1].closingCents).toBe(5_160_000 + 1_440_000);
    await http()
      .patch(`/api/applications/${fse.id}/funding-lines/${fseLine.id}`)
      .set(as(accountantKey))
      .send({ schedule: null })
      .expect(200);
    const restored = await http().get(`/api/treasury?${window}`).set(as(epn.apiKey)).expect(200);
    expect(restored.body.months[1].closingCents).toBe(5_160_000);
  });

  it('pushes the FSE+ balance later in the stress scenario', async () => {
    const response = await http()
      .get(`/api/treasury?${window}&scenario=stress`)
      .set(as(epn.apiKey))
      .expect(200);
    const closings = Object.fromEntries(
      response.body.months.map((m: Month) => [m.month, m.closingCents]),
    );
    expect(closings['2027-09']).toBeLessThan(0);
    await http().get(`/api/treasury?${window}&scenario=panic`).set(as(epn.apiKey)).expect(400);
  });

  it.each([
    ['from=2026-13', 'from'],
    ['from=2026-01&months=0', 'months'],
    ['from=2026-01&months=121', 'months'],
    ['from=2025-06', 'from'],
  ])('refuses the range %s with 400 naming %s', async (query, field) => {
    const response = await http().get(`/api/treasury?${query}`).set(as(epn.apiKey)).expect(400);
    expect(response.body.message).toContain(field);
  });

  it('exports an XLSX that reads back with the same closing balances as the JSON', async () => {
    const json = await http().get(`/api/treasury?${window}`).set(as(epn.apiKey)).expect(200);
    const response = await http()
      .get(`/api/treasury/export.xlsx?${window}`)
      .set(as(epn.apiKey))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="tresorerie-2026-01-24-mois\.xlsx"/,
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as XlsxInput);
    const sheet = workbook.getWorksheet('Structure');
    if (!sheet) throw new Error('no Structure sheet');
    const fromSheet = json.body.months.map((_m: Month, i: number) => {
      const cell = sheet.getCell(`E${3 + i}`).value as { formula: string; result: number };
      expect(cell.formula).toBe(`B${3 + i}+C${3 + i}-D${3 + i}`);
      return Math.round(cell.result * 100);
    });
    expect(fromSheet).toEqual(json.body.months.map((m: Month) => m.closingCents));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Parcours/), 'Mouvements']),
    );
  });

  it('exports the CSV as French spreadsheets open it', async () => {
    const response = await http()
      .get(`/api/treasury/export.csv?${window}`)
      .set(as(epn.apiKey))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('.csv');
    const text = (response.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('2026-08;1600,00;0,00;10000,00;-8400,00');
  });

  it('exports one application’s own plan', async () => {
    const response = await http()
      .get(`/api/applications/${fse.id}/treasury.csv?from=2026-01&months=24`)
      .set(as(epn.apiKey))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-disposition']).toMatch(
      /filename="tresorerie-parcours-numeriques-vers-l-emploi-\d+\.csv"/,
    );
    const text = (response.body as Buffer).toString('utf8');
    // From a zero balance: −10 000 € in January, then the advance of 21 600 € in February.
    expect(text).toContain('2026-01;0,00;0,00;10000,00;-10000,00');
    expect(text).toContain('2026-02;-10000,00;21600,00;10000,00;1600,00');
    const xlsx = await http()
      .get(`/api/applications/${fse.id}/treasury.xlsx`)
      .set(as(epn.apiKey))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as XlsxInput);
    expect(workbook.worksheets).toHaveLength(1);
  });

  it('never shows A’s money to B: projection, exports and settings', async () => {
    const projection = await http()
      .get(`/api/treasury?${window}`)
      .set(as(other.apiKey))
      .expect(200);
    expect(
      projection.body.months.every(
        (m: Month & { lines: unknown[] }) => m.lines.length === 0 && m.closingCents === 0,
      ),
    ).toBe(true);
    expect(projection.body.warnings).toEqual([]);
    const csv = await http()
      .get(`/api/treasury/export.csv?${window}`)
      .set(as(other.apiKey))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((csv.body as Buffer).toString('utf8')).not.toContain('-8400');
    const xlsx = await http()
      .get(`/api/treasury/export.xlsx?${window}`)
      .set(as(other.apiKey))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as XlsxInput);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Structure', 'Mouvements']);
    const settings = await http().get('/api/treasury/settings').set(as(other.apiKey)).expect(200);
    expect(settings.body.openingBalanceCents).toBe(0);
  });
});
