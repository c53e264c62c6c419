/** A call for projects as every connector must deliver it, whatever the source's format. */
export type CallStatus = 'forthcoming' | 'open' | 'closed' | 'withdrawn';

export type AidType =
  'subvention' | 'avance_remboursable' | 'pret' | 'aap' | 'ami' | 'prix' | 'marche' | 'autre';

export type EuFund =
  | 'FSE_PLUS'
  | 'FEADER_LEADER'
  | 'FEDER'
  | 'INTERREG'
  | 'ERASMUS_PLUS'
  | 'CERV'
  | 'DIGITAL_EUROPE'
  | 'HORIZON_EUROPE'
  | 'OTHER_EU';

export interface CallDeadline {
  /** ISO date, YYYY-MM-DD, in Europe/Paris. */
  date: string;
  /** Local time of day when the text gives one (HH:mm, Europe/Paris). */
  time?: string;
  /** The round's name when a call has several ("1re session", "vague 2"). */
  label?: string;
}

export interface CallAmounts {
  minCents?: number | null;
  maxCents?: number | null;
  envelopeCents?: number | null;
  /** Maximum subsidy rate, in percent (0–100). */
  ratePct?: number | null;
}

export interface CallDocument {
  url: string;
  title?: string;
  /** Extracted text (PDF), so classification and date extraction see it. */
  text?: string;
}

export interface NormalisedCall {
  sourceId: string;
  /** Stable id of the call inside its source (guid, record id, URL when nothing better). */
  externalId: string;
  url: string;
  title: string;
  funders: string[];
  descriptionText: string;
  /** Sanitised HTML for display; null when the source gave plain text only. */
  descriptionHtml: string | null;
  documents: CallDocument[];
  publishedAt: string | null;
  opensAt: string | null;
  deadlines: CallDeadline[];
  /** "Au fil de l'eau": applications accepted continuously, no deadline. */
  rolling: boolean;
  amounts: CallAmounts;
  aidTypes: AidType[];
  euFund: EuFund | null;
  /** Eligible audiences, normalised ids: associations, collectivites, entreprises, etablissements_publics, particuliers… */
  audiences: string[];
  /**
   * The source's own beneficiary labels (« Communes », « Associations »), verbatim, when it has
   * a structured field: kept in the sighting's snapshot so eligibility can quote them.
   */
  audienceLabels?: string[];
  /** INSEE codes of régions/départements; ['FR'] for the whole country. */
  territory: string[];
  status: Exclude<CallStatus, 'withdrawn'>;
}
