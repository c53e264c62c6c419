import {
  Classifier,
  FeedbackService,
  PersonalScoreService,
  withFeedbackReasons,
  type ExplanationEntry,
} from '@app/classifier';
import { territoriesCovering, territoryOverlapSql } from '@app/common';
import { CallEligibilityService } from '@app/eligibility';
import {
  Call,
  CallClassification,
  CallEvent,
  CallFeedback,
  CallSource,
  callSearchClause,
  callSearchPatterns,
  type StoredExplanationEntry,
} from '@app/persistence';
import { Principal, TenancyException } from '@app/tenancy';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import type {
  CallAmountsView,
  CallDetailView,
  CallListItemView,
  CallListView,
  MyFeedbackView,
  ThemeScoreView,
} from './call.dto';
import type { CallStatus, ListCallsQueryDto } from './call-query.dto';
import { reasonOf } from './call-reason.util';
import { safeDescriptionHtml } from './description-html.util';

const DEFAULT_STATUSES: CallStatus[] = ['open', 'forthcoming'];
const DEFAULT_LIMIT = 20;

/** The light columns every filter and sort needs, for every candidate call. */
interface Candidate {
  id: string;
  contentHash: string;
  nextDeadline: string | null;
  score: number;
  relevant: boolean;
}

interface CandidateRow {
  id: string;
  content_hash: string;
  next_deadline: string | null;
  score: number;
  relevant: boolean;
}

const amountsOf = (call: Call): CallAmountsView => ({
  minCents: call.amountMinCents,
  maxCents: call.amountMaxCents,
  envelopeCents: call.envelopeCents,
  ratePct: call.ratePct,
});

/** The codes a call's territory may hold to cover the place (the validator lets only known places through). */
const coveringOf = (place: string): string[] => territoriesCovering(place) ?? ['FR'];

const candidateOf = (r: CandidateRow): Candidate => ({
  id: r.id,
  contentHash: r.content_hash,
  nextDeadline: r.next_deadline,
  score: Number(r.score),
  relevant: r.relevant,
});

const feedbackView = (mark: CallFeedback | undefined | null): MyFeedbackView | null =>
  mark ? { relevant: mark.relevant, markedAt: mark.updatedAt.toISOString() } : null;

/**
 * Code-unit order: ISO dates and lower-case uuids sort the same as with `localeCompare`, at a
 * fraction of its cost (the whole candidate list is sorted on every request).
 */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Deadline first; rolling calls (no deadline) after every dated one. */
const byDeadline = (a: Candidate, b: Candidate): number =>
  byText(a.nextDeadline ?? '9999-12-31', b.nextDeadline ?? '9999-12-31');

const byScore = (a: Candidate, b: Candidate): number => b.score - a.score;

/**
 * The calls as one organisation sees them: shared data, scored by the shared rules plus that
 * organisation's own marks (never another's).
 */
@Injectable()
export class CallQueryService {
  constructor(
    private readonly classifier: Classifier,
    private readonly feedback: FeedbackService,
    private readonly personal: PersonalScoreService,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallClassification)
    private readonly classifications: Repository<CallClassification>,
    @InjectRepository(CallSource) private readonly callSources: Repository<CallSource>,
    @InjectRepository(CallEvent) private readonly events: Repository<CallEvent>,
    private readonly eligibility: CallEligibilityService,
  ) {}

  async list(principal: Principal, query: ListCallsQueryDto): Promise<CallListView> {
    // Without marks every score is the stored shared one: PostgreSQL filters, orders and pages.
    // With marks, scores near a marked call move, so the candidates are ranked here.
    const marked = await this.feedback.modelFor(principal.organisationId);
    return marked ? this.listRankedHere(principal, query) : this.listRankedInSql(principal, query);
  }

  private async listRankedHere(
    principal: Principal,
    query: ListCallsQueryDto,
  ): Promise<CallListView> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const offset = query.offset ?? 0;
    let candidates = await this.candidates(query);
    const personal = await this.personal.scoresFor(principal.organisationId, candidates);
    if (personal) {
      candidates = candidates.map((c) => {
        const mine = personal.get(c.id);
        return mine ? { ...c, score: mine.score, relevant: mine.relevant } : c;
      });
    }
    const wanted = query.relevant ?? 'true';
    if (wanted !== 'all') candidates = candidates.filter((c) => c.relevant === (wanted === 'true'));
    candidates.sort((a, b) =>
      query.sort === 'deadline'
        ? byDeadline(a, b) || byScore(a, b) || byText(a.id, b.id)
        : byScore(a, b) || byDeadline(a, b) || byText(a.id, b.id),
    );
    const page = candidates.slice(offset, offset + limit);
    const items = await this.items(principal, page, (id) => personal?.get(id)?.feedback);
    return { total: candidates.length, limit, offset, items };
  }

  /**
   * The same list, order and total as `listRankedHere` for an organisation without marks, without
   * reading every candidate into the process (100 000 calls: seconds there, milliseconds here).
   */
  private async listRankedInSql(
    principal: Principal,
    query: ListCallsQueryDto,
  ): Promise<CallListView> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const offset = query.offset ?? 0;
    const builder = this.candidateQuery(query);
    const wanted = query.relevant ?? 'true';
    if (wanted !== 'all')
      builder.andWhere('cc.relevant = :relevant', { relevant: wanted === 'true' });
    // One classification per call: COUNT(*) counts calls, without getCount's DISTINCT.
    const counting = builder.clone().select('COUNT(*)', 'total').getRawOne<{ total: string }>();
    // As byDeadline, byScore and byText: rolling calls (no deadline) after every dated one,
    // best score first, then the id's text (a uuid's bytes order like its lower-case text). A
    // stored call is relevant exactly when its score reaches the threshold, so leading with
    // `relevant` changes no order and lets PostgreSQL walk the (relevant, score) index.
    const deadline = `COALESCE(c.next_deadline, DATE '9999-12-31')`;
    const ordered =
      query.sort === 'deadline'
        ? builder.orderBy(deadline, 'ASC').addOrderBy('cc.score', 'DESC')
        : builder
            .orderBy('cc.relevant', 'DESC')
            .addOrderBy('cc.score', 'DESC')
            .addOrderBy(deadline, 'ASC');
    const [counted, rows] = await Promise.all([
      counting,
      ordered.addOrderBy('c.id', 'ASC').offset(offset).limit(limit).getRawMany<CandidateRow>(),
    ]);
    const items = await this.items(principal, rows.map(candidateOf), () => undefined);
    return { total: Number(counted?.total ?? 0), limit, offset, items };
  }

  async detail(principal: Principal, callId: string): Promise<CallDetailView> {
    const call = await this.calls.findOneBy({ id: callId });
    if (!call) throw TenancyException.notFound('Appel');
    const [result, stored, marks, sources, history, eligibility] = await Promise.all([
      this.personal.classificationFor(principal.organisationId, call),
      this.classifications.findOneBy({ callId }),
      this.feedback.marksOn(principal.organisationId, [callId]),
      this.callSources.find({ where: { callId }, relations: { source: true } }),
      this.events.find({ where: { callId }, order: { occurredAt: 'DESC' } }),
      this.eligibility.verdictFor(principal.organisationId, callId),
    ]);
    return {
      id: call.id,
      title: call.title,
      url: call.url,
      funders: call.funders,
      descriptionText: call.descriptionText,
      descriptionHtml: safeDescriptionHtml(call.descriptionHtml),
      documents: call.documents.map((d) => ({ url: d.url, title: d.title })),
      publishedAt: call.publishedAt,
      opensAt: call.opensAt,
      deadlines: call.deadlines,
      nextDeadline: call.nextDeadline,
      rolling: call.rolling,
      amounts: amountsOf(call),
      aidTypes: call.aidTypes,
      audiences: call.audiences,
      territory: call.territory,
      status: call.status,
      firstSeenAt: call.firstSeenAt.toISOString(),
      lastChangedAt: call.lastChangedAt.toISOString(),
      sources: sources.map((s) => ({
        sourceId: s.sourceId,
        name: s.source?.name ?? s.sourceId,
        url: s.url,
        firstSeenAt: s.firstSeenAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
      })),
      classification: {
        version: result.version,
        score: result.score,
        relevant: result.relevant,
        sharedScore: stored?.score ?? result.score,
        themes: result.themes,
        euFund: result.euFund ?? call.euFund,
        explanation: result.explanation,
        feedbackModel: result.feedbackModel,
        reason: reasonOf(result.explanation, result.relevant),
      },
      eligibility: {
        verdict: eligibility.verdict,
        legalForm: eligibility.legalForm,
        categories: eligibility.categories,
        words: eligibility.words,
        summary: eligibility.summary,
      },
      myFeedback: feedbackView(marks.get(callId)),
      history: history.map((e) => ({
        occurredAt: e.occurredAt.toISOString(),
        kind: e.kind,
        summary: e.summary,
        changes: e.changes,
        sourceId: e.sourceId,
      })),
    };
  }

  /** Scored calls matching every filter but relevance (marks may change it). */
  private async candidates(query: ListCallsQueryDto): Promise<Candidate[]> {
    const rows = await this.candidateQuery(query).getRawMany<CandidateRow>();
    return rows.map(candidateOf);
  }

  private candidateQuery(query: ListCallsQueryDto): SelectQueryBuilder<Call> {
    const builder = this.calls
      .createQueryBuilder('c')
      .innerJoin(CallClassification, 'cc', 'cc.callId = c.id')
      .select('c.id', 'id')
      .addSelect('c.content_hash', 'content_hash')
      .addSelect(`to_char(c.next_deadline, 'YYYY-MM-DD')`, 'next_deadline')
      .addSelect('cc.score', 'score')
      .addSelect('cc.relevant', 'relevant')
      .where('c.status IN (:...statuses)', {
        statuses: query.status?.length ? query.status : DEFAULT_STATUSES,
      });
    this.applyFilters(builder, query);
    return builder;
  }

  private applyFilters(builder: SelectQueryBuilder<Call>, query: ListCallsQueryDto): void {
    const patterns = callSearchPatterns(query.q ?? '');
    if (patterns.length > 0) {
      const parameters: Record<string, string> = {};
      const clause = callSearchClause('c', patterns, (pattern) => {
        const name = `q${Object.keys(parameters).length}`;
        parameters[name] = pattern;
        return `:${name}`;
      });
      builder.andWhere(clause, parameters);
    }
    if (query.theme) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(cc.themes) t
                 WHERE t->>'id' = :theme AND (t->>'score')::float >= :themeThreshold)`,
        { theme: query.theme, themeThreshold: this.themeThreshold },
      );
    }
    if (query.euFund) {
      builder.andWhere('COALESCE(cc.eu_fund, c.eu_fund) = :euFund', { euFund: query.euFund });
    }
    if (query.deadlineBefore) {
      builder.andWhere('c.next_deadline <= :before', { before: query.deadlineBefore });
    }
    if (query.deadlineAfter) {
      builder.andWhere('c.next_deadline >= :after', { after: query.deadlineAfter });
    }
    if (query.territory) {
      const covering = coveringOf(query.territory);
      builder.andWhere(territoryOverlapSql('c.territory', ':covering::text[]', covering), {
        covering,
      });
    }
  }

  private get themeThreshold(): number {
    return this.classifier.definition.settings.themeThreshold;
  }

  private async items(
    principal: Principal,
    page: Candidate[],
    feedbackReasons: (id: string) => ExplanationEntry[] | undefined,
  ): Promise<CallListItemView[]> {
    const ids = page.map((c) => c.id);
    if (ids.length === 0) return [];
    const [calls, stored, marks] = await Promise.all([
      this.calls.findBy({ id: In(ids) }),
      this.classifications.findBy({ callId: In(ids) }),
      this.feedback.marksOn(principal.organisationId, ids),
    ]);
    const callById = new Map(calls.map((c) => [c.id, c]));
    const storedById = new Map(stored.map((s) => [s.callId, s]));
    return page.flatMap((candidate) => {
      const call = callById.get(candidate.id);
      const classification = storedById.get(candidate.id);
      if (!call || !classification) return [];
      const feedback = feedbackReasons(candidate.id);
      const explanation: readonly StoredExplanationEntry[] = feedback
        ? withFeedbackReasons<StoredExplanationEntry>(classification.explanation, feedback)
        : classification.explanation;
      return [
        {
          id: call.id,
          title: call.title,
          funders: call.funders,
          url: call.url,
          nextDeadline: call.nextDeadline,
          rolling: call.rolling,
          amounts: amountsOf(call),
          euFund: classification.euFund ?? call.euFund,
          themes: this.detectedThemes(classification.themes),
          score: candidate.score,
          relevant: candidate.relevant,
          reason: reasonOf(explanation, candidate.relevant),
          myFeedback: feedbackView(marks.get(call.id)),
        },
      ];
    });
  }

  private detectedThemes(themes: ThemeScoreView[]): ThemeScoreView[] {
    return themes.filter((t) => t.score >= this.themeThreshold);
  }
}
