import { AuthToken } from '@app/persistence';
import type { AuthTokenPurpose, MemberRole } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { AccountException } from './account.exception';
import { generateSecretToken, hashSecretToken, looksLikeSecretToken } from './secret-token.util';

export interface TokenRequest {
  purpose: AuthTokenPurpose;
  email: string;
  ttlMs: number;
  organisationId?: string;
  role?: MemberRole;
  createdByUserId?: string;
}

/** Single-use, expiring links: only the hash is stored, and consuming one is atomic. */
@Injectable()
export class AuthTokenService {
  constructor(@InjectRepository(AuthToken) private readonly tokens: Repository<AuthToken>) {}

  /** Returns the raw token, to put in the e-mailed link and nowhere else. */
  async issue(request: TokenRequest): Promise<string> {
    const token = generateSecretToken();
    await this.tokens.insert({
      tokenHash: hashSecretToken(token),
      purpose: request.purpose,
      email: request.email,
      organisationId: request.organisationId ?? null,
      role: request.role ?? null,
      createdByUserId: request.createdByUserId ?? null,
      expiresAt: new Date(Date.now() + request.ttlMs),
      usedAt: null,
    });
    return token;
  }

  /**
   * A pending invitation sent again: the same row gets a new token and a new expiry, so the
   * earlier link stops working and one invitation per address stays pending. Older duplicates
   * (from before renewal existed) are ended. Returns null when nothing is pending.
   */
  async renewInvitation(request: TokenRequest): Promise<string | null> {
    return this.tokens.manager.transaction(async (manager) => {
      const pending = await manager.getRepository(AuthToken).find({
        where: {
          purpose: 'invitation',
          email: request.email,
          organisationId: request.organisationId ?? undefined,
          usedAt: IsNull(),
          expiresAt: MoreThan(new Date()),
        },
        order: { createdAt: 'DESC' },
        lock: { mode: 'pessimistic_write' },
      });
      const [newest, ...older] = pending;
      if (!newest) return null;
      const token = generateSecretToken();
      await manager.getRepository(AuthToken).update(newest.id, {
        tokenHash: hashSecretToken(token),
        role: request.role ?? null,
        createdByUserId: request.createdByUserId ?? null,
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + request.ttlMs),
      });
      if (older.length) {
        await manager.getRepository(AuthToken).update(
          older.map((row) => row.id),
          { expiresAt: new Date() },
        );
      }
      return token;
    });
  }

  /** The still valid token, without using it (to show the form the link leads to). */
  async peek(token: string, purpose: AuthTokenPurpose): Promise<AuthToken> {
    const found = looksLikeSecretToken(token)
      ? await this.tokens.findOne({
          where: { tokenHash: hashSecretToken(token), purpose },
          relations: { organisation: true },
        })
      : null;
    if (!found || found.usedAt || found.expiresAt.getTime() <= Date.now()) {
      throw AccountException.invalidLink();
    }
    return found;
  }

  /**
   * Marks the token used inside the caller's transaction; of two concurrent uses only one
   * gets the row back.
   */
  async consume(
    manager: EntityManager,
    token: string,
    purpose: AuthTokenPurpose,
  ): Promise<AuthToken> {
    if (!looksLikeSecretToken(token)) throw AccountException.invalidLink();
    // The query builder's `raw` is always the returned rows (a raw UPDATE's result shape is not).
    const result = await manager
      .createQueryBuilder()
      .update(AuthToken)
      .set({ usedAt: () => 'now()' })
      .where('token_hash = :hash AND purpose = :purpose', { hash: hashSecretToken(token), purpose })
      .andWhere('used_at IS NULL AND expires_at > now()')
      .returning(['id'])
      .execute();
    const rows = result.raw as Array<{ id: string }>;
    if (rows.length === 0 || !rows[0].id) throw AccountException.invalidLink();
    return manager.getRepository(AuthToken).findOneByOrFail({ id: rows[0].id });
  }

  countRecent(email: string, purpose: AuthTokenPurpose, sinceMs: number): Promise<number> {
    return this.tokens.countBy({
      email,
      purpose,
      createdAt: MoreThan(new Date(Date.now() - sinceMs)),
    });
  }
}
