import { ApiKey, Membership } from '@app/persistence';
import { createTestApp, TestApp } from '@app/testing';
import { createHash, createHmac } from 'node:crypto';
import { ApiKeyService } from './api-key.service';
import { OrganisationService } from './organisation.service';
import { TenancyException } from './tenancy.exception';

describe(ApiKeyService.name, () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('stores only a SHA-256 hash of the key, never the key', async () => {
    const created = await testApp.app.get(OrganisationService).create({
      name: 'Tiers-lieu La Forge',
      kind: 'structure',
      territory: ['63'],
    });
    const rows = await testApp.database.dataSource.getRepository(ApiKey).find();
    const row = rows.find(
      (key) => key.hash === createHash('sha256').update(created.apiKey).digest('hex'),
    );
    expect(row).toBeDefined();
    const dump = JSON.stringify(await testApp.database.dataSource.query('SELECT * FROM api_key'));
    expect(dump).not.toContain(created.apiKey);
    expect(row!.prefix).toBe(created.apiKey.slice(0, 12));
  });

  it('resolves a key to its organisation and role, and refuses it once revoked', async () => {
    const service = testApp.app.get(ApiKeyService);
    const created = await testApp.app.get(OrganisationService).create({
      name: 'Collectif Mednum63',
      kind: 'collectif',
      territory: ['63'],
    });
    const principal = await service.authenticate(created.apiKey);
    expect(principal).toMatchObject({ organisationId: created.organisation.id, role: 'owner' });
    await service.revoke(created.organisation.id, principal.apiKeyId!);
    await expect(service.authenticate(created.apiKey)).rejects.toBeInstanceOf(TenancyException);
  });

  it('creates nothing when the owner e-mail is already taken', async () => {
    const service = testApp.app.get(OrganisationService);
    await service.create({ name: 'A', kind: 'structure', territory: [], ownerEmail: 'dir@epn.fr' });
    const before = await testApp.database.dataSource.getRepository(Membership).count();
    await expect(
      service.create({ name: 'B', kind: 'structure', territory: [], ownerEmail: 'DIR@epn.fr' }),
    ).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(await testApp.database.dataSource.getRepository(Membership).count()).toBe(before);
  });
});

describe('hashApiKey with a pepper', () => {
  it('is an HMAC, so the hash alone cannot be checked against a guessed key', async () => {
    const { hashApiKey } = await import('./api-key.util');
    const key = 'vigie_' + 'x'.repeat(43);
    expect(hashApiKey(key, 'a-long-secret-pepper')).toBe(
      createHmac('sha256', 'a-long-secret-pepper').update(key).digest('hex'),
    );
    expect(hashApiKey(key, 'a-long-secret-pepper')).not.toBe(hashApiKey(key));
  });
});
