import type { StoredDeadline, StoredExplanationEntry } from '@app/persistence';

export interface ThemeLabel {
  id: string;
  label: string;
}

export interface ReasonView {
  concept: string;
  field: string;
  match: string;
  weight: number;
  kind: string;
  snippet: string;
}

/** One row of the calls list. */
export interface CallRowView {
  id: string;
  title: string;
  funders: string[];
  nextDeadline: string | null;
  rolling: boolean;
  amountMinCents: number | null;
  amountMaxCents: number | null;
  status: string;
  score: number;
  relevant: boolean;
  themes: ThemeLabel[];
  euFund: string | null;
  reasons: ReasonView[];
  /** The organisation's mark: true « pertinent », false « pas pour nous », null none. */
  myMark: boolean | null;
  /** The organisation's status (new, seen, shortlisted, dismissed, applied). */
  myStatus: string;
  following: boolean;
}

export interface CallListPage {
  rows: CallRowView[];
  /** Position of the first row in the whole list (1-based). */
  first: number;
  hasNext: boolean;
  /** Matches in all, up to CALL_COUNT_CAP; `totalCapped` when there are more. */
  total: number;
  totalCapped: boolean;
}

export interface CallDetailPage {
  call: CallRowView & {
    url: string;
    descriptionText: string;
    /** Sanitised again on the way out: safe to write raw. */
    descriptionHtml: string | null;
    deadlines: StoredDeadline[];
    documents: Array<{ url: string; title?: string }>;
    envelopeCents: number | null;
    ratePct: number | null;
    territory: string[];
    audiences: string[];
    aidTypes: string[];
    publishedAt: string | null;
    firstSeenAt: Date;
    lastChangedAt: Date;
  };
  classified: boolean;
  /** For the viewer's organisation: « Non éligible : réservé aux entreprises (« … ») ». */
  eligibility: {
    verdict: 'eligible' | 'not_eligible' | 'unknown';
    summary: string;
    /** The organisation has not said its legal form: the page links to where it is set. */
    legalFormMissing: boolean;
  };
  notes: string;
  sources: Array<{ name: string; url: string; lastSeenAt: Date }>;
  history: Array<{ occurredAt: Date; kind: string; summary: string }>;
  similar: Array<{ id: string; title: string; nextDeadline: string | null; score: number }>;
}

export type StoredReason = StoredExplanationEntry;
