import { hashPassword } from '@app/account';
import { Membership, Organisation, User, UserCredential } from '@app/persistence';
import type { MemberRole } from '@app/persistence';
import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

export interface DemoUser {
  email: string;
  password: string;
  role: MemberRole;
  organisation: string;
}

interface DemoUserSpec {
  email: string;
  displayName: string;
  password: string;
  role: MemberRole;
}

/** Known demo credentials: printed and written to .vigie/demo.json, never used in production. */
const STRUCTURE_USER: DemoUserSpec = {
  email: 'direction@epn-demo.vigie.invalid',
  displayName: 'Camille Martin',
  password: 'phare de la vigie 2027',
  role: 'owner',
};
const COLLECTIF_USER: DemoUserSpec = {
  email: 'coordination@collectif-demo.vigie.invalid',
  displayName: 'Sacha Bernard',
  password: 'collectif du littoral 2027',
  role: 'owner',
};

/**
 * Web users for the demo: the structure's director and, when there is one, the collectif's
 * coordinator. Idempotent: running the demo again resets their passwords to the known ones.
 * Repositories only (no AccountModule needed in the CLI).
 */
export async function seedDemoUsers(
  app: INestApplicationContext,
  organisations: { structureOrganisationId: string; collectifOrganisationId?: string },
): Promise<{ users: DemoUser[] }> {
  const users: DemoUser[] = [];
  users.push(await seedUser(app, organisations.structureOrganisationId, STRUCTURE_USER));
  if (organisations.collectifOrganisationId) {
    users.push(await seedUser(app, organisations.collectifOrganisationId, COLLECTIF_USER));
  }
  return { users };
}

async function seedUser(
  app: INestApplicationContext,
  organisationId: string,
  spec: DemoUserSpec,
): Promise<DemoUser> {
  const repository = <T extends object>(entity: new () => T) =>
    app.get<Repository<T>>(getRepositoryToken(entity));
  const users = repository(User);
  const organisation = await repository(Organisation).findOneByOrFail({ id: organisationId });
  const user =
    (await users.findOneBy({ email: spec.email })) ??
    (await users.save(users.create({ email: spec.email, displayName: spec.displayName })));
  await repository(Membership).upsert(
    { userId: user.id, organisationId, role: spec.role },
    { conflictPaths: ['userId', 'organisationId'] },
  );
  await repository(UserCredential).save({
    userId: user.id,
    passwordHash: await hashPassword(spec.password),
  });
  return {
    email: spec.email,
    password: spec.password,
    role: spec.role,
    organisation: organisation.name,
  };
}
