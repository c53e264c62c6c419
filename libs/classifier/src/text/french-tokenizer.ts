import { PorterStemmerFr } from 'natural';
import { FRENCH_STOP_WORDS, STEM_EXCEPTIONS } from './french-text.constants';

/** Content tokens of one text: stems in order, with where each word sits in the text. */
export interface TokenStream {
  readonly text: string;
  readonly stems: string[];
  readonly starts: number[];
  readonly ends: number[];
}

interface TokenInfo {
  /** Folded stem, or null for a stop word, a number or a single letter. */
  stem: string | null;
}

// Letters and digits; apostrophes (elisions: l', d', qu'…) and hyphens split words, so
// "tiers-lieux" and "tiers lieux" give the same tokens.
const WORD = /[\p{L}\p{N}]+/gu;
const MEMO_LIMIT = 200_000;

/** Lower-case, strip accents, unfold ligatures: "Œuvre" → "oeuvre", "Accès" → "acces". */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * French tokenizer and stemmer with a memo per raw word: the Porter stemmer is the slow part of
 * the pipeline and calls repeat the same few thousand words, so each word is stemmed once.
 * Folding happens before stemming so that "accessibilité" and "accessibilite" share a stem.
 */
export class FrenchTokenizer {
  private readonly memo = new Map<string, TokenInfo>();

  /** Stem of one word as the thesaurus and the texts see it (null if dropped). */
  stemWord(word: string): string | null {
    return this.info(word).stem;
  }

  tokenize(text: string): TokenStream {
    const stems: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(text)) !== null) {
      let word = m[0];
      const start = m.index;
      let end = start + word.length;
      // "e-administration", "e-inclusion": the prefix belongs to the word.
      if ((word === 'e' || word === 'E') && text.charCodeAt(end) === 45 /* - */) {
        const next = WORD.exec(text);
        if (next === null) break;
        word = word + next[0];
        end = next.index + next[0].length;
      }
      const stem = this.info(word).stem;
      if (stem === null) continue;
      stems.push(stem);
      starts.push(start);
      ends.push(end);
    }
    return { text, stems, starts, ends };
  }

  private info(word: string): TokenInfo {
    let info = this.memo.get(word);
    if (info === undefined) {
      info = { stem: this.computeStem(word) };
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(word, info);
    }
    return info;
  }

  private computeStem(word: string): string | null {
    const folded = foldWord(word);
    if (folded.length < 2 || FRENCH_STOP_WORDS.has(folded) || /^\d+$/.test(folded)) return null;
    return STEM_EXCEPTIONS.get(folded) ?? PorterStemmerFr.stem(folded);
  }
}
