import { lineKey } from './application-plan.builder';
import { formatEuros } from '@app/common';
import { frenchDate } from '@app/common';
import { frenchMonth } from './french-date.util';
import { lineTitle } from './line-title.util';
import { addDays, lastDayOfMonth, type MonthIndex } from './month.util';
import type { RuleTable } from './rule-table.builder';
import type { ApplicationInput, IsoDate } from './treasury.types';
import { TreasuryWarningCode } from './treasury-warning-code.enum';
import type { WarningRecord } from './treasury-warning.log';

/** Variants of the codes that have more than one message. */
export enum WarningVariant {
  Default = 0,
  /** COFINANCING_GAP: lines planned or requested, not yet granted. */
  Unsecured = 1,
  /** EU_RATE_ABOVE_MAX: LEADER's total public aid above its share of the cost. */
  LeaderPublicAid = 2,
  /** DOUBLE_FUNDING: lines above the total cost. */
  Surplus = 3,
  /** CASH_NEGATIVE, CASH_BELOW_THRESHOLD: the episode lasts to the end of the projection. */
  UntilEnd = 4,
  /** BRIDGE_TOO_SHORT: a negative spell longer than the Dailly CASH_NEGATIVE suggests. */
  NegativeSpell = 5,
  /** The same, lasting to the end of the projection (its length is a minimum). */
  NegativeSpellUntilEnd = 6,
}

/**
 * The French message of a warning: one sentence of fact, one of what to do next. The figures
 * come from the record (`p1`–`p3` below) and the names and dates from the application.
 */
export function warningMessage(record: WarningRecord, table: RuleTable): string {
  const { month, p1, p2, p3 } = record;
  const app = record.app as ApplicationInput;
  const amount = record.amountCents;
  const line = record.line >= 0 ? app.fundingLines[record.line] : null;
  const funder = line?.funder;
  const kindLabel = line ? table.kinds[line.kind].label : '';
  switch (record.code) {
    // p1 months, p2 month of the lowest balance. A run cut by the projection's end has no length
    // worth saying: « pendant 55 mois » would read as if it recovered after them.
    case TreasuryWarningCode.CASH_NEGATIVE:
      if (p1 > table.bridgeMaxTermMonths) return longNegativeMessage(record, table);
      if (record.variant === WarningVariant.UntilEnd)
        return `La trésorerie devient négative en ${monthText(month)} et le reste jusqu’à la fin de la projection ; elle descend à ${formatEuros(-amount)} en ${monthText(p2)} : avant cette date, demandez les avances prévues, un relais de subvention (Dailly) ou une garantie France Active (projection indicative, pas un conseil financier).`;
      return `La trésorerie devient négative en ${monthText(month)} pendant ${p1} mois et descend à ${formatEuros(-amount)} en ${monthText(p2)} : avant cette date, demandez les avances prévues, un relais de subvention (Dailly) ou une garantie France Active (projection indicative, pas un conseil financier).`;
    // p1 threshold, p2 lowest balance (negative months included), p3 its month.
    case TreasuryWarningCode.CASH_BELOW_THRESHOLD:
      return `La trésorerie passe sous le seuil de sécurité de ${formatEuros(p1)} en ${monthText(month)}${record.variant === WarningVariant.UntilEnd ? ' et y reste jusqu’à la fin de la projection' : ''} (point bas ${formatEuros(p2)} en ${monthText(p3)}) : relancez les financeurs pour les versements attendus et décalez si possible les dépenses non urgentes.`;
    // Gap: p1 total cost, p2 1 when an EU fund is in the plan.
    case TreasuryWarningCode.COFINANCING_GAP:
      if (record.variant === WarningVariant.Unsecured)
        return `${formatEuros(amount)} du plan de financement ne sont pas encore accordés (lignes prévues ou demandées) : obtenez une notification écrite avant d’engager les dépenses correspondantes.`;
      return `Le plan de financement ne couvre pas ${formatEuros(amount)} du coût total (${formatEuros(p1)})${p2 === 1 ? ', or un fonds européen ne couvre jamais 100 %' : ''} : cherchez un cofinancement (appels ouverts, collectivités, fondations) ou augmentez l’autofinancement avant le dépôt.`;
    // EU share: p1 its rate, p2 the maximum rate, p3 the amount allowed. LEADER: p1 public aid, p2 its maximum %.
    case TreasuryWarningCode.EU_RATE_ABOVE_MAX:
      if (record.variant === WarningVariant.LeaderPublicAid)
        return `L’aide publique totale (${formatEuros(p1)}) dépasse ${p2} % du coût de l’opération, plafond LEADER : prévoyez au moins ${100 - p2} % d’autofinancement ou de fonds privés.`;
      return `La part ${kindLabel} atteint ${p1.toFixed(2).replace('.', ',')} % du coût total, au-delà du taux maximal de ${p2} % : ramenez-la à ${formatEuros(p3)} et trouvez la différence auprès d’un cofinanceur.`;
    // p1 national counterpart, p2 its minimum, p3 FEADER's maximum share of the public aid.
    case TreasuryWarningCode.LEADER_COFINANCER_MISSING:
      return p1 === 0
        ? `Aucun cofinanceur public national (État, Région, Département, commune, CAF) ne figure au plan : sans lui le FEADER LEADER ne sera pas versé ; sollicitez une contrepartie nationale d’au moins ${formatEuros(p2)}.`
        : `La contrepartie publique nationale (${formatEuros(p1)}) est inférieure au minimum de ${formatEuros(p2)} (1 € national pour ${Math.round(p3 / (100 - p3))} € de FEADER) : complétez-la auprès d’une collectivité ou de l’État.`;
    // Twin: p1 index of the earlier identical line.
    case TreasuryWarningCode.DOUBLE_FUNDING:
      if (record.variant === WarningVariant.Surplus)
        return `Les financements dépassent le coût total de ${formatEuros(amount)} : une dépense ne peut être financée deux fois ; réduisez une ligne ou complétez le budget.`;
      return `La ligne « ${funder} » de ${formatEuros(amount)} apparaît deux fois au plan (${lineKey(app, record.position, p1)} et ${lineKey(app, record.position, record.line)}) : supprimez le doublon s’il s’agit du même financement.`;
    // p1 months carried, p2 first and p3 last of them.
    case TreasuryWarningCode.EU_PREFINANCING:
      return `${kindLabel} (${funder}) : la structure avance jusqu’à ${formatEuros(amount)} de dépenses non encore remboursées, pendant ${p1} mois entre ${monthText(p2)} et ${monthText(p3)} ; demandez l’avance prévue dès la signature et, si la trésorerie ne suffit pas, un relais de subvention (Dailly) ou une garantie France Active.`;
    // p1 share of the amount due, in %.
    // p1 share of the amount due, in %; p2 1 when an advance is paid, p3 1 when an interim claim is
    // planned: the advice never asks for what the plan already has.
    case TreasuryWarningCode.SINGLE_FINAL_PAYMENT: {
      const fact = `${kindLabel} (${funder}) : ${p1} % de la somme due (${formatEuros(amount)}) n’arrive qu’après la fin de l’opération, au plus tôt en ${monthText(month)}`;
      if (p3 === 1)
        return `${fact}, malgré la demande de paiement intermédiaire prévue : prévoyez un financement relais pour cette durée.`;
      if (p2 === 1)
        return `${fact}, malgré l’avance : demandez un bilan intermédiaire, sinon prévoyez un financement relais pour cette durée.`;
      return `${fact} ; demandez l’avance ou un bilan intermédiaire, sinon prévoyez un financement relais pour cette durée.`;
    }
    // p1 index of the claim in the line, p2 line of the co-financer payment that unlocks it (−1:
    // none planned), p3 its month.
    case TreasuryWarningCode.CLAIM_UNMATCHED:
      return unmatchedClaimMessage(record, table);
    case TreasuryWarningCode.ADVANCE_REPAYMENT_RISK:
      return `${kindLabel} (${funder}) : les dépenses justifiables ne couvrent pas l’avance reçue, ${formatEuros(amount)} seraient à reverser ; gardez cette somme en réserve ou réajustez le budget avec le financeur avant le bilan final.`;
    // p1 month of the last grant payment.
    case TreasuryWarningCode.BRIDGE_TOO_SHORT:
      if (
        record.variant === WarningVariant.NegativeSpell ||
        record.variant === WarningVariant.NegativeSpellUntilEnd
      )
        return shortBridgeMessage(record, table);
      return `Le prêt relais ${funder} (${formatEuros(amount)}) est à rembourser en ${monthText(month)}, ${p1 - month} mois avant le dernier versement attendu (${monthText(p1)}) ; négociez une durée plus longue, une garantie France Active ou un fonds de trésorerie (les agios ne sont pas éligibles).`;
    case TreasuryWarningCode.EXPENSE_BEFORE_SUBMISSION:
      return `${formatEuros(amount)} de dépenses sont engagées avant l’accusé de réception du dossier (${dateText(app.submittedAt as IsoDate)}) et ne sont pas éligibles : ne signez ni devis ni commande avant le dépôt, ou retirez-les du budget présenté.`;
    case TreasuryWarningCode.STATE_PAYMENT_LATE: {
      const notifiedAt = app.notifiedAt as IsoDate;
      const days = table.statePaymentLegalDays;
      return `La subvention de l’État (${funder}) notifiée le ${dateText(notifiedAt)} devait être versée sous ${days} jours, soit avant le ${dateText(addDays(notifiedAt, days))} : relancez le service gestionnaire en citant ce délai légal, tout en prévoyant un versement à 3–6 mois.`;
    }
    case TreasuryWarningCode.DEADLINE_SOON:
      return `Le dossier « ${app.title} » doit être déposé au plus tard le ${dateText(app.submissionDeadline as IsoDate)} : rassemblez dès maintenant les pièces (budget, plan de financement, statuts, RIB) et déposez quelques jours avant l’échéance.`;
    // p1 index of the task, or −1 for the FSE+ final bilan no task mentions (due the month's last day).
    case TreasuryWarningCode.REPORT_DUE:
      return reportMessage(app, record.severity === 'critical', p1, month);
  }
  throw new Error(`no message for ${record.code}`);
}

/** CASH_NEGATIVE longer than the Dailly: suggesting one would mislead. */
function longNegativeMessage(record: WarningRecord, table: RuleTable): string {
  const { month, p1, p2 } = record;
  const need = record.amountCents;
  const untilEnd = record.variant === WarningVariant.UntilEnd;
  const spell = untilEnd
    ? `et le reste jusqu’à la fin de la projection (au moins ${p1} mois) ; elle descend`
    : `pendant ${p1} mois et descend`;
  return `La trésorerie devient négative en ${monthText(month)} ${spell} à ${formatEuros(-need)} en ${monthText(p2)} : c’est plus long qu’un ${dailyLabel(table)} (${table.bridgeMaxTermMonths} mois au plus) ; il faut un financement relais d’au moins ${formatEuros(need)} sur ${untilEnd ? 'plus de ' : ''}${p1} mois, ou moins de dépenses avant cette date (projection indicative, pas un conseil financier).`;
}

/** BRIDGE_TOO_SHORT for a negative spell: p1 months, p2 month of the lowest balance. */
function shortBridgeMessage(record: WarningRecord, table: RuleTable): string {
  const { month, p1 } = record;
  const need = formatEuros(record.amountCents);
  const untilEnd = record.variant === WarningVariant.NegativeSpellUntilEnd;
  const spell = untilEnd
    ? `au moins ${p1} mois, depuis ${monthText(month)} jusqu’à la fin de la projection`
    : `${p1} mois, entre ${monthText(month)} et ${monthText(month + p1 - 1)}`;
  const fits = table.bridgeProducts.filter((product) => product.maxMonths >= p1);
  const offer =
    fits.length > 0 && !untilEnd
      ? `${fits.map((product) => `${product.label} (jusqu’à ${product.maxMonths} mois)`).join(' ou ')} ; sinon plusieurs relais successifs ou un fonds de trésorerie`
      : `aucun relais usuel ne dure autant (${table.bridgeProducts.map((product) => `${product.label} : ${product.maxMonths} mois`).join(', ')}) : combinez relais successifs, fonds de trésorerie et avances des financeurs, ou décalez des dépenses`;
  return `La trésorerie reste négative ${spell} : un ${dailyLabel(table)} (${table.bridgeMaxTermMonths} mois au plus) ne couvre pas cette durée. Il faut un relais d’au moins ${need} sur ${untilEnd ? 'plus de ' : ''}${p1} mois : ${offer} ; les agios ne sont pas éligibles (projection indicative, pas un conseil financier).`;
}

/** The bridge CASH_NEGATIVE suggests: the product as long as `bridgeMaxTermMonths`. */
function dailyLabel(table: RuleTable): string {
  return (
    table.bridgeProducts.find((product) => product.maxMonths === table.bridgeMaxTermMonths)
      ?.label ?? 'relais de subvention Dailly'
  );
}

/** A claim whose EU money waits for national co-financing (matching). */
function unmatchedClaimMessage(record: WarningRecord, table: RuleTable): string {
  const app = record.app as ApplicationInput;
  const line = app.fundingLines[record.line];
  const rule = table.kinds[line.kind];
  const claim = (line.claims ?? [])[record.p1];
  const ratio = rule.euPerNationalEuro;
  const needed = formatEuros(Math.ceil(record.amountCents / ratio));
  const filed = claim
    ? `${claim.planned ? 'prévue le' : 'déposée le'} ${dateText(claim.filedOn)}`
    : `de ${monthText(record.month)}`;
  const fact = `${rule.label} (${line.funder}) : la demande de paiement ${filed} ne peut pas appeler ${formatEuros(record.amountCents)}, faute de cofinancement national versé (${ratio} € de ${rule.label} pour 1 € national payé) ; cette somme passe à la demande suivante ou au solde.`;
  if (record.p2 < 0)
    return `${fact} Aucun versement de cofinanceur national prévu ne la débloque : obtenez ${needed} de cofinancement national payé, sinon elle ne sera pas versée.`;
  const cofinancer = app.fundingLines[record.p2];
  const title = lineTitle(table.kinds[cofinancer.kind].label, cofinancer.funder);
  return `${fact} Le versement de « ${title} » attendu en ${monthText(record.p3)} la débloque (${needed} de cofinancement national payé nécessaires) : joignez sa preuve de paiement à la demande suivante.`;
}

function reportMessage(
  app: ApplicationInput,
  late: boolean,
  task: number,
  month: MonthIndex,
): string {
  const { label, dueDate, kind } =
    task >= 0
      ? (app.tasks ?? [])[task]
      : { label: 'Bilan final FSE+', dueDate: lastDayOfMonth(month), kind: 'final_report' };
  const what = kind === 'submission' ? 'dépôt' : 'rapport';
  return `« ${label} » (${app.title}) ${late ? 'était attendu le' : 'est attendu pour le'} ${dateText(dueDate)} : ${late ? `contactez le financeur pour convenir d’un nouveau délai de ${what}, ` : ''}le paiement suivant en dépend, préparez les justificatifs de dépenses et les indicateurs d’activité.`;
}

/** « juin 2027 »: an accountant reads months, not YYYY-MM. */
function monthText(index: MonthIndex): string {
  return frenchMonth(index);
}

/** « 15 mars 2027 », « 1er mars 2027 ». */
function dateText(date: IsoDate): string {
  return frenchDate(date);
}
