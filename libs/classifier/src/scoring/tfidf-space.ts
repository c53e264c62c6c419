import type { FrenchTokenizer } from '../text/french-tokenizer';

/** Term frequencies of a call, already weighted by the field each word came from. */
export type TermCounts = Map<string, number>;

/** A unit-length TF-IDF vector. */
export type SparseVector = Map<string, number>;

export function addCounts(into: TermCounts, stems: readonly string[], weight: number): void {
  for (const stem of stems) into.set(stem, (into.get(stem) ?? 0) + weight);
}

/**
 * TF-IDF over a small corpus of reference texts (exemplars written by us, and for feedback the
 * marked calls). Words the corpus never saw get the highest idf: rare is informative.
 */
export class TfIdfSpace {
  private readonly idfByStem = new Map<string, number>();
  readonly unknownIdf: number;

  constructor(documents: readonly TermCounts[]) {
    const df = new Map<string, number>();
    for (const doc of documents)
      for (const stem of doc.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
    const n = documents.length;
    for (const [stem, count] of df) this.idfByStem.set(stem, Math.log((1 + n) / (1 + count)) + 1);
    this.unknownIdf = Math.log(1 + n) + 1;
  }

  idf(stem: string): number {
    return this.idfByStem.get(stem) ?? this.unknownIdf;
  }

  vector(counts: TermCounts): SparseVector {
    const vector: SparseVector = new Map();
    let norm = 0;
    for (const [stem, tf] of counts) {
      const w = (1 + Math.log(tf)) * this.idf(stem);
      if (w <= 0) continue;
      vector.set(stem, w);
      norm += w * w;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [stem, w] of vector) vector.set(stem, w * inv);
    return vector;
  }

  /** Unit-length mean of several vectors (a theme's centroid). */
  static centroid(vectors: readonly SparseVector[]): SparseVector {
    const sum: SparseVector = new Map();
    for (const v of vectors) for (const [stem, w] of v) sum.set(stem, (sum.get(stem) ?? 0) + w);
    let norm = 0;
    for (const w of sum.values()) norm += w * w;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [stem, w] of sum) sum.set(stem, w * inv);
    return sum;
  }

  static cosine(a: SparseVector, b: SparseVector): number {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [stem, w] of small) {
      const other = large.get(stem);
      if (other !== undefined) dot += w * other;
    }
    return dot;
  }
}

/** Term counts of a plain text (tf 1 per occurrence). */
export function countTerms(tokenizer: FrenchTokenizer, text: string): TermCounts {
  const counts: TermCounts = new Map();
  addCounts(counts, tokenizer.tokenize(text).stems, 1);
  return counts;
}
