export interface DigestEntry {
  title: string;
  url: string;
  /** « date limite le 30 avril 2027 · jusqu’à 72 000 € · pertinence 82 % » */
  facts: string;
  /** The change or the collectif's note, when there is one. */
  note: string | null;
}

export interface DigestContent {
  /** « Veille EPN » or « Sélection de Mednum63 » */
  subjectName: string;
  periodLabel: string;
  newMatches: DigestEntry[];
  changedFollowed: DigestEntry[];
  deadlinesSoon: DigestEntry[];
  /** Where to read and manage it all (the feed or the app). */
  manageUrl: string | null;
}

export interface ComposedDigest {
  subject: string;
  text: string;
  html: string;
}

export interface OutgoingMail extends ComposedDigest {
  to: string[];
  messageId: string;
  /** Extra header lines, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

/** Sends one message; throws when the server refused it or could not be reached. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');
