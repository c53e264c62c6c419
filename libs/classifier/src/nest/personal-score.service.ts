import { Call, CallClassification } from '@app/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Classifier } from '../classifier';
import type { Classification, ExplanationEntry } from '../classifier.types';
import {
  compactTerms,
  parseTerms,
  StemDictionary,
  type CompactTerms,
} from '../feedback/compact-terms';
import type { FeedbackModel } from '../feedback/feedback-model';
import { CALL_TEXT_COLUMNS, toClassifiableCall } from './classifiable-call.util';
import { FeedbackService } from './feedback.service';

/** A call's score for one organisation: the shared rules plus its own feedback model. */
export interface PersonalScore {
  score: number;
  relevant: boolean;
  /**
   * The feedback reasons (« proche de 3 appels que vous avez marqués pertinents »), weights
   * rounded; merge them into the stored shared explanation with `withFeedbackReasons`.
   */
  feedback: ExplanationEntry[];
}

export interface ScoredCallRef {
  id: string;
  contentHash: string;
}

interface CachedScores {
  modelId: string;
  /** callId → content hash it was computed from, and the result. */
  scores: Map<string, { contentHash: string; score: PersonalScore }>;
}

/** What feedback needs of a call: its shared evidence and its terms, for one content hash. */
interface AnalysedCall {
  contentHash: string;
  evidence: number;
  terms: CompactTerms;
  /** The score when no mark is close: shared by every organisation, allocated once. */
  unadjusted: PersonalScore;
}

interface StoredTermsRow {
  call_id: string;
  content_hash: string;
  evidence: number | null;
  feedback_terms: string | null;
}

const CACHED_ORGANISATIONS = 100;
const ID_BATCH = 5000;
/** Above this many calls to read, the whole table is walked instead of looked up by id. */
const SCAN_FROM = 2000;
const SCAN_BATCH = 10_000;
/** Keyset start: every uuid sorts after it. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const TEXT_BATCH = 500;

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Personal scores without re-classifying: the shared evidence and term counts stored with each
 * call's classification are read once per process (kept by content hash), then an
 * organisation's model only adds its similarity to the marked calls. Results are remembered
 * under the model id: a new mark gives a new model id, hence fresh scores on the next request.
 */
@Injectable()
export class PersonalScoreService {
  private readonly logger = new Logger(PersonalScoreService.name);
  private readonly cache = new Map<string, CachedScores>();
  private readonly dictionary = new StemDictionary();
  private readonly analysed = new Map<string, AnalysedCall>();

  constructor(
    private readonly classifier: Classifier,
    private readonly feedback: FeedbackService,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallClassification)
    private readonly classifications: Repository<CallClassification>,
  ) {}

  /** Scores of the given calls for the organisation, or null when it has no marks. */
  async scoresFor(
    organisationId: string,
    refs: readonly ScoredCallRef[],
  ): Promise<Map<string, PersonalScore> | null> {
    const model = await this.feedback.modelFor(organisationId);
    if (!model) {
      this.cache.delete(organisationId);
      return null;
    }
    const cached = this.cachedFor(organisationId, model.id);
    const missing = refs.filter((r) => cached.scores.get(r.id)?.contentHash !== r.contentHash);
    if (missing.length > 0) await this.ensureAnalysed(missing);
    for (const ref of missing) {
      const analysed = this.analysed.get(ref.id);
      if (analysed) {
        cached.scores.set(ref.id, {
          contentHash: analysed.contentHash,
          score: this.personal(ref.id, analysed, model),
        });
      }
    }
    const result = new Map<string, PersonalScore>();
    for (const ref of refs) {
      const hit = cached.scores.get(ref.id);
      if (hit) result.set(ref.id, hit.score);
    }
    return result;
  }

  /** The full classification of one call for the organisation (its model if it has marks). */
  async classificationFor(organisationId: string, call: Call): Promise<Classification> {
    const model = await this.feedback.modelFor(organisationId);
    return this.classifier.classify(toClassifiableCall(call), { feedback: model });
  }

  private personal(callId: string, call: AnalysedCall, model: FeedbackModel): PersonalScore {
    const adjustment = model.assessTerms(callId, call.terms, this.dictionary);
    if (adjustment.evidence === 0 && adjustment.entries.length === 0) return call.unadjusted;
    const { score, relevant } = this.classifier.relevanceOf(call.evidence + adjustment.evidence);
    return {
      score,
      relevant,
      feedback: adjustment.entries.map((e) => ({ ...e, weight: round3(e.weight) })),
    };
  }

  /**
   * Reads what the stored classifications hold for calls not analysed yet; a call scored before
   * terms were stored, or changed since it was scored, is analysed from its text instead.
   */
  private async ensureAnalysed(refs: readonly ScoredCallRef[]): Promise<void> {
    const wanted = new Map<string, string>();
    for (const ref of refs) {
      if (this.analysed.get(ref.id)?.contentHash !== ref.contentHash)
        wanted.set(ref.id, ref.contentHash);
    }
    if (wanted.size === 0) return;
    const rows = wanted.size > SCAN_FROM ? this.scanStored() : this.storedRows([...wanted.keys()]);
    const fromText = new Set(wanted.keys());
    for await (const batch of rows) {
      for (const row of batch) {
        const contentHash = wanted.get(row.call_id);
        if (contentHash !== undefined && this.readStored(row, contentHash)) {
          fromText.delete(row.call_id);
        }
      }
    }
    const ids = [...fromText];
    for (let i = 0; i < ids.length; i += TEXT_BATCH) {
      await this.analyseTexts(ids.slice(i, i + TEXT_BATCH));
    }
  }

  /** The stored rows of the given calls, a few thousand ids per query. */
  private async *storedRows(ids: string[]): AsyncGenerator<StoredTermsRow[]> {
    for (let i = 0; i < ids.length; i += ID_BATCH) {
      yield this.classifications.query(
        `SELECT call_id, content_hash, evidence, feedback_terms FROM call_classification
          WHERE call_id = ANY($1::uuid[])`,
        [ids.slice(i, i + ID_BATCH)],
      );
    }
  }

  /**
   * Every stored row, in primary-key order: when most calls are wanted, one pass over the table
   * beats many `ANY(...)` lookups that each scan it.
   */
  private async *scanStored(): AsyncGenerator<StoredTermsRow[]> {
    let after = FIRST_ID;
    for (;;) {
      const rows: StoredTermsRow[] = await this.classifications.query(
        `SELECT call_id, content_hash, evidence, feedback_terms FROM call_classification
          WHERE call_id > $1 ORDER BY call_id LIMIT $2`,
        [after, SCAN_BATCH],
      );
      yield rows;
      if (rows.length < SCAN_BATCH) return;
      after = rows[rows.length - 1].call_id;
    }
  }

  private readStored(row: StoredTermsRow, contentHash: string): boolean {
    if (row.content_hash !== contentHash || row.evidence === null || row.feedback_terms === null) {
      return false;
    }
    try {
      const terms = parseTerms(row.feedback_terms, this.dictionary);
      this.remember(row.call_id, contentHash, Number(row.evidence), terms);
      return true;
    } catch (error) {
      this.logger.warn(`Call ${row.call_id}: ${(error as Error).message}; re-analysed`);
      return false;
    }
  }

  private async analyseTexts(ids: string[]): Promise<void> {
    const texts = await this.calls.find({
      where: { id: In(ids) },
      select: [...CALL_TEXT_COLUMNS, 'contentHash'],
    });
    for (const call of texts) {
      const shared = this.classifier.classifyShared(toClassifiableCall(call));
      const terms = compactTerms(shared.counts, this.dictionary);
      this.remember(call.id, call.contentHash, shared.evidence, terms);
    }
  }

  private remember(
    callId: string,
    contentHash: string,
    evidence: number,
    terms: CompactTerms,
  ): void {
    const unadjusted = { ...this.classifier.relevanceOf(evidence), feedback: [] };
    this.analysed.set(callId, { contentHash, evidence, terms, unadjusted });
  }

  private cachedFor(organisationId: string, modelId: string): CachedScores {
    let cached = this.cache.get(organisationId);
    this.cache.delete(organisationId);
    if (!cached || cached.modelId !== modelId) cached = { modelId, scores: new Map() };
    this.cache.set(organisationId, cached);
    if (this.cache.size > CACHED_ORGANISATIONS) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
    return cached;
  }
}
