import type { DigestFrequency } from '@app/persistence';
import type { ThemeLabel } from '../call/call-page.types';

/** What the profile form holds, exactly as typed: shown back as-is when something is wrong. */
export interface WatchForm {
  nom: string;
  themes: string[];
  motsCles: string;
  exclusions: string;
  territoires: string;
  publics: string[];
  fonds: string[];
  montantMin: string;
  scoreMin: string;
  horizon: string;
  frequence: string;
  destinataires: string;
}

/** The choices the form offers, with their French labels. */
export interface WatchFormChoices {
  themes: ThemeLabel[];
  audiences: ThemeLabel[];
  euFunds: ThemeLabel[];
  frequencies: Array<{ id: DigestFrequency; label: string }>;
}

/** One line of the « Veilles » list. */
export interface WatchListItem {
  id: string;
  name: string;
  summary: string;
  matches: number;
  /** More than the count shown: the page says « plus de 200 ». */
  capped: boolean;
  digest: string;
}

/** One of a profile's best current matches. */
export interface WatchMatchView {
  callId: string;
  title: string;
  funders: string[];
  score: number;
  nextDeadline: string | null;
  rolling: boolean;
  amountMinCents: number | null;
  amountMaxCents: number | null;
  changeSummary: string | null;
}

/** An active feed link: only its first characters are known after it was shown. */
export interface FeedLinkView {
  id: string;
  prefix: string;
  createdAt: Date;
}

/** A feed link just created: the only moment its full addresses can be shown. */
export interface IssuedFeedLinks {
  id: string;
  urls: Array<{ id: string; label: string; hint: string; url: string }>;
}
