import { ApiKey, Membership } from '@app/persistence';
import { VigieConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { apiKeyDisplayPrefix, apiKeyLooksValid, generateApiKey, hashApiKey } from './api-key.util';
import { Principal } from './principal';
import { TenancyException } from './tenancy.exception';

/** lastUsedAt is informative; writing it on every request would turn reads into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssuedApiKey {
  record: ApiKey;
  /** The key itself: shown once, never stored. */
  apiKey: string;
}

@Injectable()
export class ApiKeyService {
  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly config: VigieConfig,
  ) {}

  async issue(membershipId: string, label: string, keys = this.keys): Promise<IssuedApiKey> {
    const apiKey = generateApiKey();
    const record = await keys.save(
      keys.create({
        membershipId,
        label,
        prefix: apiKeyDisplayPrefix(apiKey),
        hash: hashApiKey(apiKey, this.config.API_KEY_PEPPER),
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    return { record, apiKey };
  }

  /** Resolves a presented key to its principal, or fails with 401 without saying why. */
  async authenticate(presented: string | undefined): Promise<Principal> {
    if (!presented || !apiKeyLooksValid(presented)) throw TenancyException.unauthenticated();
    const key = await this.keys.findOne({
      where: { hash: hashApiKey(presented, this.config.API_KEY_PEPPER), revokedAt: IsNull() },
      relations: { membership: true },
    });
    const membership: Membership | undefined = key?.membership;
    if (!key || !membership) throw TenancyException.unauthenticated();
    await this.touch(key);
    return {
      organisationId: membership.organisationId,
      userId: membership.userId,
      membershipId: membership.id,
      role: membership.role,
      apiKeyId: key.id,
    };
  }

  async list(organisationId: string): Promise<ApiKey[]> {
    return this.keys
      .createQueryBuilder('key')
      .innerJoin('key.membership', 'membership')
      .where('membership.organisationId = :organisationId', { organisationId })
      .orderBy('key.createdAt', 'ASC')
      .getMany();
  }

  async revoke(organisationId: string, keyId: string): Promise<ApiKey> {
    const key = (await this.list(organisationId)).find((candidate) => candidate.id === keyId);
    if (!key) throw TenancyException.notFound('Clé d’API');
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await this.keys.update({ id: key.id }, { revokedAt: key.revokedAt });
    }
    return key;
  }

  private async touch(key: ApiKey): Promise<void> {
    const now = Date.now();
    if (key.lastUsedAt && now - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    await this.keys.update({ id: key.id }, { lastUsedAt: new Date(now) });
  }
}
