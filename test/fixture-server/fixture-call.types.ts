/** The feeds the fixture server publishes, one per connector kind. */
export type FixtureFeed = 'rss' | 'html' | 'ods' | 'at' | 'sedia' | 'json';

export interface FixtureDeadline {
  date: string;
  time?: string;
  label?: string;
}

/** One call of our written catalogue (texts by us, not copied from any funder). */
export interface FixtureCall {
  id: string;
  title: string;
  funder: string;
  feeds: FixtureFeed[];
  /** Description paragraphs, without dates or amounts (rendered separately). */
  paragraphs: string[];
  deadlines: FixtureDeadline[];
  /** How the deadline is written in the prose. */
  deadlineStyle?: 'long' | 'numeric' | 'jusquau' | 'avant' | 'cloture';
  rolling?: boolean;
  opensAt?: string;
  /** Amounts as the funder words them. */
  amountText?: string;
  audiences: string[];
  /** INSEE codes. */
  territory: string[];
  euFund?: string;
  /** Whether a digital-inclusion structure would keep it in its watch. */
  relevant: boolean;
  theme: string;
  /** Publish a PDF règlement carrying the deadline (html feed). */
  pdf?: boolean;
}
