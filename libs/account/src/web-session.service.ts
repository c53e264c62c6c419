import { Membership, WebSession } from '@app/persistence';
import type { MemberRole } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from './account.constants';
import {
  generateSecretToken,
  hashSecretToken,
  looksLikeSecretToken,
  sameSecret,
} from './secret-token.util';
import type { ResolvedSession, StartedSession } from './web-session.types';

interface SessionRow {
  token_hash: string;
  csrf_token: string;
  user_id: string | null;
  organisation_id: string | null;
  created_at: Date;
  last_seen_at: Date;
  email: string | null;
  display_name: string | null;
  membership_id: string | null;
  role: MemberRole | null;
}

/** Browser sessions in PostgreSQL, so any api process serves any request. */
@Injectable()
export class WebSessionService {
  constructor(
    @InjectRepository(WebSession) private readonly sessions: Repository<WebSession>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
  ) {}

  /**
   * A fresh session for a user who just proved who they are; the previous one (anonymous or
   * not) is deleted so a token planted before sign-in is worthless after it (fixation).
   */
  async startForUser(
    userId: string,
    organisationId: string,
    previousToken?: string,
  ): Promise<StartedSession> {
    if (previousToken) await this.end(previousToken);
    return this.start(userId, organisationId, SESSION_IDLE_MS);
  }

  async resolve(token: string | undefined): Promise<ResolvedSession | null> {
    if (!looksLikeSecretToken(token)) return null;
    const tokenHash = hashSecretToken(token);
    const rows: SessionRow[] = await this.sessions.query(
      `SELECT s.token_hash, s.csrf_token, s.user_id, s.organisation_id, s.created_at,
              s.last_seen_at, u.email, u.display_name, m.id AS membership_id, m.role
         FROM web_session s
         LEFT JOIN user_account u ON u.id = s.user_id
         LEFT JOIN membership m ON m.user_id = s.user_id AND m.organisation_id = s.organisation_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.user_id) await this.touch(row);
    return {
      tokenHash,
      csrfToken: row.csrf_token,
      user: row.user_id
        ? { id: row.user_id, email: row.email, displayName: row.display_name }
        : null,
      principal:
        row.user_id && row.organisation_id && row.membership_id && row.role
          ? {
              userId: row.user_id,
              organisationId: row.organisation_id,
              membershipId: row.membership_id,
              role: row.role,
            }
          : null,
    };
  }

  /** True when the submitted token is this session's synchronizer token. */
  checkCsrf(session: ResolvedSession, submitted: unknown): boolean {
    return typeof submitted === 'string' && sameSecret(submitted, session.csrfToken);
  }

  /** Acts for another of the user's organisations; false when they are not a member of it. */
  async switchOrganisation(session: ResolvedSession, organisationId: string): Promise<boolean> {
    if (!session.user) return false;
    const member = await this.memberships.existsBy({ userId: session.user.id, organisationId });
    if (!member) return false;
    await this.sessions.update({ tokenHash: session.tokenHash }, { organisationId });
    return true;
  }

  async end(token: string): Promise<void> {
    if (looksLikeSecretToken(token)) {
      await this.sessions.delete({ tokenHash: hashSecretToken(token) });
    }
  }

  /** Signs a user out everywhere (after a password reset). */
  async endAllOf(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }

  private async start(
    userId: string | null,
    organisationId: string | null,
    lifetimeMs: number,
  ): Promise<StartedSession> {
    const token = generateSecretToken();
    const csrfToken = generateSecretToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + lifetimeMs);
    await this.sessions.insert({
      tokenHash: hashSecretToken(token),
      userId,
      organisationId,
      csrfToken,
      lastSeenAt: now,
      expiresAt,
    });
    return { token, expiresAt, csrfToken };
  }

  /** Slides the idle limit forward, never past the absolute one; rarely writes. */
  private async touch(row: SessionRow): Promise<void> {
    const now = Date.now();
    if (now - new Date(row.last_seen_at).getTime() < SESSION_TOUCH_MS) return;
    const cap = new Date(row.created_at).getTime() + SESSION_ABSOLUTE_MS;
    await this.sessions.update(
      { tokenHash: row.token_hash },
      { lastSeenAt: new Date(now), expiresAt: new Date(Math.min(now + SESSION_IDLE_MS, cap)) },
    );
  }
}
