import {
  Call,
  CollectifDigest,
  CollectifMembership,
  DIGEST_FREQUENCIES,
  Organisation,
  OrganisationCallState,
  SharedPick,
} from '@app/persistence';
import { TenancyException } from '@app/tenancy';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { FeedQuery } from '../feed/feed.query';
import { CallStateService } from '../state/call-state.service';
import { collectifSubjectKey, DigestConsentService } from '../digest/digest-consent.service';
import { normalisedRecipients } from '../digest/digest-recipient.util';
import { DEFAULT_COLLECTIF_DIGEST_FREQUENCY } from './collectif-digest.constants';
import { markDigestDue } from '../digest/digest-schedule.util';
import { WatchException } from '../watch.exception';
import {
  CollectifDigestInput,
  CollectifDigestSettings,
  InviteeCandidate,
  InviteeLookup,
  MemberActivity,
  PickInput,
  PickView,
  SharingSettings,
} from './collectif.types';

/** Enough to pick from by eye; a coordinator who sees the limit types more of the name. */
export const INVITEE_CANDIDATES = 10;

/**
 * A collectif and its members: invitations the member accepts with its own key, the shared
 * picks the coordinators curate, and what each member chose to show the others.
 */
@Injectable()
export class CollectifService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(CollectifMembership)
    private readonly memberships: Repository<CollectifMembership>,
    @InjectRepository(SharedPick) private readonly picks: Repository<SharedPick>,
    @InjectRepository(OrganisationCallState)
    private readonly states: Repository<OrganisationCallState>,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(CollectifDigest) private readonly digests: Repository<CollectifDigest>,
    private readonly query: FeedQuery,
    private readonly callStates: CallStateService,
    private readonly consents: DigestConsentService,
  ) {}

  async invite(collectifId: string, memberId: string): Promise<CollectifMembership> {
    await this.assertCollectif(collectifId);
    const member = await this.organisations.findOneBy({ id: memberId });
    if (!member || memberId === collectifId) {
      throw TenancyException.notFound('Organisation invitée / invited organisation');
    }
    if (await this.memberships.existsBy({ collectifId, memberId })) {
      throw WatchException.invalidInvitation(
        'Cette organisation est déjà invitée ou membre / this organisation is already invited or a member',
      );
    }
    return this.memberships.save(this.memberships.create({ collectifId, memberId }));
  }

  /**
   * The structure a coordinator means by what they know of it: the e-mail of its owner, or its
   * name (accents and case ignored). An exact name is taken as is; a partial one, or an owner of
   * several structures, gives a list to choose from. At most INVITEE_CANDIDATES are returned.
   */
  async findInvitee(collectifId: string, typed: string): Promise<InviteeLookup> {
    const text = typed.trim().replace(/\s+/g, ' ');
    if (text.includes('@')) {
      const owned = await this.organisations.query<InviteeCandidate[]>(
        `SELECT o.id, o.name
           FROM user_account u
           JOIN membership m ON m.user_id = u.id AND m.role = 'owner'
           JOIN organisation o ON o.id = m.organisation_id
          WHERE u.email = lower($1) AND o.kind = 'structure' AND o.id <> $2
          ORDER BY o.name, o.id LIMIT ${INVITEE_CANDIDATES}`,
        [text.replace(/\s/g, ''), collectifId],
      );
      if (owned.length === 0) return { found: 'none', by: 'email' };
      return owned.length === 1
        ? { found: 'one', organisationId: owned[0].id }
        : { found: 'several', candidates: owned };
    }
    const named = await this.organisations.query<Array<InviteeCandidate & { exact: boolean }>>(
      `SELECT o.id, o.name, vigie_fold(o.name) = vigie_fold($1) AS exact
         FROM organisation o
        WHERE o.kind = 'structure' AND o.id <> $2
          AND strpos(vigie_fold(o.name), vigie_fold($1)) > 0
        ORDER BY vigie_fold(o.name) = vigie_fold($1) DESC, o.name, o.id
        LIMIT ${INVITEE_CANDIDATES}`,
      [text, collectifId],
    );
    const exact = named.filter((row) => row.exact);
    if (exact.length === 1) return { found: 'one', organisationId: exact[0].id };
    if (named.length === 0) return { found: 'none', by: 'name' };
    return { found: 'several', candidates: named.map(({ id, name }) => ({ id, name })) };
  }

  /** The API's invitation by name or owner e-mail: one structure, or a refusal that says why. */
  async inviteByText(collectifId: string, typed: string): Promise<CollectifMembership> {
    await this.assertCollectif(collectifId);
    const found = await this.findInvitee(collectifId, typed);
    if (found.found === 'several') throw WatchException.ambiguousInvitee(found.candidates);
    if (found.found === 'none') {
      throw TenancyException.notFound(
        found.by === 'email'
          ? 'Structure dont la ou le responsable a cette adresse / structure owned by this address'
          : 'Structure de ce nom / structure with this name',
      );
    }
    return this.invite(collectifId, found.organisationId);
  }

  /** A collectif sees the invitations it sent; a structure those addressed to it. */
  invitations(organisationId: string): Promise<CollectifMembership[]> {
    return this.memberships.find({
      where: [{ collectifId: organisationId }, { memberId: organisationId }],
      order: { invitedAt: 'ASC' },
    });
  }

  async accept(memberId: string, invitationId: string): Promise<CollectifMembership> {
    const invitation = await this.ownMembership(memberId, invitationId);
    if (invitation.status === 'accepted') return invitation;
    return this.memberships.save({ ...invitation, status: 'accepted', acceptedAt: new Date() });
  }

  async updateSharing(
    memberId: string,
    membershipId: string,
    sharing: SharingSettings,
  ): Promise<CollectifMembership> {
    const membership = await this.ownMembership(memberId, membershipId);
    return this.memberships.save({ ...membership, ...sharing });
  }

  async pick(collectifId: string, input: PickInput): Promise<SharedPick> {
    await this.assertCollectif(collectifId);
    if (!(await this.calls.existsBy({ id: input.callId }))) {
      throw TenancyException.notFound('Appel à projets / call');
    }
    const existing = await this.picks.findOneBy({ collectifId, callId: input.callId });
    // A first pick makes the collectif a digest subject (a later one costs one look).
    await markDigestDue(this.digests.manager, collectifSubjectKey(collectifId));
    return this.picks.save({
      ...(existing ?? this.picks.create({ collectifId, callId: input.callId })),
      ...(input.annotation !== undefined ? { annotation: input.annotation } : {}),
      ...(input.jointBid !== undefined ? { jointBid: input.jointBid } : {}),
    });
  }

  async updatePick(
    collectifId: string,
    pickId: string,
    patch: Omit<PickInput, 'callId'>,
  ): Promise<SharedPick> {
    const pick = await this.ownPick(collectifId, pickId);
    return this.picks.save({ ...pick, ...patch });
  }

  async removePick(collectifId: string, pickId: string): Promise<void> {
    await this.picks.delete({ id: (await this.ownPick(collectifId, pickId)).id });
  }

  /**
   * The shared picks the viewer may see (its own if it is a collectif, else those of every
   * collectif it joined), each with what the other members chose to share about the call.
   */
  async picksFor(viewerId: string): Promise<PickView[]> {
    const viewer = await this.organisations.findOneByOrFail({ id: viewerId });
    const collectifIds =
      viewer.kind === 'collectif'
        ? [viewerId]
        : (await this.memberships.findBy({ memberId: viewerId, status: 'accepted' })).map(
            (membership) => membership.collectifId,
          );
    const views: PickView[] = [];
    for (const collectifId of collectifIds) {
      const collectif = await this.organisations.findOneByOrFail({ id: collectifId });
      const page = await this.query.collectifPicks(collectifId, viewerId, { limit: 1000 });
      const activity = await this.memberActivity(
        collectifId,
        viewerId,
        page.items.map((item) => item.callId),
      );
      for (const item of page.items) {
        views.push({
          ...item,
          collectifId,
          collectifName: collectif.name,
          members: activity.get(item.callId) ?? [],
        });
      }
    }
    return views;
  }

  /** A member copies a pick into its own list: shortlisted, followed, annotated. */
  async copyPick(viewerId: string, pickId: string): Promise<OrganisationCallState> {
    const pick = await this.picks.findOneBy({ id: pickId });
    const allowed =
      pick &&
      (pick.collectifId === viewerId ||
        (await this.memberships.existsBy({
          collectifId: pick.collectifId,
          memberId: viewerId,
          status: 'accepted',
        })));
    if (!pick || !allowed) throw TenancyException.notFound('Sélection / pick');
    const current = await this.callStates.get(viewerId, pick.callId);
    return this.callStates.update(viewerId, pick.callId, {
      status: current.status === 'applied' ? 'applied' : 'shortlisted',
      follow: true,
      notes: current.notes || pick.annotation,
    });
  }

  private async memberActivity(
    collectifId: string,
    viewerId: string,
    callIds: string[],
  ): Promise<Map<string, MemberActivity[]>> {
    const result = new Map<string, MemberActivity[]>();
    const sharing = (
      await this.memberships.find({
        where: { collectifId, status: 'accepted' },
        relations: { member: true },
      })
    ).filter((m) => m.memberId !== viewerId && (m.shareFollows || m.shareStatuses || m.shareNotes));
    if (!sharing.length || !callIds.length) return result;
    const states = await this.states.findBy({
      organisationId: In(sharing.map((m) => m.memberId)),
      callId: In(callIds),
    });
    const byMember = new Map(sharing.map((m) => [m.memberId, m]));
    for (const state of states) {
      const membership = byMember.get(state.organisationId)!;
      const activity: MemberActivity = {
        organisationId: state.organisationId,
        name: membership.member?.name ?? '',
      };
      if (membership.shareFollows && state.follow) activity.follow = true;
      if (membership.shareStatuses && state.status !== 'new') activity.status = state.status;
      if (membership.shareNotes && state.notes) activity.notes = state.notes;
      if (Object.keys(activity).length > 2) {
        result.set(state.callId, [...(result.get(state.callId) ?? []), activity]);
      }
    }
    return result;
  }

  async digestSettings(collectifId: string): Promise<CollectifDigestSettings> {
    await this.assertCollectif(collectifId);
    const stored = await this.digests.findOneBy({ collectifId });
    const settings = stored
      ? { frequency: stored.frequency, recipients: stored.recipients }
      : { frequency: DEFAULT_COLLECTIF_DIGEST_FREQUENCY, recipients: [] };
    return { ...settings, recipientStatuses: await this.recipientStatuses(collectifId, settings) };
  }

  private recipientStatuses(collectifId: string, settings: CollectifDigestInput) {
    return this.consents.views(collectifId, collectifSubjectKey(collectifId), settings.recipients);
  }

  /** Replaces both settings; an upsert, so two coordinators saving at once cannot collide. */
  async updateDigestSettings(
    collectifId: string,
    settings: CollectifDigestInput,
  ): Promise<CollectifDigestSettings> {
    await this.assertCollectif(collectifId);
    // The API and the page check it first; a caller of the library gets a 400, not the CHECK's 500.
    if (!(DIGEST_FREQUENCIES as readonly string[]).includes(settings.frequency))
      throw WatchException.invalidProfile(
        'frequency',
        settings.frequency,
        DIGEST_FREQUENCIES.join(', '),
      );
    const stored = {
      frequency: settings.frequency,
      recipients: normalisedRecipients(settings.recipients),
    };
    await this.digests.query(
      `INSERT INTO collectif_digest (collectif_id, frequency, recipients) VALUES ($1, $2, $3)
       ON CONFLICT (collectif_id) DO UPDATE
         SET frequency = EXCLUDED.frequency, recipients = EXCLUDED.recipients, updated_at = now()`,
      [collectifId, stored.frequency, stored.recipients],
    );
    await markDigestDue(this.digests.manager, collectifSubjectKey(collectifId));
    await this.consents.sync(
      collectifId,
      collectifSubjectKey(collectifId),
      stored.recipients,
      new Date(),
    );
    return { ...stored, recipientStatuses: await this.recipientStatuses(collectifId, stored) };
  }

  /** Only a collectif has a shared feed. */
  assertCollectifFor(organisationId: string): Promise<void> {
    return this.assertCollectif(organisationId);
  }

  private async assertCollectif(organisationId: string): Promise<void> {
    const organisation = await this.organisations.findOneBy({ id: organisationId });
    if (organisation?.kind !== 'collectif') throw WatchException.notACollectif();
  }

  private async ownMembership(memberId: string, id: string): Promise<CollectifMembership> {
    const membership = await this.memberships.findOneBy({ id, memberId });
    if (!membership) throw TenancyException.notFound('Invitation');
    return membership;
  }

  private async ownPick(collectifId: string, id: string): Promise<SharedPick> {
    const pick = await this.picks.findOneBy({ id, collectifId });
    if (!pick) throw TenancyException.notFound('Sélection / pick');
    return pick;
  }
}
