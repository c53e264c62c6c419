import type { TermCounts } from '../scoring/tfidf-space';

/** Stems numbered once per process, so many calls' terms fit in typed arrays. */
export class StemDictionary {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];

  get size(): number {
    return this.list.length;
  }

  idOf(stem: string): number {
    let id = this.ids.get(stem);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(stem, id);
      this.list.push(stem);
    }
    return id;
  }

  /** The id of a stem already seen, or -1. */
  find(stem: string): number {
    return this.ids.get(stem) ?? -1;
  }

  stem(id: number): string {
    return this.list[id];
  }
}

/**
 * A call's term counts as a feedback model reads them: stem ids and `1 + ln(tf)`, in the order
 * of the counts (TF-IDF sums in that order, so the figures are bit-for-bit those of the maps).
 */
export interface CompactTerms {
  stems: Int32Array;
  logTf: Float64Array;
}

export function compactTerms(counts: TermCounts, dictionary: StemDictionary): CompactTerms {
  const stems = new Int32Array(counts.size);
  const logTf = new Float64Array(counts.size);
  let i = 0;
  for (const [stem, tf] of counts) {
    stems[i] = dictionary.idOf(stem);
    logTf[i] = 1 + Math.log(tf);
    i++;
  }
  return { stems, logTf };
}

/** `stem tf stem tf …`: stems never hold spaces, and a JS number prints back to itself. */
export function encodeTerms(counts: TermCounts): string {
  const parts: string[] = [];
  for (const [stem, tf] of counts) parts.push(stem, String(tf));
  return parts.join(' ');
}

/** Reads `encodeTerms` output; refuses a malformed text rather than scoring on half of it. */
export function parseTerms(text: string, dictionary: StemDictionary): CompactTerms {
  if (text === '') return { stems: new Int32Array(0), logTf: new Float64Array(0) };
  const parts = text.split(' ');
  if (parts.length % 2 !== 0) throw new Error('feedback_terms: nombre impair de valeurs');
  const n = parts.length / 2;
  const stems = new Int32Array(n);
  const logTf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const tf = Number(parts[2 * i + 1]);
    if (!(tf > 0)) throw new Error(`feedback_terms: fréquence invalide pour « ${parts[2 * i]} »`);
    stems[i] = dictionary.idOf(parts[2 * i]);
    logTf[i] = 1 + Math.log(tf);
  }
  return { stems, logTf };
}
