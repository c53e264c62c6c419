import { PublicUrlService } from '@app/config';
import type { CallStatus, MemberRole } from '@app/persistence';
import { CollectifService, FeedQuery, FeedTokenService, type FeedItem } from '@app/watch';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { FREQUENCY_CHOICES } from '../watch/watch-label.constants';
import { WebPageContextService } from '../web-page-context.service';
import type { SignedInRequest } from '../web-request.types';
import { WebViewService } from '../web-view.service';
import { WebPageError } from '../web.exception';
import { describeDigest, digestFormOf } from './collectif-digest-form.util';
import {
  CollectifPageQuery,
  type ActivityRow,
  type MembershipRow,
  type OrganisationRef,
} from './collectif-page.query';
import type { ActivityLine, CollectifPageExtras, PickCard } from './collectif-page.types';

export const PICKS_PER_PAGE = 25;
const MAX_PAGE = 40;

/** As the API: owners and members curate and copy; only owners accept and choose what is shared. */
export const CURATING_ROLES: MemberRole[] = ['owner', 'member'];

const STATUS_LABELS: Record<CallStatus, string> = {
  new: 'nouveau',
  seen: 'vu',
  shortlisted: 'présélectionné',
  dismissed: 'écarté',
  applied: 'candidature déposée',
};

/**
 * Builds the « Collectif » page: the coordinator's view (shared feed, links, members) for a
 * collectif, the member's view (invitations, the collectifs' picks beside its own calls,
 * sharing) for a structure.
 */
@Injectable()
export class CollectifPageService {
  constructor(
    private readonly feeds: FeedQuery,
    private readonly tokens: FeedTokenService,
    private readonly query: CollectifPageQuery,
    private readonly context: WebPageContextService,
    private readonly views: WebViewService,
    private readonly publicUrl: PublicUrlService,
    private readonly collectifs: CollectifService,
  ) {}

  async currentOrganisation(request: SignedInRequest): Promise<OrganisationRef> {
    const organisation = await this.query.organisation(request.principal.organisationId);
    if (!organisation) throw new WebPageError('not-found');
    return organisation;
  }

  /** Curation is a collectif's business: a structure is refused as the API refuses it. */
  async assertCollectif(request: SignedInRequest): Promise<OrganisationRef> {
    const organisation = await this.currentOrganisation(request);
    if (organisation.kind !== 'collectif') throw new WebPageError('forbidden');
    return organisation;
  }

  /** Links start with the public address (PUBLIC_URL), never with the request's Host. */
  baseUrl(): string {
    return this.publicUrl.base();
  }

  async send(
    request: SignedInRequest,
    response: Response,
    extras: CollectifPageExtras = {},
    status = 200,
  ): Promise<void> {
    const organisation = await this.currentOrganisation(request);
    const isCollectif = organisation.kind === 'collectif';
    const [layout, memberships] = await Promise.all([
      this.context.layout(request, 'Collectif', 'collectif'),
      isCollectif
        ? this.query.membersOf(organisation.id)
        : this.query.collectifsOf(organisation.id),
    ]);
    const joined = memberships.filter((m) => m.status === 'accepted');
    const page = Math.min(Math.max(extras.page ?? 1, 1), MAX_PAGE);
    const shared = await this.pickPage(
      organisation.id,
      isCollectif ? [organisation] : joined.map(collectifOf),
      page,
    );
    const common = {
      ...layout,
      notice: extras.notice ?? layout.notice ?? null,
      errors: extras.errors ?? [],
      picks: shared.picks.map((card) => ({
        ...card,
        form: extras.pickForms?.[card.id] ?? card.form,
      })),
      pickCount: shared.total,
      page,
      hasNext: shared.hasNext && page < MAX_PAGE,
      canCurate: CURATING_ROLES.includes(request.principal.role),
    };
    if (isCollectif) {
      const digest = await this.collectifs.digestSettings(organisation.id);
      this.views.send(
        response,
        'collectif-coordinator',
        {
          ...common,
          members: joined,
          pending: memberships.filter((m) => m.status === 'invited'),
          feedTokens: await this.tokens.list(organisation.id, null),
          createdFeed: extras.createdFeed ?? null,
          inviteTyped: extras.inviteTyped ?? '',
          inviteCandidates: (extras.inviteCandidates ?? []).map((c) => ({
            id: c.id,
            label: c.name,
          })),
          digestSummary: describeDigest(digest),
          digestForm: extras.digestForm ?? digestFormOf(digest),
          digestFrequencies: FREQUENCY_CHOICES,
        },
        status,
      );
      return;
    }
    this.views.send(
      response,
      'collectif-member',
      {
        ...common,
        organisationId: organisation.id,
        invitations: memberships.filter((m) => m.status === 'invited'),
        joined,
        tracked: await this.query.trackedCalls(organisation.id),
        statusLabels: STATUS_LABELS,
        canAnswer: request.principal.role === 'owner',
      },
      status,
    );
  }

  /**
   * One page of each collectif's picks, read by the query the collectif's feeds use (so the page
   * and the feeds never disagree), with the other members' shared activity on those calls only.
   */
  private async pickPage(
    viewerId: string,
    collectifs: Array<Pick<OrganisationRef, 'id' | 'name'>>,
    page: number,
  ): Promise<{ picks: PickCard[]; total: number; hasNext: boolean }> {
    const result = { picks: [] as PickCard[], total: 0, hasNext: false };
    for (const collectif of collectifs) {
      const { items, total } = await this.feeds.collectifPicks(collectif.id, viewerId, {
        limit: PICKS_PER_PAGE,
        offset: (page - 1) * PICKS_PER_PAGE,
      });
      const activity = await this.query.activity(
        collectif.id,
        viewerId,
        items.map((item) => item.callId),
      );
      result.picks.push(...items.map((item) => toCard(item, collectif.name, activity)));
      result.total += total;
      result.hasNext ||= total > page * PICKS_PER_PAGE;
    }
    return result;
  }
}

function collectifOf(membership: MembershipRow): Pick<OrganisationRef, 'id' | 'name'> {
  return { id: membership.organisationId, name: membership.name };
}

function toCard(item: FeedItem, collectifName: string, activity: ActivityRow[]): PickCard {
  const stored = {
    annotation: item.pick?.annotation ?? '',
    jointBid: item.pick?.jointBid ?? false,
  };
  return {
    id: item.pick?.id ?? '',
    callId: item.callId,
    title: item.title,
    funders: item.funders,
    nextDeadline: item.nextDeadline,
    rolling: item.rolling,
    amountMinCents: item.amountMinCents,
    amountMaxCents: item.amountMaxCents,
    score: item.score,
    annotation: stored.annotation,
    jointBid: stored.jointBid,
    collectifName,
    activity: activity.filter((a) => a.callId === item.callId).map(toActivityLine),
    mine: { status: item.status, follow: item.follow },
    form: stored,
  };
}

function toActivityLine(activity: ActivityRow): ActivityLine {
  const facts: string[] = [];
  if (activity.follow) facts.push('suit l’appel');
  if (activity.status) facts.push(STATUS_LABELS[activity.status]);
  return { name: activity.name, facts, notes: activity.notes };
}
