import { normaliseText } from '../text-normalise.util';
import { MatchableCall } from './watch-profile.types';

/**
 * A call normalised once for every profile: its text, and a memo of the keywords already
 * looked up (profiles share many keywords, and each lookup scans the whole text).
 */
export class PreparedCall {
  private readonly text: string;
  private readonly seen = new Map<string, boolean>();
  readonly euFund: string | null;
  readonly themeScores: ReadonlyMap<string, number>;

  constructor(readonly call: MatchableCall) {
    this.text = normaliseText(`${call.title} ${call.funders.join(' ')} ${call.descriptionText}`);
    this.euFund = call.euFund ?? call.classification?.euFund ?? null;
    this.themeScores = new Map(
      (call.classification?.themes ?? []).map((theme) => [theme.id, theme.score]),
    );
  }

  /** Whether the normalised phrase (" mediation numerique ") appears on word boundaries. */
  mentions(normalisedPhrase: string): boolean {
    let found = this.seen.get(normalisedPhrase);
    if (found === undefined) {
      found = this.text.includes(normalisedPhrase);
      this.seen.set(normalisedPhrase, found);
    }
    return found;
  }
}
