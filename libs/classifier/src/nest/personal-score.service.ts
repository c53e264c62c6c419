import { Call } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Classifier } from '../classifier';
import type { Classification, ExplanationEntry } from '../classifier.types';
import type { FeedbackModel } from '../feedback/feedback-model';
import { CALL_TEXT_COLUMNS, toClassifiableCall } from './classifiable-call.util';
import { FeedbackService } from './feedback.service';

/** A call's score for one organisation: the shared rules plus its own feedback model. */
export interface PersonalScore {
  score: number;
  relevant: boolean;
  /** The strongest reasons and every feedback reason (enough for a one-line summary). */
  explanation: ExplanationEntry[];
  feedbackModel: string;
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

const CACHED_ORGANISATIONS = 100;
const TEXT_BATCH = 500;
const KEPT_REASONS = 6;

/**
 * Re-scores calls for an organisation that has marked some, and remembers the results under
 * its model id: a new mark gives a new model id, hence fresh scores on the next request.
 */
@Injectable()
export class PersonalScoreService {
  private readonly cache = new Map<string, CachedScores>();

  constructor(
    private readonly classifier: Classifier,
    private readonly feedback: FeedbackService,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
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
    for (let i = 0; i < missing.length; i += TEXT_BATCH) {
      const texts = await this.calls.find({
        where: { id: In(missing.slice(i, i + TEXT_BATCH).map((r) => r.id)) },
        select: [...CALL_TEXT_COLUMNS, 'contentHash'],
      });
      for (const call of texts) {
        cached.scores.set(call.id, {
          contentHash: call.contentHash,
          score: this.personal(this.classify(call, model)),
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
    return this.classify(call, model);
  }

  private classify(call: Call, model: FeedbackModel | null): Classification {
    return this.classifier.classify(toClassifiableCall(call), { feedback: model });
  }

  private personal(result: Classification): PersonalScore {
    const kept = result.explanation.filter((e, i) => i < KEPT_REASONS || e.kind === 'feedback');
    return {
      score: result.score,
      relevant: result.relevant,
      explanation: kept,
      feedbackModel: result.feedbackModel ?? '',
    };
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
