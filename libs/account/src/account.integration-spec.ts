import { Membership } from '@app/persistence';
import { createTestApp, TestApp } from '@app/testing';
import { DataSource } from 'typeorm';
import { createOrganisation } from '../../../test/factories/organisation.factory';
import { createWebUser } from '../../../test/factories/user.factory';
import { AccountException, AccountExceptionCode } from './account.exception';
import { AccountPurgeService } from './account-purge.service';
import { AccountService } from './account.service';
import { AuthTokenService } from './auth-token.service';
import { SIGN_IN_FAILURES_PER_IP } from './account.constants';
import { WebSessionService } from './web-session.service';

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AccountException ? error.code : String(error)),
  );

describe(AccountService.name, () => {
  let testApp: TestApp;
  let accounts: AccountService;
  let tokens: AuthTokenService;
  let sessions: WebSessionService;
  let dataSource: DataSource;
  let organisationId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    accounts = testApp.app.get(AccountService);
    tokens = testApp.app.get(AuthTokenService);
    sessions = testApp.app.get(WebSessionService);
    dataSource = testApp.app.get(DataSource);
    organisationId = (await createOrganisation(testApp.app)).organisationId;
  });
  afterAll(() => testApp.close());

  it('lets only one of two simultaneous uses of a reset link through', async () => {
    const user = await createWebUser(testApp.app, organisationId, 'member');
    const token = await tokens.issue({
      purpose: 'password_reset',
      email: user.email,
      ttlMs: 60_000,
    });
    const results = await Promise.all([
      code(accounts.resetPassword(token, 'première phrase secrète')),
      code(accounts.resetPassword(token, 'seconde phrase secrète')),
    ]);
    expect(results.sort()).toEqual([AccountExceptionCode.INVALID_LINK, 'ok'].sort());
  });

  it('refuses an expired invitation', async () => {
    const token = await tokens.issue({
      purpose: 'invitation',
      email: 'tard@exemple.fr',
      ttlMs: 60_000,
      organisationId,
      role: 'viewer',
    });
    await dataSource.query(`UPDATE auth_token SET expires_at = now() - interval '1 second'`);
    await expect(code(accounts.describeInvitation(token))).resolves.toBe(
      AccountExceptionCode.INVALID_LINK,
    );
  });

  it('does not take a reset link for an invitation', async () => {
    const user = await createWebUser(testApp.app, organisationId, 'member');
    const token = await tokens.issue({
      purpose: 'password_reset',
      email: user.email,
      ttlMs: 60_000,
    });
    await expect(code(accounts.describeInvitation(token))).resolves.toBe(
      AccountExceptionCode.INVALID_LINK,
    );
  });

  it('gives no principal once the membership is gone', async () => {
    const user = await createWebUser(testApp.app, organisationId, 'member');
    const started = await sessions.startForUser(user.userId, organisationId);
    expect((await sessions.resolve(started.token))?.principal?.role).toBe('member');
    await dataSource.getRepository(Membership).delete({ userId: user.userId, organisationId });
    expect((await sessions.resolve(started.token))?.principal).toBeNull();
  });

  it('forgets an expired session', async () => {
    const user = await createWebUser(testApp.app, organisationId, 'member');
    const started = await sessions.startForUser(user.userId, organisationId);
    await dataSource.query(`UPDATE web_session SET expires_at = now() - interval '1 second'`);
    await expect(sessions.resolve(started.token)).resolves.toBeNull();
    expect((await testApp.app.get(AccountPurgeService).purgeExpired()).sessions).toBeGreaterThan(0);
  });

  it('blocks an IP that sprays many addresses, whatever the address', async () => {
    for (let i = 0; i < SIGN_IN_FAILURES_PER_IP; i++) {
      await expect(
        code(accounts.signIn(`x${i}@exemple.fr`, 'mauvais', '198.51.100.9')),
      ).resolves.toBe(AccountExceptionCode.INVALID_CREDENTIALS);
    }
    await expect(
      code(accounts.signIn('autre@exemple.fr', 'mauvais', '198.51.100.9')),
    ).resolves.toBe(AccountExceptionCode.TOO_MANY_ATTEMPTS);
    await expect(
      code(accounts.signIn('autre@exemple.fr', 'mauvais', '198.51.100.10')),
    ).resolves.toBe(AccountExceptionCode.INVALID_CREDENTIALS);
  });
});
