import { FeedToken } from '@app/persistence';
import { TenancyException } from '@app/tenancy';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';

export interface IssuedFeedToken {
  id: string;
  /** Shown once: only its hash is stored. */
  token: string;
  prefix: string;
  createdAt: Date;
}

export const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Unguessable (256 random bits), revocable feed addresses. */
@Injectable()
export class FeedTokenService {
  constructor(@InjectRepository(FeedToken) private readonly tokens: Repository<FeedToken>) {}

  async issue(organisationId: string, profileId: string | null): Promise<IssuedFeedToken> {
    const token = randomBytes(32).toString('base64url');
    const saved = await this.tokens.save(
      this.tokens.create({
        organisationId,
        profileId,
        tokenHash: hashFeedToken(token),
        tokenPrefix: token.slice(0, 6),
      }),
    );
    return { id: saved.id, token, prefix: saved.tokenPrefix, createdAt: saved.createdAt };
  }

  list(organisationId: string, profileId: string | null): Promise<FeedToken[]> {
    return this.tokens.find({
      where: { organisationId, profileId: profileId ?? IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
  }

  async revoke(organisationId: string, profileId: string | null, id: string): Promise<void> {
    const token = await this.tokens.findOneBy({
      id,
      organisationId,
      profileId: profileId ?? IsNull(),
    });
    if (!token) throw TenancyException.notFound('Jeton de flux / feed token');
    if (!token.revokedAt) await this.tokens.update({ id }, { revokedAt: new Date() });
  }
}
