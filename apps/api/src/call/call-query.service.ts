import {
  CallRankingQuery,
  Classifier,
  type CallRankingFilter,
  FeedbackService,
  type RankedCall,
  PersonalScoreService,
  withFeedbackReasons,
} from '@app/classifier';
import { territoriesCovering } from '@app/common';
import { CallEligibilityService } from '@app/eligibility';
import {
  Call,
  CallClassification,
  CallEvent,
  CallFeedback,
  CallSource,
  type StoredExplanationEntry,
} from '@app/persistence';
import { Principal, TenancyException } from '@app/tenancy';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type {
  CallAmountsView,
  CallDetailView,
  CallListItemView,
  CallListView,
  MyFeedbackView,
  ThemeScoreView,
} from './call.dto';
import type { CallStateFilter, CallStatus, ListCallsQueryDto } from './call-query.dto';
import { reasonOf } from './call-reason.util';
import { safeDescriptionHtml } from './description-html.util';

const DEFAULT_STATUSES: CallStatus[] = ['open', 'forthcoming'];
const DEFAULT_LIMIT = 20;
/**
 * The list's total stops counting past this many calls (`totalIsLowerBound`), like the pages'
 * « plus de 1 000 »: an exact count of a wide filter joins every call (a sequential scan of
 * 200,000 rows on each page asked for), the page itself only walks an index to its end.
 */
export const API_COUNT_CAP = 1000;

/** `state=` as the ranking filters it: the same four views as the tabs of `/appels`. */
const STATE_FILTER: Record<CallStateFilter, CallRankingFilter['state']> = {
  not_dismissed: 'not_dismissed',
  all: null,
  set_aside: 'set_aside',
  followed: 'followed',
};

const amountsOf = (call: Call): CallAmountsView => ({
  minCents: call.amountMinCents,
  maxCents: call.amountMaxCents,
  envelopeCents: call.envelopeCents,
  ratePct: call.ratePct,
});

/** The codes a call's territory may hold to cover the place (the validator lets only known places through). */
const coveringOf = (place: string): string[] => territoriesCovering(place) ?? ['FR'];

const feedbackView = (mark: CallFeedback | undefined | null): MyFeedbackView | null =>
  mark ? { relevant: mark.relevant, markedAt: mark.updatedAt.toISOString() } : null;

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
    private readonly ranking: CallRankingQuery,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CallClassification)
    private readonly classifications: Repository<CallClassification>,
    @InjectRepository(CallSource) private readonly callSources: Repository<CallSource>,
    @InjectRepository(CallEvent) private readonly events: Repository<CallEvent>,
    private readonly eligibility: CallEligibilityService,
  ) {}

  /** The one ranking (`CallRankingQuery`), as JSON: the same items and order as `/appels`. */
  async list(principal: Principal, query: ListCallsQueryDto): Promise<CallListView> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const offset = query.offset ?? 0;
    const wanted = query.relevant ?? 'true';
    const ranked = await this.ranking.rank(
      principal.organisationId,
      {
        statuses: query.status?.length ? query.status : DEFAULT_STATUSES,
        q: query.q,
        theme: query.theme,
        euFund: query.euFund,
        deadlineBefore: query.deadlineBefore,
        deadlineAfter: query.deadlineAfter,
        coveringTerritories: query.territory ? coveringOf(query.territory) : null,
        relevance: wanted === 'all' ? 'all' : wanted === 'true' ? 'relevant' : 'not_relevant',
        // The calls the organisation set aside stay hidden unless asked for, as on `/appels`.
        state: STATE_FILTER[query.state ?? 'not_dismissed'],
        sort: query.sort === 'deadline' ? 'deadline' : 'score',
      },
      // Never below the end of the page asked for, so a total never says less than was shown:
      // counting to there costs what walking to the page costs anyway.
      { offset, limit, countCap: Math.max(API_COUNT_CAP, offset + limit) },
    );
    const items = await this.items(principal, ranked.items);
    return { total: ranked.total, totalIsLowerBound: ranked.totalCapped, limit, offset, items };
  }

  async detail(principal: Principal, callId: string): Promise<CallDetailView> {
    const call = await this.calls.findOneBy({ id: callId });
    if (!call) throw TenancyException.notFound('Appel');
    const [result, stored, marks, sources, history, figures, eligibility] = await Promise.all([
      this.personal.classificationFor(principal.organisationId, call),
      this.classifications.findOneBy({ callId }),
      this.feedback.marksOn(principal.organisationId, [callId]),
      this.callSources.find({ where: { callId }, relations: { source: true } }),
      this.events.find({ where: { callId }, order: { occurredAt: 'DESC' } }),
      this.ranking.figuresOf([principal.organisationId], [callId]),
      this.eligibility.verdictFor(principal.organisationId, callId),
    ]);
    // The one figure of the lists (stored by the ranking rule), not a fresh re-classification
    // that could disagree with them until the next worker pass.
    const figure = figures.get(`${principal.organisationId}:${callId}`);
    const score = figure?.score ?? stored?.score ?? result.score;
    const relevant = figure?.relevant ?? stored?.relevant ?? result.relevant;
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
        score,
        relevant,
        sharedScore: stored?.score ?? result.score,
        themes: result.themes,
        euFund: result.euFund ?? call.euFund,
        explanation: result.explanation,
        feedbackModel: result.feedbackModel,
        reason: reasonOf(result.explanation, relevant),
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

  private get themeThreshold(): number {
    return this.classifier.definition.settings.themeThreshold;
  }

  private async items(principal: Principal, page: RankedCall[]): Promise<CallListItemView[]> {
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
      const explanation: readonly StoredExplanationEntry[] =
        candidate.reasons.length > 0
          ? withFeedbackReasons<StoredExplanationEntry>(
              classification.explanation,
              candidate.reasons,
            )
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
