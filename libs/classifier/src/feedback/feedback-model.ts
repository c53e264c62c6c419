import { createHash } from 'node:crypto';
import type { ExplanationEntry, FeedbackMark } from '../classifier.types';
import { ClassifierExceptionCode, ThesaurusError } from '../classifier.exception';
import type { AnalysedCall, Classifier } from '../classifier';
import { countTerms, TfIdfSpace, type SparseVector } from '../scoring/tfidf-space';

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
 * One organisation's taste, learnt from its marks: calls close (TF-IDF cosine) to calls it marked
 * relevant go up, calls close to calls it marked not relevant go down, and a marked call itself
 * follows its mark. It adds to the shared rules and never replaces them: without it the
 * classifier scores exactly as before.
 */
export class FeedbackModel {
  private readonly byCallId = new Map<string, MarkedVector>();

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
    const close = { relevant: [] as Neighbour[], notRelevant: [] as Neighbour[] };
    for (const mark of this.marks) {
      const similarity = TfIdfSpace.cosine(vector, mark.vector);
      if (similarity < this.settings.minSimilarity) continue;
      (mark.relevant ? close.relevant : close.notRelevant).push({ mark, similarity });
    }
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
