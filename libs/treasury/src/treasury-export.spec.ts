import { Workbook } from 'exceljs';
import { loadFundingRules } from './funding-rules.loader';
import { treasuryToCsv } from './treasury-csv.exporter';
import { projectTreasury } from './treasury.projector';
import { EURO_FORMAT, treasuryToXlsx } from './treasury-xlsx.exporter';
import type { ApplicationInput } from './treasury.types';

const rules = loadFundingRules();

const fse: ApplicationInput = {
  id: 'fse',
  title: 'Parcours numériques',
  status: 'in_progress',
  operationStart: '2026-01',
  operationEnd: '2026-12',
  totalCostCents: 12_000_000,
  fundingLines: [
    {
      id: 'l1',
      funder: 'DREETS',
      kind: 'FSE_PLUS',
      amountCents: 7_200_000,
      status: 'granted',
      signedAt: '2025-12-15',
    },
    {
      id: 'l2',
      funder: 'Fonds propres',
      kind: 'SELF_FUNDING',
      amountCents: 4_800_000,
      status: 'granted',
    },
  ],
};
// 1 000,01 € over 2026-01…03 (333,33 + 333,33 + 333,35), Région 80 % = 800,00 € in 2026-03, 200,01 € in 2026-07.
const epn: ApplicationInput = {
  id: 'epn',
  title: 'EPN : atelier/seniors',
  status: 'granted',
  operationStart: '2026-01',
  operationEnd: '2026-03',
  totalCostCents: 100_001,
  fundingLines: [
    { id: 'r1', funder: 'Région', kind: 'REGION', amountCents: 100_001, status: 'granted' },
  ],
};

const projection = projectTreasury({
  settings: {
    openingBalanceCents: 5_000_000,
    openingMonth: '2026-01',
    recurring: [],
    minimumCashCents: 0,
  },
  applications: [fse, epn],
  rules,
  from: '2026-01',
  months: 24,
  asOf: '2026-01-05',
});

describe(treasuryToCsv.name, () => {
  it('writes ; separated, comma-decimal euros in UTF-8 with BOM and CRLF', () => {
    const csv = treasuryToCsv(projection);
    expect(csv.startsWith('\uFEFFMois;Solde début;Encaissements;Décaissements;Solde fin\r\n')).toBe(
      true,
    );
    const lines = csv.slice(1).split('\r\n');
    // Jan: 50 000 − 10 000 − 333,33 = 39 666,67.
    expect(lines[1]).toBe('2026-01;50000,00;0,00;10333,33;39666,67');
    expect(lines).toHaveLength(24 + 2); // header, 24 months, and the empty string after the final CRLF
    expect(lines.at(-1)).toBe('');
  });

  it("writes one application's own plan, its balance starting at zero", () => {
    const lines = treasuryToCsv(projection, { applicationId: 'epn' }).slice(1).split('\r\n');
    expect(lines.slice(1, 4)).toEqual([
      '2026-01;0,00;0,00;333,33;-333,33',
      '2026-02;-333,33;0,00;333,33;-666,66',
      '2026-03;-666,66;800,00;333,35;-200,01',
    ]);
    expect(lines[7]).toBe('2026-07;-200,01;200,01;0,00;0,00');
  });
});

describe(treasuryToXlsx.name, () => {
  async function read(buffer: Buffer): Promise<Workbook> {
    const workbook = new Workbook();
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    return workbook;
  }

  it('has a sheet per scope and real formulas for the running balance', async () => {
    const workbook = await read(
      await treasuryToXlsx(projection, { applicationTitles: { epn: 'EPN : atelier/seniors' } }),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Structure',
      'fse',
      'EPN   atelier seniors',
      'Mouvements',
    ]);
    const sheet = workbook.getWorksheet('Structure')!;
    expect(sheet.getCell('B3').value).toBe(50_000);
    expect(sheet.getCell('B4').value).toMatchObject({ formula: 'E3' });
    expect(sheet.getCell('E4').value).toMatchObject({ formula: 'B4+C4-D4' });
    expect(sheet.getCell('E4').numFmt).toBe(EURO_FORMAT);
  });

  it("recalculates, through its own formulas, to the projection's closing balances", async () => {
    const sheet = (await read(await treasuryToXlsx(projection))).getWorksheet('Structure')!;
    // Evaluate the two formulas the way a spreadsheet would, in cents to compare exactly.
    let previousClosing = 0;
    projection.months.forEach((month, i) => {
      const r = 3 + i;
      const openingCell = sheet.getCell(`B${r}`).value;
      const opening =
        typeof openingCell === 'number' ? Math.round(openingCell * 100) : previousClosing;
      const closing =
        opening +
        Math.round((sheet.getCell(`C${r}`).value as number) * 100) -
        Math.round((sheet.getCell(`D${r}`).value as number) * 100);
      expect([sheet.getCell(`A${r}`).value, closing]).toEqual([month.month, month.closingCents]);
      expect((sheet.getCell(`E${r}`).value as { result: number }).result).toBeCloseTo(
        month.closingCents / 100,
        2,
      );
      previousClosing = closing;
    });
  });

  it('lists every movement in the Mouvements sheet', async () => {
    const sheet = (await read(await treasuryToXlsx(projection))).getWorksheet('Mouvements')!;
    const movements = projection.months.reduce((n, m) => n + m.lines.length, 0);
    expect(sheet.rowCount).toBe(movements + 1);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '2026-01',
      'fse',
      '',
      'Dépenses – Parcours numériques',
      undefined,
      10_000,
    ]);
  });

  it('exports a single application on request', async () => {
    const workbook = await read(
      await treasuryToXlsx(projection, { scope: { applicationId: 'epn' } }),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['epn']);
    const sheet = workbook.getWorksheet('epn')!;
    expect(sheet.getCell('E8').value).toEqual({ formula: 'B8+C8-D8', result: -200.01 });
    expect(sheet.getCell('E9').value).toMatchObject({ formula: 'B9+C9-D9' });
  });
});
