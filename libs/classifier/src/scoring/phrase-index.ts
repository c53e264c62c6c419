import { ClassifierExceptionCode, ThesaurusError } from '../classifier.exception';
import type { FrenchTokenizer, TokenStream } from '../text/french-tokenizer';
import type { SourceRef } from '../thesaurus/thesaurus.types';

export type SlotKind = 'rule' | 'anchor' | 'near' | 'fund';

/** What a phrase stands for: a rule, one side of a proximity rule, or an EU fund. */
export interface Slot {
  kind: SlotKind;
  index: number;
}

interface CompiledPhrase {
  stems: string[];
  slot: Slot;
}

/**
 * Every thesaurus term as a sequence of stems, indexed by its first stem: matching a text costs
 * one map lookup per word, whatever the size of the thesaurus.
 */
export class PhraseIndex {
  private readonly byFirstStem = new Map<string, CompiledPhrase[]>();

  constructor(private readonly tokenizer: FrenchTokenizer) {}

  add(term: string, slot: Slot, source: SourceRef): void {
    const stems = this.tokenizer.tokenize(term).stems;
    // A phrase that loses all but one word to the stop list would match far too widely.
    const words = term.trim().split(/\s+/).length;
    if (stems.length === 0 || (words > 1 && stems.length === 1)) {
      throw new ThesaurusError(
        ClassifierExceptionCode.ThesaurusInvalid,
        `terme « ${term} » réduit à ${stems.length === 0 ? 'rien' : `un seul mot (${stems[0]})`} ` +
          'après retrait des mots outils : écrire le mot seul ou une expression plus précise',
        source.file,
        source.line,
      );
    }
    const list = this.byFirstStem.get(stems[0]);
    const phrase = { stems, slot };
    if (list) {
      if (
        !list.some(
          (p) =>
            p.slot.kind === slot.kind && p.slot.index === slot.index && sameStems(p.stems, stems),
        )
      ) {
        list.push(phrase);
      }
    } else {
      this.byFirstStem.set(stems[0], [phrase]);
    }
  }

  /** Calls `onHit` for every phrase found, with the token range it covers (inclusive). */
  match(stream: TokenStream, onHit: (slot: Slot, first: number, last: number) => void): void {
    const stems = stream.stems;
    const n = stems.length;
    for (let i = 0; i < n; i++) {
      const candidates = this.byFirstStem.get(stems[i]);
      if (candidates === undefined) continue;
      for (const phrase of candidates) {
        const len = phrase.stems.length;
        if (i + len > n) continue;
        let k = 1;
        while (k < len && stems[i + k] === phrase.stems[k]) k++;
        if (k === len) onHit(phrase.slot, i, i + len - 1);
      }
    }
  }
}

function sameStems(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
