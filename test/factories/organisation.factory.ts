import { Membership, MemberRole, Organisation, OrganisationKind, User } from '@app/persistence';
import { ApiKeyService, OrganisationService, type Principal } from '@app/tenancy';
import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';

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

/**
 * A structure (territory 63) and its owner, written straight to the database for library
 * integration tests that run without the app; answers the owner as a request's principal.
 */
export async function createOwnerPrincipal(
  dataSource: DataSource,
  name: string,
): Promise<Principal> {
  const organisation = await dataSource
    .getRepository(Organisation)
    .save({ name, kind: 'structure', territory: ['63'] });
  const user = await dataSource.getRepository(User).save({ email: null, displayName: name });
  const membership = await dataSource
    .getRepository(Membership)
    .save({ userId: user.id, organisationId: organisation.id, role: 'owner' });
  return {
    organisationId: organisation.id,
    userId: user.id,
    membershipId: membership.id,
    role: 'owner',
  };
}
