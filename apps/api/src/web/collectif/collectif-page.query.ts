import type { CallStatus, CollectifMembershipStatus, OrganisationKind } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readForPage } from '../page-query.util';

export interface OrganisationRef {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/** One membership seen from either side: the other organisation's name and what is shared. */
export interface MembershipRow {
  id: string;
  organisationId: string;
  name: string;
  status: CollectifMembershipStatus;
  invitedAt: Date;
  acceptedAt: Date | null;
  shareFollows: boolean;
  shareStatuses: boolean;
  shareNotes: boolean;
}

/** A call the organisation follows or shortlisted: « its own » list beside the shared feed. */
export interface TrackedCall {
  id: string;
  title: string;
  nextDeadline: string | null;
  rolling: boolean;
  status: CallStatus;
  follow: boolean;
}

/** One other member's shared activity on a call, as stored: null where it shares nothing. */
export interface ActivityRow {
  callId: string;
  name: string;
  follow: boolean;
  status: CallStatus | null;
  notes: string | null;
}

export const TRACKED_CALLS_SHOWN = 10;

const MEMBERSHIP_COLUMNS = `m.id, m.status, m.invited_at AS "invitedAt", m.accepted_at AS "acceptedAt",
  m.share_follows AS "shareFollows", m.share_statuses AS "shareStatuses",
  m.share_notes AS "shareNotes", o.id AS "organisationId", o.name`;

/**
 * The collectif pages' reads that the watch library does not offer with names attached. Every
 * query starts from the viewer's own organisation id, so nothing of another tenant is reached.
 */
@Injectable()
export class CollectifPageQuery {
  constructor(private readonly dataSource: DataSource) {}

  async organisation(id: string): Promise<OrganisationRef | null> {
    const [row] = await this.dataSource.query<OrganisationRef[]>(
      'SELECT id, name, kind FROM organisation WHERE id = $1',
      [id],
    );
    return row ?? null;
  }

  /** The structures a collectif invited, members first, then pending invitations. */
  membersOf(collectifId: string): Promise<MembershipRow[]> {
    return this.dataSource.query<MembershipRow[]>(
      `SELECT ${MEMBERSHIP_COLUMNS}
         FROM collectif_membership m JOIN organisation o ON o.id = m.member_id
        WHERE m.collectif_id = $1
        ORDER BY m.status = 'accepted' DESC, o.name, m.id`,
      [collectifId],
    );
  }

  /** The collectifs a structure belongs to or was invited by. */
  collectifsOf(memberId: string): Promise<MembershipRow[]> {
    return this.dataSource.query<MembershipRow[]>(
      `SELECT ${MEMBERSHIP_COLUMNS}
         FROM collectif_membership m JOIN organisation o ON o.id = m.collectif_id
        WHERE m.member_id = $1
        ORDER BY m.status = 'accepted' DESC, o.name, m.id`,
      [memberId],
    );
  }

  async membershipStatus(
    collectifId: string,
    memberId: string,
  ): Promise<CollectifMembershipStatus | null> {
    const [row] = await this.dataSource.query<Array<{ status: CollectifMembershipStatus }>>(
      'SELECT status FROM collectif_membership WHERE collectif_id = $1 AND member_id = $2',
      [collectifId, memberId],
    );
    return row?.status ?? null;
  }

  /**
   * Walks the organisation's own states (its primary key), never the 100 000 calls: an
   * organisation tracks tens of calls, not thousands.
   */
  trackedCalls(organisationId: string): Promise<TrackedCall[]> {
    return readForPage(this.dataSource, (run) =>
      run<TrackedCall[]>(
        `SELECT c.id, c.title, to_char(c.next_deadline, 'YYYY-MM-DD') AS "nextDeadline",
                c.rolling, s.status, s.follow
           FROM organisation_call_state s JOIN call c ON c.id = s.call_id
          WHERE s.organisation_id = $1
            AND (s.follow OR s.status IN ('shortlisted', 'applied'))
          ORDER BY c.next_deadline NULLS LAST, c.id
          LIMIT ${TRACKED_CALLS_SHOWN}`,
        [organisationId],
      ),
    );
  }

  /**
   * What the collectif's other accepted members show about these calls, each fact only when its
   * member ticked the matching box: the rule of CollectifService (and of the API), limited to the
   * calls of one page of picks.
   */
  activity(collectifId: string, viewerId: string, callIds: string[]): Promise<ActivityRow[]> {
    if (callIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query<ActivityRow[]>(
      `SELECT s.call_id AS "callId", o.name,
              (m.share_follows AND s.follow) AS follow,
              CASE WHEN m.share_statuses AND s.status <> 'new' THEN s.status END AS status,
              CASE WHEN m.share_notes AND s.notes <> '' THEN s.notes END AS notes
         FROM collectif_membership m
         JOIN organisation o ON o.id = m.member_id
         JOIN organisation_call_state s
           ON s.organisation_id = m.member_id AND s.call_id = ANY($3::uuid[])
        WHERE m.collectif_id = $1 AND m.status = 'accepted' AND m.member_id <> $2
          AND ((m.share_follows AND s.follow)
            OR (m.share_statuses AND s.status <> 'new')
            OR (m.share_notes AND s.notes <> ''))
        ORDER BY o.name, o.id`,
      [collectifId, viewerId, callIds],
    );
  }

  async ownsPick(collectifId: string, pickId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM shared_pick WHERE id = $1 AND collectif_id = $2',
      [pickId, collectifId],
    );
    return rows.length > 0;
  }

  async callTitle(callId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ title: string }>>(
      'SELECT title FROM call WHERE id = $1',
      [callId],
    );
    return row?.title ?? null;
  }
}
