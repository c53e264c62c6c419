import { Membership, MemberRole, OrganisationKind, User } from '@app/persistence';
import { ApiKeyService, OrganisationService } from '@app/tenancy';
import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';

export interface OrganisationFixture {
  organisationId: string;
  /** The owner's API key. */
  apiKey: string;
  /** Adds a member with another role and returns their API key. */
  addMember(role: MemberRole): Promise<string>;
}

let counter = 0;

/** An organisation with its owner, through the same service the CLI uses. */
export async function createOrganisation(
  app: INestApplicationContext,
  overrides: { name?: string; kind?: OrganisationKind; territory?: string[] } = {},
): Promise<OrganisationFixture> {
  counter++;
  const created = await app.get(OrganisationService).create({
    name: overrides.name ?? `Structure de test ${counter}`,
    kind: overrides.kind ?? 'structure',
    territory: overrides.territory ?? ['63'],
    ownerEmail: `owner-${counter}-${randomBytes(3).toString('hex')}@test.invalid`,
  });
  const users = app.get<Repository<User>>(getRepositoryToken(User));
  const memberships = app.get<Repository<Membership>>(getRepositoryToken(Membership));
  return {
    organisationId: created.organisation.id,
    apiKey: created.apiKey,
    async addMember(role: MemberRole) {
      const user = await users.save(
        users.create({ email: null, displayName: `${role} ${counter}` }),
      );
      const membership = await memberships.save(
        memberships.create({ userId: user.id, organisationId: created.organisation.id, role }),
      );
      return (await app.get(ApiKeyService).issue(membership.id, `${role} key`)).apiKey;
    },
  };
}
