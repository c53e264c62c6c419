import { Call, CallFeedback } from '@app/persistence';
import { Principal, TenancyException } from '@app/tenancy';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Classifier } from '../classifier';
import { buildFeedbackModel, type FeedbackModel } from '../feedback/feedback-model';
import { CALL_TEXT_COLUMNS, toFeedbackMark } from './classifiable-call.util';

/** Organisations whose model stays in memory; the least recently used one is dropped first. */
const CACHED_ORGANISATIONS = 200;

const MARKING_ROLES: ReadonlySet<Principal['role']> = new Set(['owner', 'member', 'accountant']);

interface CachedModel {
  stamp: string;
  model: FeedbackModel;
}

interface MarkStamp {
  count: number;
  latest: string | null;
}

/**
 * An organisation's relevance marks and the model learnt from them. The model is cached per
 * organisation under a stamp read from the database (count and latest change of its marks), so
 * a mark made through any api process is seen on the next scoring, without a restart.
 */
@Injectable()
export class FeedbackService {
  private readonly models = new Map<string, CachedModel>();
  private readonly markListeners: Array<(organisationId: string) => void> = [];

  constructor(
    private readonly classifier: Classifier,
    @InjectRepository(CallFeedback) private readonly feedback: Repository<CallFeedback>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
  ) {}

  /** Called after each mark or unmark made through this process (to warm caches early). */
  onMarked(listener: (organisationId: string) => void): void {
    this.markListeners.push(listener);
  }

  /** Marks a call relevant or not for the caller's organisation; the last mark wins. */
  async mark(principal: Principal, callId: string, relevant: boolean): Promise<CallFeedback> {
    this.assertMayMark(principal);
    await this.assertCallExists(callId);
    const rows: CallFeedback[] = await this.feedback.query(
      `INSERT INTO call_feedback (organisation_id, call_id, user_id, relevant)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id, call_id)
       DO UPDATE SET relevant = EXCLUDED.relevant, user_id = EXCLUDED.user_id,
                     updated_at = clock_timestamp()
       RETURNING id`,
      [principal.organisationId, callId, principal.userId, relevant],
    );
    this.notifyMarked(principal.organisationId);
    return this.feedback.findOneByOrFail({ id: rows[0].id });
  }

  /** Removes the organisation's mark on a call; true when there was one. */
  async unmark(principal: Principal, callId: string): Promise<boolean> {
    this.assertMayMark(principal);
    await this.assertCallExists(callId);
    const result = await this.feedback.delete({ organisationId: principal.organisationId, callId });
    this.notifyMarked(principal.organisationId);
    return (result.affected ?? 0) > 0;
  }

  /** The organisation's marks on the given calls, by call id. */
  async marksOn(organisationId: string, callIds: string[]): Promise<Map<string, CallFeedback>> {
    if (callIds.length === 0) return new Map();
    const marks = await this.feedback.findBy({ organisationId, callId: In(callIds) });
    return new Map(marks.map((m) => [m.callId, m]));
  }

  /** The organisation's model, or null when it has marked nothing. */
  async modelFor(organisationId: string): Promise<FeedbackModel | null> {
    const stamp = await this.stampOf(organisationId);
    if (stamp.count === 0) {
      this.models.delete(organisationId);
      return null;
    }
    const key = `${this.classifier.version}|${stamp.count}|${stamp.latest}`;
    const cached = this.models.get(organisationId);
    if (cached) this.models.delete(organisationId);
    const entry =
      cached?.stamp === key ? cached : { stamp: key, model: await this.build(organisationId) };
    this.models.set(organisationId, entry);
    if (this.models.size > CACHED_ORGANISATIONS) {
      this.models.delete(this.models.keys().next().value as string);
    }
    return entry.model;
  }

  private async build(organisationId: string): Promise<FeedbackModel> {
    const marks = await this.feedback.find({
      where: { organisationId },
      relations: { call: true },
      select: {
        callId: true,
        relevant: true,
        call: Object.fromEntries(CALL_TEXT_COLUMNS.map((c) => [c, true])),
      },
      order: { updatedAt: 'ASC' },
    });
    return buildFeedbackModel(
      marks.filter((m) => m.call).map((m) => toFeedbackMark(m.call as Call, m.relevant)),
      this.classifier,
    );
  }

  private async stampOf(organisationId: string): Promise<MarkStamp> {
    const row = await this.feedback
      .createQueryBuilder('f')
      .select('COUNT(*)::int', 'count')
      // Text keeps the microseconds a JS Date would drop: two quick flips stay distinct.
      .addSelect('MAX(f.updated_at)::text', 'latest')
      .where('f.organisation_id = :organisationId', { organisationId })
      .getRawOne<MarkStamp>();
    return row ?? { count: 0, latest: null };
  }

  private notifyMarked(organisationId: string): void {
    for (const listener of this.markListeners) listener(organisationId);
  }

  private assertMayMark(principal: Principal): void {
    if (!MARKING_ROLES.has(principal.role)) throw TenancyException.forbidden(principal.role);
  }

  private async assertCallExists(callId: string): Promise<void> {
    if (!(await this.calls.existsBy({ id: callId }))) throw TenancyException.notFound('Appel');
  }
}
