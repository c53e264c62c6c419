import type { CallStatus, StoredDeadline } from '@app/persistence';

/** One call as every output shows it (API, RSS, Atom, JSON Feed, iCal, digest, CSV). */
export interface FeedItem {
  callId: string;
  title: string;
  url: string;
  funders: string[];
  /** The first characters of the description, plain text. */
  excerpt: string;
  /** In [0, 1]. */
  /** The call's relevance for the organisation: the one figure every surface shows. */
  score: number;
  /** Theme ids (feed categories, JSON). */
  themes: string[];
  /** The detected themes' French labels, for people. */
  themeLabels: string[];
  reasons: string[];
  nextDeadline: string | null;
  deadlines: StoredDeadline[];
  rolling: boolean;
  amountMinCents: number | null;
  amountMaxCents: number | null;
  /** When the call (re)appeared in this feed. */
  matchedAt: Date;
  /** The change that made it reappear (« date limite reportée au 30 avril 2027 »). */
  changeSummary: string | null;
  /** Changes the call went through: iCal's SEQUENCE, so a moved deadline updates the event. */
  revision: number;
  callUpdatedAt: Date;
  status: CallStatus;
  follow: boolean;
  /** The organisation's own notes: API and CSV only, never in token feeds. */
  notes: string | null;
  /** Collectif picks only. */
  pick: { id: string; annotation: string; jointBid: boolean } | null;
}

export interface FeedMeta {
  title: string;
  description: string;
  /** Stable id of the feed (the profile's or collectif's), never the secret token. */
  id: string;
  /** The feed's own address (with its token) and the site's home. */
  selfUrl: string;
  homeUrl: string;
  updated: Date;
}

export type MatchSort = 'score' | 'deadline' | 'recent';

export interface MatchQuery {
  sort?: MatchSort;
  limit?: number;
  offset?: number;
  minScore?: number;
  /** Only these statuses; by default everything but dismissed. */
  statuses?: CallStatus[];
  /** Next deadline on or before this date. */
  deadlineBefore?: string;
  /** Only these calls (the CSV selection). */
  callIds?: string[];
}

export interface MatchPage {
  items: FeedItem[];
  total: number;
}
