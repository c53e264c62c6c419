import type { CallStatus, DigestFrequency } from '@app/persistence';
import type { DigestRecipientView } from '../digest/digest-consent.service';
import type { FeedItem } from '../feed/feed-item.types';

export interface SharingSettings {
  shareFollows?: boolean;
  shareStatuses?: boolean;
  shareNotes?: boolean;
}

/** What one member shows the rest of its collectif about a call: only what it chose to share. */
export interface MemberActivity {
  organisationId: string;
  name: string;
  follow?: boolean;
  status?: CallStatus;
  notes?: string;
}

export interface PickView extends FeedItem {
  collectifId: string;
  collectifName: string;
  members: MemberActivity[];
}

export interface PickInput {
  callId: string;
  annotation?: string;
  jointBid?: boolean;
}

/** How the collectif's picks are e-mailed, as its coordinators set it. */
export interface CollectifDigestInput {
  frequency: DigestFrequency;
  /** Empty = every owner and member of the collectif and of its accepted structures. */
  recipients: string[];
}

export interface CollectifDigestSettings extends CollectifDigestInput {
  /** Each chosen address with where it stands: outside addresses must confirm first. */
  recipientStatuses: DigestRecipientView[];
}

/** A structure a coordinator may mean when typing a name or an e-mail. */
export interface InviteeCandidate {
  id: string;
  name: string;
}

/**
 * What a typed name or owner e-mail designates: one structure, several to choose from (a name
 * only part of which matched is always confirmed, never guessed), or none.
 */
export type InviteeLookup =
  | { found: 'one'; organisationId: string }
  | { found: 'several'; candidates: InviteeCandidate[] }
  | { found: 'none'; by: 'email' | 'name' };
