import type { FrenchTokenizer } from '../text/french-tokenizer';
import type { ThesaurusDefinition } from '../thesaurus/thesaurus.types';
import { countTerms, TfIdfSpace, type SparseVector, type TermCounts } from './tfidf-space';

export interface SemanticResult {
  /** Cosine similarity of the call to each theme's exemplars (by theme position). */
  themeSimilarity: Float64Array;
  /** Cosine similarity to the off-topic counter-exemplars. */
  counterSimilarity: number;
  /** The call's TF-IDF vector in this space (unit length). */
  vector: SparseVector;
}

/**
 * Similarity of a call to the exemplars of each theme (short texts we wrote, in the thesaurus),
 * so a call worded in a way no term foresaw still lands near its theme. One table maps each
 * stem to its weight in every theme centroid, so a call costs one lookup per distinct word.
 */
export class SemanticSpace {
  readonly space: TfIdfSpace;
  private readonly table = new Map<string, Float64Array>();
  private readonly themeCount: number;
  readonly centroids: SparseVector[];

  constructor(definition: ThesaurusDefinition, tokenizer: FrenchTokenizer) {
    this.themeCount = definition.themes.length;
    const themeDocs = definition.themes.map((t) =>
      t.exemplars.map((text) => countTerms(tokenizer, text)),
    );
    const counterDocs = definition.counterExemplars.map((text) => countTerms(tokenizer, text));
    this.space = new TfIdfSpace([...themeDocs.flat(), ...counterDocs]);
    const centroidOf = (docs: TermCounts[]): SparseVector =>
      TfIdfSpace.centroid(docs.map((d) => this.space.vector(d)));
    this.centroids = [...themeDocs.map(centroidOf), centroidOf(counterDocs)];
    this.centroids.forEach((centroid, position) => {
      for (const [stem, w] of centroid) {
        let row = this.table.get(stem);
        if (!row) {
          row = new Float64Array(this.themeCount + 1);
          this.table.set(stem, row);
        }
        row[position] = w;
      }
    });
  }

  score(counts: TermCounts): SemanticResult {
    const vector = this.space.vector(counts);
    const dots = new Float64Array(this.themeCount + 1);
    for (const [stem, w] of vector) {
      const row = this.table.get(stem);
      if (row === undefined) continue;
      for (let t = 0; t <= this.themeCount; t++) dots[t] += w * row[t];
    }
    return {
      themeSimilarity: dots.subarray(0, this.themeCount),
      counterSimilarity: dots[this.themeCount],
      vector,
    };
  }

  /** The call's stems that weigh most in its similarity to one theme. */
  topStems(vector: SparseVector, themePosition: number, count: number): string[] {
    const contributions: [string, number][] = [];
    for (const [stem, w] of vector) {
      const row = this.table.get(stem);
      if (row !== undefined && row[themePosition] > 0)
        contributions.push([stem, w * row[themePosition]]);
    }
    return contributions
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([stem]) => stem);
  }
}
