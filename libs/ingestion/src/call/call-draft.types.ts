import type { AidType, CallAmounts, CallDeadline, CallDocument, EuFund } from './normalised-call';

/**
 * What a connector read about one call, before extraction: raw values as the source gives
 * them. `buildCall` turns it into a NormalisedCall, filling the gaps from the texts.
 */
export interface CallDraft {
  externalId: string;
  url: string | null;
  title: string | null;
  funders?: string[];
  /** HTML description (sanitised and flattened by the builder). */
  html?: string | null;
  /** Plain-text description, when the source has no HTML. */
  text?: string | null;
  /** Other texts worth reading for dates and amounts (listing card, category labels). */
  extraTexts?: string[];
  documents?: CallDocument[];
  publishedAt?: string | null;
  opensAt?: string | null;
  /** A deadline field, machine (ISO) or French prose ("15 avril 2022"). */
  deadline?: string | null;
  deadlines?: CallDeadline[];
  rolling?: boolean | null;
  /** An amount field in prose ("2.200.000 € à répartir"). */
  amountText?: string | null;
  amounts?: Partial<CallAmounts>;
  aidTypeLabels?: string[];
  aidTypes?: AidType[];
  audienceLabels?: string[];
  euFund?: EuFund | null;
  /** INSEE codes, or names to resolve ("Drôme"). */
  territory?: string[];
  /** The status the source states, when it does (SEDIA); otherwise computed from dates. */
  status?: 'forthcoming' | 'open' | 'closed' | null;
}
