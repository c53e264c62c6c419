import type { CallStatus } from '@app/persistence';
import type { FeedUrls, InviteeCandidate } from '@app/watch';
import type { FieldError } from '../web-view.types';
import type { CollectifDigestForm } from './collectif-digest-form.util';
import type { PickForm } from './collectif-form.util';

/** What one other member shows about a call, already worded: « suit l’appel », « présélectionné ». */
export interface ActivityLine {
  name: string;
  facts: string[];
  notes: string | null;
}

/** A shared pick as its card shows it. */
export interface PickCard {
  id: string;
  callId: string;
  title: string;
  funders: string[];
  nextDeadline: string | null;
  rolling: boolean;
  amountMinCents: number | null;
  amountMaxCents: number | null;
  score: number;
  annotation: string;
  jointBid: boolean;
  collectifName: string;
  activity: ActivityLine[];
  /** The viewer's own state on the call (a member sees whether it already copied the pick). */
  mine: { status: CallStatus; follow: boolean };
  /** What the edit form shows: the stored values, or what was typed when it was refused. */
  form: PickForm;
}

/** What a POST handler adds when it renders the page itself (errors, a new feed link). */
export interface CollectifPageExtras {
  notice?: string | null;
  errors?: FieldError[];
  /** The organisation id as the coordinator typed it, shown back after an error. */
  inviteTyped?: string;
  /** The structures a typed name or e-mail designates, to choose from. */
  inviteCandidates?: InviteeCandidate[];
  /** Pick edits refused, by pick id, with what was typed. */
  pickForms?: Record<string, PickForm>;
  /** Shown once: only the token's hash is stored. */
  createdFeed?: FeedUrls | null;
  page?: number;
  /** The « Envoi par e-mail » form as typed, when it was refused. */
  digestForm?: CollectifDigestForm;
}
