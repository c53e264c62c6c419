import { EURO_FORMAT } from '@app/treasury';
import { Workbook, type Cell, type Worksheet } from 'exceljs';
import type { ImpactReport } from './impact-report.types';

const PERCENT_FORMAT = '0.00 %';
const HYPOTHESES = 'Hypothèses';

/**
 * The funder's report as a workbook whose ratios are live formulas (shares, costs per person and
 * per hour, estimates = count × reference values, each funder's part) over the figures and the
 * reference values, so a funder can change an assumption and see the estimate follow. Cached
 * results are written too, equal to the JSON report to the cent.
 */
export async function impactReportToXlsx(report: ImpactReport): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Vigie';
  const sheet = workbook.addWorksheet('Rapport', { views: [{ state: 'frozen', ySplit: 1 }] });
  const hypotheses = workbook.addWorksheet(HYPOTHESES);
  const referenceRow = addHypotheses(hypotheses, report);
  [44, 18, 18, 18, 18, 18, 18].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  let r = 1;
  const put = (ref: string, value: Cell['value'], format?: string) => {
    const cell = sheet.getCell(ref);
    cell.value = value;
    if (format) cell.numFmt = format;
    return cell;
  };
  const heading = (text: string) => {
    r += 1;
    put(`A${r}`, text).font = { bold: true, size: 12 };
    r += 1;
  };
  put('A1', `Rapport financeur – ${report.title}`).font = { bold: true, size: 14 };
  put(
    'A2',
    `Période : ${report.from} à ${report.to} ; versements comptés jusqu’à ${report.paidThrough} inclus`,
  );
  put(
    'A3',
    'Les gains sont des estimations : chaque hypothèse et sa source sont dans la feuille « Hypothèses ».',
  );
  r = 4;

  heading('Dossiers');
  sheet.getRow(r).values = ['Dossier', 'Début', 'Fin', 'Coût total'];
  sheet.getRow(r).font = { bold: true };
  const firstApp = r + 1;
  for (const app of report.applications) {
    r += 1;
    sheet.getRow(r).values = [
      app.title,
      app.operationStart,
      app.operationEnd,
      euros(app.totalCostCents),
    ];
    sheet.getCell(`D${r}`).numFmt = EURO_FORMAT;
  }
  r += 1;
  const total = `$D$${r}`;
  put(`A${r}`, 'Coût total').font = { bold: true };
  put(
    `D${r}`,
    { formula: `SUM(D${firstApp}:D${r - 1})`, result: euros(report.totalCostCents) },
    EURO_FORMAT,
  );

  heading('Activité');
  put(`A${r}`, 'Personnes accompagnées');
  put(`B${r}`, report.peopleAccompanied);
  const people = `$B$${r}`;
  r += 1;
  put(`A${r}`, 'Heures d’accompagnement');
  put(`B${r}`, report.hours);
  const hours = `$B$${r}`;
  r += 1;
  put(`A${r}`, 'Coût total par personne accompagnée');
  put(`B${r}`, perUnit(total, people, report.costPerPersonCents), EURO_FORMAT);
  r += 1;
  put(`A${r}`, 'Coût total par heure d’accompagnement');
  put(`B${r}`, perUnit(total, hours, report.costPerHourCents), EURO_FORMAT);

  heading('Financeurs');
  sheet.getRow(r).values = [
    'Financeur',
    'Montant engagé',
    `Versé à fin ${report.paidThrough}`,
    'Reste à verser',
    'Part du coût total',
    'Coût par personne',
    'Coût par heure',
  ];
  sheet.getRow(r).font = { bold: true };
  const funderRow = new Map<string, number>();
  for (const f of report.funders) {
    r += 1;
    funderRow.set(f.funder, r);
    put(`A${r}`, f.funder);
    put(`B${r}`, euros(f.amountCents), EURO_FORMAT);
    put(`C${r}`, euros(f.paidCents), EURO_FORMAT);
    put(`D${r}`, euros(f.owedCents), EURO_FORMAT);
    put(
      `E${r}`,
      { formula: `IF(${total}>0,ROUND(B${r}/${total},4),0)`, result: f.shareBasisPoints / 10_000 },
      PERCENT_FORMAT,
    );
    put(`F${r}`, perUnit(`B${r}`, people, f.costPerPersonCents), EURO_FORMAT);
    put(`G${r}`, perUnit(`B${r}`, hours, f.costPerHourCents), EURO_FORMAT);
  }

  heading('Indicateurs');
  sheet.getRow(r).values = ['Indicateur', 'Unité', 'Prévu', 'Réalisé', 'Taux de réalisation'];
  sheet.getRow(r).font = { bold: true };
  const indicatorRow = new Map<string, number>();
  for (const i of report.indicators) {
    r += 1;
    indicatorRow.set(i.key, r);
    sheet.getRow(r).values = [i.label, i.unit, i.planned, i.achieved];
    if (i.planned !== null && i.planned > 0)
      put(`E${r}`, { formula: `D${r}/C${r}`, result: i.achieved / i.planned }, PERCENT_FORMAT);
  }

  heading('Estimations de gain (hypothèses : feuille « Hypothèses »)');
  for (const e of report.estimates) {
    put(`A${r}`, `${e.label} – estimation`).font = { bold: true };
    put(`B${r}`, `Bénéficiaire : ${e.beneficiary}`);
    r += 1;
    put(`A${r}`, `Formule : ${e.words}`);
    r += 1;
    put(`A${r}`, e.indicatorLabel);
    put(`B${r}`, { formula: `D${indicatorRow.get(e.indicator)}`, result: e.count });
    const terms = [`B${r}`];
    e.factors.forEach((f) => {
      r += 1;
      const row = referenceRow.get(f.referenceId) as number;
      put(`A${r}`, `${f.label} (${f.unit})`);
      put(
        `B${r}`,
        { formula: `'${HYPOTHESES}'!C${row}`, result: f.value },
        f.money ? EURO_FORMAT : undefined,
      );
      terms.push(`B${r}`);
    });
    r += 1;
    put(`A${r}`, 'Estimation totale').font = { bold: true };
    put(
      `B${r}`,
      { formula: `ROUND(${terms.join('*')},2)`, result: euros(e.totalCents) },
      EURO_FORMAT,
    );
    const totalCell = `B${r}`;
    for (const part of e.byFunder) {
      r += 1;
      const fr = funderRow.get(part.funder) as number;
      put(`A${r}`, `dont part attribuable à ${part.funder} (sa part du coût)`);
      put(
        `B${r}`,
        {
          formula: `IF(${total}>0,ROUND(${totalCell}*B${fr}/${total},2),0)`,
          result: euros(part.attributedCents),
        },
        EURO_FORMAT,
      );
    }
    if (e.caveat) {
      r += 1;
      put(`A${r}`, `Limite : ${e.caveat}`);
    }
    r += 2;
  }
  for (const note of report.notes) {
    put(`A${r}`, note);
    r += 1;
  }

  addMonths(workbook, report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addHypotheses(sheet: Worksheet, report: ImpactReport): Map<string, number> {
  sheet.getRow(1).values = [
    'Valeur de référence',
    'Identifiant',
    'Valeur',
    'Unité',
    'Date de la valeur',
    'Population',
    'Source',
    'Éditeur',
    'Publication',
    'Adresse',
    'Valeur propre à la structure',
    'Fragilité',
  ];
  sheet.getRow(1).font = { bold: true };
  [40, 24, 12, 16, 14, 50, 50, 36, 12, 50, 14, 50].forEach(
    (w, i) => (sheet.getColumn(i + 1).width = w),
  );
  const rows = new Map<string, number>();
  report.references.forEach((ref, i) => {
    const r = i + 2;
    rows.set(ref.id, r);
    sheet.getRow(r).values = [
      ref.label,
      ref.id,
      ref.value,
      ref.unit,
      ref.date,
      ref.population,
      ref.source.title,
      ref.source.publisher,
      ref.source.published,
      ref.source.url ?? '',
      ref.overridden ? 'oui' : 'non',
      ref.uncertain ?? '',
    ];
  });
  return rows;
}

function addMonths(workbook: Workbook, report: ImpactReport): void {
  const sheet = workbook.addWorksheet('Activité par mois');
  const header = ['Mois'];
  for (const i of report.indicators)
    header.push(`${i.label} – prévu cumulé`, `${i.label} – réalisé cumulé`);
  sheet.getRow(1).values = header;
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).width = 10;
  const months = report.indicators[0]?.months ?? [];
  months.forEach((m, k) => {
    const row: (string | number | null)[] = [m.month];
    for (const i of report.indicators)
      row.push(i.months[k].plannedCumulative, i.months[k].achievedCumulative);
    sheet.getRow(k + 2).values = row;
  });
}

/** `amount ÷ count` rounded to the cent, blank when nothing was counted (as the JSON's null). */
function perUnit(amount: string, count: string, resultCents: number | null): Cell['value'] {
  return {
    formula: `IF(${count}>0,ROUND(${amount}/${count},2),"")`,
    result: resultCents === null ? '' : euros(resultCents),
  };
}

/** Cents are exact integers; a spreadsheet holds euros, so the division happens only here. */
function euros(cents: number): number {
  return cents / 100;
}
