import { AccountService } from '@app/account';
import { Membership, MemberRole, User } from '@app/persistence';
import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';

export interface WebUserFixture {
  userId: string;
  email: string;
  password: string;
}

/** A user who can sign in to the web application, member of the organisation with the role. */
export async function createWebUser(
  app: INestApplicationContext,
  organisationId: string,
  role: MemberRole,
  overrides: { email?: string; password?: string; displayName?: string | null } = {},
): Promise<WebUserFixture> {
  const email = overrides.email ?? `${role}-${randomBytes(4).toString('hex')}@test.invalid`;
  const password = overrides.password ?? `phrase de passe ${randomBytes(4).toString('hex')}`;
  const users = app.get<Repository<User>>(getRepositoryToken(User));
  const memberships = app.get<Repository<Membership>>(getRepositoryToken(Membership));
  const user =
    (await users.findOneBy({ email })) ??
    (await users.save(
      users.create({
        email,
        // null: an account created without a name (as the CLI may), to see how it is shown.
        displayName:
          overrides.displayName === undefined ? `Camille (${role})` : overrides.displayName,
      }),
    ));
  await memberships.save(memberships.create({ userId: user.id, organisationId, role }));
  await app.get(AccountService).setPassword(user.id, password);
  return { userId: user.id, email, password };
}
