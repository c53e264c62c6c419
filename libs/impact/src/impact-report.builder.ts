import { formatEuros } from '@app/common';
import { fromMonthIndex, toMonthIndex } from '@app/treasury';
import type { ImpactEstimateRule, ImpactReference, IndicatorDefinition } from './impact.types';
import type {
  EstimateFigures,
  FunderFigures,
  ImpactReport,
  IndicatorFigures,
  ReportApplication,
  ReportScope,
} from './impact-report.types';

export interface BuildImpactReportInput {
  scope: ReportScope;
  title: string;
  applications: ReportApplication[];
  /** Payments of months up to this one included are "paid". */
  asOfMonth: string;
  /** Catalogue, organisation and dossier indicators, for labels, units and roles. */
  indicators: IndicatorDefinition[];
  /** Effective values: the public ones, or the organisation's own where it set one. */
  references: ImpactReference[];
  estimates: ImpactEstimateRule[];
}

/**
 * A funder's report from figures the rest of Vigie already holds: money comes from the treasury
 * projection (never recomputed here), activity from the dated entries. Every ratio is rounded
 * to the cent once, the way the XLSX's ROUND(…; 2) formulas do, so file and JSON agree.
 */
export function buildImpactReport(input: BuildImpactReportInput): ImpactReport {
  const { scope, applications } = input;
  const [from, to] =
    scope.kind === 'funder'
      ? [scope.from, scope.to]
      : [applications[0].operationStart, applications[0].operationEnd];
  const paidThrough =
    scope.kind === 'funder' && scope.to < input.asOfMonth ? scope.to : input.asOfMonth;
  const totalCostCents = sum(applications.map((a) => a.totalCostCents));
  const indicators = indicatorFigures(input, from, to);
  const byRole = (role: 'people' | 'hours') => {
    const key = input.indicators.find((i) => i.role === role)?.key;
    return indicators.find((i) => i.key === key)?.achieved ?? 0;
  };
  const peopleAccompanied = byRole('people');
  const hours = byRole('hours');
  const funders = funderFigures(
    applications,
    paidThrough,
    totalCostCents,
    peopleAccompanied,
    hours,
  );
  const notes: string[] = [];
  const estimates = input.estimates.flatMap((rule) => {
    const estimate = estimateFigures(rule, input, indicators, funders, totalCostCents, notes);
    return estimate ? [estimate] : [];
  });
  const used = new Set(estimates.flatMap((e) => e.factors.map((f) => f.referenceId)));
  return {
    kind: scope.kind,
    title: input.title,
    from,
    to,
    paidThrough,
    applications: applications.map((a) => ({
      id: a.id,
      title: a.title,
      operationStart: a.operationStart,
      operationEnd: a.operationEnd,
      totalCostCents: a.totalCostCents,
    })),
    totalCostCents,
    funders,
    indicators,
    peopleAccompanied,
    hours,
    costPerPersonCents: ratioCents(totalCostCents, peopleAccompanied),
    costPerHourCents: ratioCents(totalCostCents, hours),
    estimates,
    references: input.references.filter((r) => used.has(r.id)),
    notes,
  };
}

function funderFigures(
  applications: ReportApplication[],
  paidThrough: string,
  totalCostCents: number,
  people: number,
  hours: number,
): FunderFigures[] {
  const byFunder = new Map<string, { amount: number; paid: number; expected: number }>();
  for (const app of applications) {
    for (const line of app.lines) {
      const figures = byFunder.get(line.funder) ?? { amount: 0, paid: 0, expected: 0 };
      figures.amount += line.amountCents;
      for (const payment of app.payments) {
        if (payment.fundingLineId !== line.id) continue;
        figures.expected += payment.amountCents;
        if (payment.month <= paidThrough) figures.paid += payment.amountCents;
      }
      byFunder.set(line.funder, figures);
    }
  }
  return [...byFunder].map(([funder, f]) => ({
    funder,
    amountCents: f.amount,
    paidCents: f.paid,
    owedCents: f.expected - f.paid,
    shareBasisPoints: totalCostCents > 0 ? Math.round((f.amount * 10_000) / totalCostCents) : 0,
    costPerPersonCents: ratioCents(f.amount, people),
    costPerHourCents: ratioCents(f.amount, hours),
  }));
}

/**
 * Indicators with a target or an entry in the report's dossiers. An entry counts in the month it
 * ends (a funder's period takes the entries reported in it); a target is spread evenly over its
 * operation's months, so a period covering half the operation expects half the target.
 */
function indicatorFigures(
  input: BuildImpactReportInput,
  from: string,
  to: string,
): IndicatorFigures[] {
  const first = toMonthIndex(from);
  const months = toMonthIndex(to) - first + 1;
  const keys: string[] = [];
  const seen = (key: string) => {
    if (!keys.includes(key)) keys.push(key);
  };
  for (const app of input.applications) {
    app.targets.forEach((t) => seen(t.key));
    app.entries.filter((e) => e.to >= from && e.to <= to).forEach((e) => seen(e.indicator));
  }
  return keys.map((key) => {
    const definition = input.indicators.find((i) => i.key === key);
    const target = input.applications
      .find((a) => a.targets.some((t) => t.key === key))
      ?.targets.find((t) => t.key === key);
    const planned = new Array<number>(months).fill(0);
    const achieved = new Array<number>(months).fill(0);
    let hasTarget = false;
    for (const app of input.applications) {
      const goal = app.targets.find((t) => t.key === key);
      if (goal) {
        hasTarget = true;
        const start = toMonthIndex(app.operationStart);
        const length = toMonthIndex(app.operationEnd) - start + 1;
        for (let m = 0; m < months; m++) {
          const elapsed = Math.min(Math.max(first + m - start + 1, 0), length);
          const before = Math.min(Math.max(first - start, 0), length);
          planned[m] += Math.round((goal.planned * (elapsed - before)) / length);
        }
      }
      for (const entry of app.entries) {
        if (entry.indicator !== key || entry.to < from || entry.to > to) continue;
        const at = toMonthIndex(entry.to) - first;
        for (let m = at; m < months; m++) achieved[m] += entry.count;
      }
    }
    return {
      key,
      label: definition?.label ?? target?.label ?? key,
      unit: definition?.unit ?? 'nombre',
      planned: hasTarget ? planned[months - 1] : null,
      achieved: achieved[months - 1],
      months: planned.map((p, m) => ({
        month: fromMonthIndex(first + m),
        plannedCumulative: hasTarget ? p : null,
        achievedCumulative: achieved[m],
      })),
    };
  });
}

function estimateFigures(
  rule: ImpactEstimateRule,
  input: BuildImpactReportInput,
  indicators: IndicatorFigures[],
  funders: FunderFigures[],
  totalCostCents: number,
  notes: string[],
): EstimateFigures | null {
  const indicator = indicators.find((i) => i.key === rule.indicator);
  const label = input.indicators.find((i) => i.key === rule.indicator)?.label ?? rule.indicator;
  if (!indicator || indicator.achieved === 0) {
    notes.push(
      `« ${rule.label} » n’est pas estimé : aucun résultat « ${label} » n’est saisi sur la période.`,
    );
    return null;
  }
  const factors = rule.factors.map((id) => input.references.find((r) => r.id === id));
  if (factors.some((f) => f === undefined)) {
    // The loader refuses a factor without a source, so this only guards a broken override.
    notes.push(`« ${rule.label} » n’est pas estimé : une valeur de référence manque.`);
    return null;
  }
  const values = factors as ImpactReference[];
  // Money in cents: the euro factor × 100; the product is rounded once, at the end.
  const exact = values.reduce(
    (product, f) => product * (f.money ? f.value * 100 : f.value),
    indicator.achieved,
  );
  const totalCents = Math.round(exact);
  const numbers = [
    `${indicator.achieved} ${indicator.unit}`,
    ...values.map((f) =>
      f.money ? formatEuros(Math.round(f.value * 100)) : `${frenchNumber(f.value)} ${f.unit}`,
    ),
  ].join(' × ');
  return {
    id: rule.id,
    label: rule.label,
    beneficiary: rule.beneficiary,
    indicator: rule.indicator,
    indicatorLabel: label,
    count: indicator.achieved,
    factors: values.map((f) => ({
      referenceId: f.id,
      label: f.label,
      value: f.value,
      unit: f.unit,
      money: f.money,
      overridden: f.overridden === true,
    })),
    words: rule.words,
    numbers: `${numbers} = ${formatEuros(totalCents)}`,
    totalCents,
    byFunder: funders.map((f) => ({
      funder: f.funder,
      attributedCents:
        totalCostCents > 0 ? Math.round((totalCents * f.amountCents) / totalCostCents) : 0,
    })),
    caveat: rule.caveat ?? null,
  };
}

/** `amount ÷ count`, to the cent; null when nothing was counted. */
function ratioCents(amountCents: number, count: number): number | null {
  return count > 0 ? Math.round(amountCents / count) : null;
}

function frenchNumber(value: number): string {
  return String(value).replace('.', ',');
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
