import { applicationId } from './application-plan.builder';
import type { FundingKind } from './funding-kind.constants';
import type { FundingKindRule, FundingRules } from './funding-rules.types';
import { formatEuros } from './money.util';
import { toMonthIndex, fromMonthIndex } from './month.util';
import type { TreasuryWarning } from './treasury-projection.types';
import type { ApplicationInput, FundingLineInput } from './treasury.types';
import { TreasuryWarningCode } from './treasury-warning-code.enum';

export interface EuShare {
  kind: FundingKind;
  amountCents: number;
  /** Share of the total cost, in % with two decimals. */
  ratePct: number;
  /** Maximum for the application's area; with no area, the highest of all areas. Null when none applies. */
  maxRatePct: number | null;
}

export interface FundingPlanCheck {
  applicationId: string;
  totalCostCents: number;
  /** Every funding line except loans, self-funding included. */
  fundedCents: number;
  selfFundingCents: number;
  /** Granted or received lines plus self-funding. */
  securedCents: number;
  /** Planned or requested lines. */
  unsecuredCents: number;
  /** Total cost not covered by any line (0 when covered). */
  gapCents: number;
  /** Lines above the total cost (0 when not). */
  surplusCents: number;
  euShares: EuShare[];
  issues: TreasuryWarning[];
}

/**
 * The funding-plan checks an accountant runs before filing, usable without a projection:
 * the gap, EU shares above their maximum, LEADER's national counterpart, money counted twice.
 */
export function checkFundingPlan(
  app: ApplicationInput,
  rules: FundingRules,
  position = 0,
): FundingPlanCheck {
  const id = applicationId(app, position);
  const lines = app.fundingLines.map((line, i) => ({
    line,
    key: line.id ?? `${id}#${i + 1}`,
    rule: rules.kinds[line.kind],
  }));
  const funding = lines.filter((l) => !l.rule.isLoan);
  const fundedCents = sum(funding.map((l) => l.line.amountCents));
  const selfFundingCents = sum(
    funding.filter((l) => l.line.kind === 'SELF_FUNDING').map((l) => l.line.amountCents),
  );
  const unsecuredCents = sum(
    funding
      .filter((l) => l.line.kind !== 'SELF_FUNDING' && isUnsecured(l.line))
      .map((l) => l.line.amountCents),
  );
  const total = app.totalCostCents;
  const check: FundingPlanCheck = {
    applicationId: id,
    totalCostCents: total,
    fundedCents,
    selfFundingCents,
    securedCents: fundedCents - unsecuredCents,
    unsecuredCents,
    gapCents: Math.max(0, total - fundedCents),
    surplusCents: Math.max(0, fundedCents - total),
    euShares: euShares(funding, app, total),
    issues: [],
  };
  const ctx: IssueContext = {
    app,
    id,
    month: fromMonthIndex(toMonthIndex(app.operationStart)),
    issues: check.issues,
  };
  gapIssues(
    ctx,
    check,
    funding.some((l) => l.rule.euFund),
  );
  euRateIssues(ctx, check, funding);
  leaderIssues(ctx, funding, rules.kinds.FEADER_LEADER, total);
  doubleFundingIssues(ctx, check, funding);
  return check;
}

interface KeyedLine {
  line: FundingLineInput;
  key: string;
  rule: FundingKindRule;
}

interface IssueContext {
  app: ApplicationInput;
  id: string;
  month: string;
  issues: TreasuryWarning[];
}

function isUnsecured(line: FundingLineInput): boolean {
  return line.status === 'planned' || line.status === 'requested';
}

function euShares(funding: KeyedLine[], app: ApplicationInput, total: number): EuShare[] {
  const byKind = new Map<FundingKind, { amount: number; rule: FundingKindRule }>();
  for (const { line, rule } of funding) {
    if (!rule.euFund) continue;
    const entry = byKind.get(line.kind) ?? { amount: 0, rule };
    entry.amount += line.amountCents;
    byKind.set(line.kind, entry);
  }
  return [...byKind].map(([kind, { amount, rule }]) => ({
    kind,
    amountCents: amount,
    ratePct: total === 0 ? 0 : Math.round((amount * 10_000) / total) / 100,
    maxRatePct: maxRate(rule, app),
  }));
}

function maxRate(rule: FundingKindRule, app: ApplicationInput): number | null {
  const rates = rule.maxEuRatePct;
  if (!rates) return null;
  if (app.euArea) return rates[app.euArea]?.value ?? null;
  const values = Object.values(rates).map((f) => f.value);
  return values.length > 0 ? Math.max(...values) : null;
}

function gapIssues(ctx: IssueContext, check: FundingPlanCheck, hasEuLine: boolean): void {
  if (check.gapCents > 0) {
    push(
      ctx,
      TreasuryWarningCode.COFINANCING_GAP,
      hasEuLine ? 'critical' : 'warning',
      null,
      check.gapCents,
      `Le plan de financement ne couvre pas ${formatEuros(check.gapCents)} du coût total (${formatEuros(check.totalCostCents)})${hasEuLine ? ', or un fonds européen ne couvre jamais 100 %' : ''} : cherchez un cofinancement (appels ouverts, collectivités, fondations) ou augmentez l’autofinancement avant le dépôt.`,
    );
  }
  if (check.unsecuredCents > 0) {
    push(
      ctx,
      TreasuryWarningCode.COFINANCING_GAP,
      'info',
      null,
      check.unsecuredCents,
      `${formatEuros(check.unsecuredCents)} du plan de financement ne sont pas encore accordés (lignes prévues ou demandées) : obtenez une notification écrite avant d’engager les dépenses correspondantes.`,
    );
  }
}

function euRateIssues(ctx: IssueContext, check: FundingPlanCheck, funding: KeyedLine[]): void {
  for (const share of check.euShares) {
    if (
      share.maxRatePct === null ||
      share.amountCents * 100 <= share.maxRatePct * check.totalCostCents
    )
      continue;
    const allowed = Math.floor((share.maxRatePct * check.totalCostCents) / 100);
    const first = funding.find((l) => l.line.kind === share.kind);
    push(
      ctx,
      TreasuryWarningCode.EU_RATE_ABOVE_MAX,
      'critical',
      first?.key ?? null,
      share.amountCents - allowed,
      `La part ${first?.rule.label ?? share.kind} atteint ${share.ratePct.toFixed(2).replace('.', ',')} % du coût total, au-delà du taux maximal de ${share.maxRatePct} % : ramenez-la à ${formatEuros(allowed)} et trouvez la différence auprès d’un cofinanceur.`,
    );
  }
}

/** LEADER: FEADER ≤ 80 % of the public aid (1 € national calls 4 €), public aid ≤ 80 % of the cost. */
function leaderIssues(
  ctx: IssueContext,
  funding: KeyedLine[],
  rule: FundingKindRule,
  total: number,
): void {
  const leader = funding.filter((l) => l.line.kind === 'FEADER_LEADER');
  if (leader.length === 0) return;
  const feader = sum(leader.map((l) => l.line.amountCents));
  const national = sum(
    funding.filter((l) => l.rule.nationalPublicCofinancer).map((l) => l.line.amountCents),
  );
  const maxShare = rule.leaderMaxShareOfPublicAidPct?.value ?? 80;
  // national ≥ feader × (100 − maxShare) / maxShare, rounded up to the cent.
  const requiredNational = Math.ceil((feader * (100 - maxShare)) / maxShare);
  if (national < requiredNational) {
    push(
      ctx,
      TreasuryWarningCode.LEADER_COFINANCER_MISSING,
      'critical',
      leader[0].key,
      requiredNational - national,
      national === 0
        ? `Aucun cofinanceur public national (État, Région, Département, commune, CAF) ne figure au plan : sans lui le FEADER LEADER ne sera pas versé ; sollicitez une contrepartie nationale d’au moins ${formatEuros(requiredNational)}.`
        : `La contrepartie publique nationale (${formatEuros(national)}) est inférieure au minimum de ${formatEuros(requiredNational)} (1 € national pour ${Math.round(maxShare / (100 - maxShare))} € de FEADER) : complétez-la auprès d’une collectivité ou de l’État.`,
    );
  }
  const publicAid = sum(
    funding
      .filter((l) => l.rule.euFund || l.rule.nationalPublicCofinancer)
      .map((l) => l.line.amountCents),
  );
  const maxPublic = rule.leaderMaxPublicAidPct?.value ?? 80;
  if (publicAid * 100 > maxPublic * total) {
    const allowed = Math.floor((maxPublic * total) / 100);
    push(
      ctx,
      TreasuryWarningCode.EU_RATE_ABOVE_MAX,
      'critical',
      leader[0].key,
      publicAid - allowed,
      `L’aide publique totale (${formatEuros(publicAid)}) dépasse ${maxPublic} % du coût de l’opération, plafond LEADER : prévoyez au moins ${100 - maxPublic} % d’autofinancement ou de fonds privés.`,
    );
  }
}

function doubleFundingIssues(
  ctx: IssueContext,
  check: FundingPlanCheck,
  funding: KeyedLine[],
): void {
  for (let j = 1; j < funding.length; j++) {
    const twin = firstTwin(funding, j);
    if (!twin) continue;
    const entry = funding[j];
    push(
      ctx,
      TreasuryWarningCode.DOUBLE_FUNDING,
      'warning',
      entry.key,
      entry.line.amountCents,
      `La ligne « ${entry.line.funder} » de ${formatEuros(entry.line.amountCents)} apparaît deux fois au plan (${twin.key} et ${entry.key}) : supprimez le doublon s’il s’agit du même financement.`,
    );
  }
  if (check.surplusCents > 0) {
    push(
      ctx,
      TreasuryWarningCode.DOUBLE_FUNDING,
      'warning',
      null,
      check.surplusCents,
      `Les financements dépassent le coût total de ${formatEuros(check.surplusCents)} : une dépense ne peut être financée deux fois ; réduisez une ligne ou complétez le budget.`,
    );
  }
}

/** The first earlier line with the same kind, amount and funder (case and spaces aside). */
function firstTwin(funding: KeyedLine[], j: number): KeyedLine | null {
  const { kind, amountCents } = funding[j].line;
  let funder: string | null = null;
  for (let i = 0; i < j; i++) {
    const other = funding[i].line;
    // Kind and amount first: comparing funders needs normalised strings.
    if (other.kind !== kind || other.amountCents !== amountCents) continue;
    funder ??= funding[j].line.funder.trim().toLowerCase();
    if (other.funder.trim().toLowerCase() === funder) return funding[i];
  }
  return null;
}

function push(
  ctx: IssueContext,
  code: TreasuryWarningCode,
  severity: TreasuryWarning['severity'],
  fundingLineId: string | null,
  amountCents: number,
  message: string,
): void {
  ctx.issues.push({
    code,
    severity,
    month: ctx.month,
    applicationId: ctx.id,
    fundingLineId,
    amountCents,
    message,
  });
}

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
