import { createHash } from 'node:crypto';
import type { ExplanationEntry, FeedbackMark } from '../classifier.types';
import { ClassifierExceptionCode, ThesaurusError } from '../classifier.exception';
import type { AnalysedCall, Classifier } from '../classifier';
import { countTerms, TfIdfSpace, type SparseVector } from '../scoring/tfidf-space';
import type { CompactTerms, StemDictionary } from './compact-terms';

export interface FeedbackAdjustment {
  evidence: number;
  entries: ExplanationEntry[];
}

interface MarkedVector {
  callId: string;
  title: string;
  relevant: boolean;
  vector: SparseVector;
}

interface FeedbackSettings {
  weight: number;
  minSimilarity: number;
  markedCallWeight: number;
}

interface Neighbour {
  mark: MarkedVector;
  similarity: number;
}

/**
 * The marks' vectors laid out by stem id (compressed rows: for each stem, the marks holding it
 * and their weights), with the model's idf per stem id; built once per stem dictionary size.
 */
interface CompiledMarks {
  dictionary: StemDictionary;
  size: number;
  idf: Float64Array;
  postingStart: Int32Array;
  postingMark: Int32Array;
  postingWeight: Float64Array;
  /** Each mark's stems and weights, in the order of its vector. */
  markStems: Int32Array[];
  markWeights: Float64Array[];
}

/** Reused buffers of one compact assessment (the API scores calls one after another). */
interface Scratch {
  weights: Float64Array;
  dense: Float64Array;
  similarities: Float64Array;
}

/**
 * One organisation's taste, learnt from its marks: calls close (TF-IDF cosine) to calls it marked
 * relevant go up, calls close to calls it marked not relevant go down, and a marked call itself
 * follows its mark. It adds to the shared rules and never replaces them: without it the
 * classifier scores exactly as before.
 */
export class FeedbackModel {
  private readonly byCallId = new Map<string, MarkedVector>();
  private compiled: CompiledMarks | null = null;
  private scratch: Scratch | null = null;

  constructor(
    /** Changes whenever the marks change: a score names the model that made it. */
    readonly id: string,
    private readonly space: TfIdfSpace,
    private readonly marks: readonly MarkedVector[],
    private readonly settings: FeedbackSettings,
  ) {
    for (const mark of marks) this.byCallId.set(mark.callId, mark);
  }

  get size(): number {
    return this.marks.length;
  }

  assess(callId: string, analysis: AnalysedCall, _classifier: Classifier): FeedbackAdjustment {
    const own = this.byCallId.get(callId);
    if (own) return this.ownMark(own);
    if (this.marks.length === 0 || analysis.counts.size === 0) return { evidence: 0, entries: [] };
    const vector = this.space.vector(analysis.counts);
    return this.fromSimilarities(this.marks.map((mark) => TfIdfSpace.cosine(vector, mark.vector)));
  }

  /**
   * Same result as `assess`, bit for bit, from a call's compact terms: no tokenising and no
   * maps, so an organisation's list of many thousand calls is re-weighted in milliseconds.
   */
  assessTerms(callId: string, terms: CompactTerms, dictionary: StemDictionary): FeedbackAdjustment {
    const own = this.byCallId.get(callId);
    if (own) return this.ownMark(own);
    if (this.marks.length === 0 || terms.stems.length === 0) return { evidence: 0, entries: [] };
    const compiled = this.compiledFor(dictionary);
    const scratch = this.scratchFor(terms.stems.length, compiled.size);
    const similarities = this.compactSimilarities(terms, compiled, scratch);
    if (!similarities.some((s) => s >= this.settings.minSimilarity)) {
      return { evidence: 0, entries: [] };
    }
    return this.fromSimilarities(Array.from(similarities));
  }

  /**
   * Cosines to every mark, summed in the order `TfIdfSpace.cosine` sums them: over the call's
   * stems when the call's vector is the smaller one, over the mark's stems otherwise.
   */
  private compactSimilarities(
    terms: CompactTerms,
    compiled: CompiledMarks,
    scratch: Scratch,
  ): Float64Array {
    const { idf, size, dictionary } = compiled;
    const { stems, logTf } = terms;
    const { weights, dense, similarities } = scratch;
    let norm = 0;
    let vectorSize = 0;
    for (let i = 0; i < stems.length; i++) {
      // A stem numbered after compiling is in no mark, but may be in the exemplars.
      const w =
        logTf[i] * (stems[i] < size ? idf[stems[i]] : this.space.idf(dictionary.stem(stems[i])));
      weights[i] = w;
      if (w <= 0) continue;
      norm += w * w;
      vectorSize++;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    similarities.fill(0);
    let scattered = false;
    for (let m = 0; m < this.marks.length; m++) {
      if (vectorSize <= this.marks[m].vector.size) continue;
      if (!scattered) {
        for (let i = 0; i < stems.length; i++)
          if (weights[i] > 0 && stems[i] < size) dense[stems[i]] = weights[i] * inv;
        scattered = true;
      }
      const markStems = compiled.markStems[m];
      const markWeights = compiled.markWeights[m];
      let dot = 0;
      for (let j = 0; j < markStems.length; j++) {
        const other = dense[markStems[j]];
        if (other !== 0) dot += markWeights[j] * other;
      }
      similarities[m] = dot;
    }
    if (scattered) for (let i = 0; i < stems.length; i++) if (stems[i] < size) dense[stems[i]] = 0;
    for (let i = 0; i < stems.length; i++) {
      if (weights[i] <= 0 || stems[i] >= size) continue;
      const v = weights[i] * inv;
      for (let p = compiled.postingStart[stems[i]]; p < compiled.postingStart[stems[i] + 1]; p++) {
        const m = compiled.postingMark[p];
        if (vectorSize <= this.marks[m].vector.size)
          similarities[m] += v * compiled.postingWeight[p];
      }
    }
    return similarities;
  }

  private compiledFor(dictionary: StemDictionary): CompiledMarks {
    const current = this.compiled;
    if (current && current.dictionary === dictionary && current.size === dictionary.size) {
      return current;
    }
    const markStems = this.marks.map((mark) => {
      const ids = new Int32Array(mark.vector.size);
      let j = 0;
      for (const stem of mark.vector.keys()) ids[j++] = dictionary.idOf(stem);
      return ids;
    });
    const markWeights = this.marks.map((mark) => Float64Array.from(mark.vector.values()));
    const size = dictionary.size;
    const idf = new Float64Array(size);
    for (let id = 0; id < size; id++) idf[id] = this.space.idf(dictionary.stem(id));
    const postingStart = new Int32Array(size + 1);
    for (const ids of markStems) for (const id of ids) postingStart[id + 1]++;
    for (let id = 0; id < size; id++) postingStart[id + 1] += postingStart[id];
    const total = postingStart[size];
    const postingMark = new Int32Array(total);
    const postingWeight = new Float64Array(total);
    const fill = postingStart.slice(0, size);
    markStems.forEach((ids, m) =>
      ids.forEach((id, j) => {
        postingMark[fill[id]] = m;
        postingWeight[fill[id]++] = markWeights[m][j];
      }),
    );
    this.compiled = {
      dictionary,
      size,
      idf,
      postingStart,
      postingMark,
      postingWeight,
      markStems,
      markWeights,
    };
    return this.compiled;
  }

  private scratchFor(terms: number, dictionarySize: number): Scratch {
    let scratch = this.scratch;
    if (!scratch || scratch.dense.length < dictionarySize || scratch.weights.length < terms) {
      scratch = {
        weights: new Float64Array(Math.max(terms, scratch?.weights.length ?? 0, 256)),
        dense: new Float64Array(dictionarySize),
        similarities: new Float64Array(this.marks.length),
      };
      this.scratch = scratch;
    }
    return scratch;
  }

  private fromSimilarities(similarities: readonly number[]): FeedbackAdjustment {
    const close = { relevant: [] as Neighbour[], notRelevant: [] as Neighbour[] };
    this.marks.forEach((mark, m) => {
      const similarity = similarities[m];
      if (similarity < this.settings.minSimilarity) return;
      (mark.relevant ? close.relevant : close.notRelevant).push({ mark, similarity });
    });
    const entries: ExplanationEntry[] = [];
    let evidence = 0;
    for (const [neighbours, sign] of [
      [close.relevant, 1],
      [close.notRelevant, -1],
    ] as const) {
      if (neighbours.length === 0) continue;
      neighbours.sort((a, b) => b.similarity - a.similarity);
      const weight = sign * this.settings.weight * neighbours[0].similarity;
      evidence += weight;
      entries.push(this.neighbourEntry(neighbours, sign > 0, weight));
    }
    return { evidence, entries };
  }

  private ownMark(mark: MarkedVector): FeedbackAdjustment {
    const weight = (mark.relevant ? 1 : -1) * this.settings.markedCallWeight;
    const verdict = mark.relevant ? 'pertinent' : 'non pertinent';
    return {
      evidence: weight,
      entries: [
        {
          concept: 'feedback',
          field: 'title',
          match: `vous avez marqué cet appel ${verdict}`,
          weight,
          kind: 'feedback',
          theme: null,
          snippet: mark.title,
        },
      ],
    };
  }

  private neighbourEntry(
    neighbours: Neighbour[],
    relevant: boolean,
    weight: number,
  ): ExplanationEntry {
    const n = neighbours.length;
    const verdict = relevant ? 'pertinent' : 'non pertinent';
    const match =
      n === 1
        ? `proche d'un appel que vous avez marqué ${verdict}`
        : `proche de ${n} appels que vous avez marqués ${verdict}s`;
    const closest = neighbours
      .slice(0, 3)
      .map((x) => `« ${x.mark.title} » (${x.similarity.toFixed(2)})`)
      .join(' ; ');
    return {
      concept: 'feedback',
      field: 'description',
      match,
      weight,
      kind: 'feedback',
      theme: null,
      snippet: closest,
    };
  }
}

/**
 * Builds an organisation's model from its marks. Cheap (tokenising a few hundred calls with the
 * classifier's memoised stemmer), so it is rebuilt whenever a mark is added; the last mark of a
 * call wins.
 */
export function buildFeedbackModel(
  marks: readonly FeedbackMark[],
  classifier: Classifier,
): FeedbackModel {
  const latest = new Map<string, FeedbackMark>();
  marks.forEach((mark, i) => {
    if (
      !mark ||
      typeof mark.callId !== 'string' ||
      mark.callId === '' ||
      typeof mark.relevant !== 'boolean'
    ) {
      throw new ThesaurusError(
        ClassifierExceptionCode.FeedbackInvalid,
        `marque n° ${i + 1} invalide : callId (texte) et relevant (booléen) sont obligatoires`,
      );
    }
    latest.set(mark.callId, mark);
  });
  const analysed = [...latest.values()].map((mark) => ({
    mark,
    counts: classifier.analyse(mark).counts,
  }));
  const exemplars = classifier.definition.themes.flatMap((t) => t.exemplars);
  const space = new TfIdfSpace([
    ...exemplars.map((text) => countTerms(classifier.tokenizer, text)),
    ...analysed.map((a) => a.counts),
  ]);
  const vectors = analysed.map(({ mark, counts }) => ({
    callId: mark.callId,
    title: (mark.title ?? '').slice(0, 120),
    relevant: mark.relevant,
    vector: space.vector(counts),
  }));
  const hash = createHash('sha256').update(classifier.version);
  for (const v of [...vectors].sort((a, b) => a.callId.localeCompare(b.callId))) {
    hash.update(`${v.callId}\0${v.relevant ? 1 : 0}\0`);
  }
  return new FeedbackModel(
    `fb-${hash.digest('hex').slice(0, 12)}`,
    space,
    vectors,
    classifier.definition.settings.feedback,
  );
}
