import type { ApplicationView, FundingPlanCheck } from '@app/treasury';

/** A warning as a page shows it: the severity in words (never colour alone), the text in French. */
export interface WarningView {
  severity: 'info' | 'warning' | 'critical';
  severityLabel: string;
  message: string;
}

export interface Option {
  value: string;
  label: string;
}

export interface KindOption extends Option {
  /** The rules file's advance for this kind, shown as the default. */
  advancePct: number;
}

export interface LineRow {
  id: string;
  kind: string;
  kindLabel: string;
  funder: string;
  amountCents: number;
  statusLabel: string;
  signedAt: string | null;
  /** « 30 % (règle du fonds) », « 25 % (saisi) », or « Versements saisis ». */
  paymentRule: string;
}

export interface ScheduleGroup {
  lineId: string;
  title: string;
  rows: { month: string; label: string; amountCents: number }[];
  totalCents: number;
}

export interface DossierDetail {
  dossier: ApplicationView & { history: NonNullable<ApplicationView['history']> };
  statusLabel: string;
  transitions: Option[];
  lines: LineRow[];
  plan: FundingPlanCheck;
  planIssues: WarningView[];
  /** EU shares with their maximum, in words. */
  euShares: { label: string; ratePct: number; maxRatePct: number | null; above: boolean }[];
  schedule: { expected: ScheduleGroup[]; stress: ScheduleGroup[] };
  spending: { totalCents: number; firstMonth: string | null; lastMonth: string | null };
  /** The most this dossier alone makes the structure advance (expected scenario). */
  ownPeak: { month: string | null; amountCents: number };
  fundedYet: boolean;
  warnings: WarningView[];
  ifGranted: WarningView[];
  alertCount: number;
  structure: {
    configured: boolean;
    warnings: WarningView[];
    /** The structure's cash is already short without this dossier. */
    alreadyShort: boolean;
    peakNeed: { month: string | null; amountCents: number };
  };
  /** The window of the schedule and of the exports (same figures); `to` is its last month. */
  window: { from: string; months: number; to: string };
}

/** One dossier on the board. */
export interface DossierCard {
  id: string;
  title: string;
  status: string;
  statusLabel: string;
  funders: string[];
  requestedCents: number;
  version: number;
  transitions: Option[];
}

/** One dossier in the list: its card, and what its own plan says. */
export interface DossierRow extends DossierCard {
  nextDeadline: { date: string; label: string; late: boolean } | null;
  nextPayment: { month: string; amountCents: number } | null;
  alertCount: number;
}
