import { Clock } from '@app/common';
import { createTestApp, type TestApp } from '@app/testing';
import type { Principal } from '@app/tenancy';
import { Membership } from '@app/persistence';
import { getDataSourceToken, getRepositoryToken } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { createOrganisation } from '../../../../test/factories/organisation.factory';
import { fseApplicationBody } from '../../../../test/factories/application.factory';
import type { FundingRules } from '../funding-rules.types';
import { ApplicationService } from './application.service';
import { FUNDING_RULES } from './funding-rules.provider';
import { TreasurySettingsService } from './treasury-settings.service';
import { TreasuryService } from './treasury.service';

const query = { from: '2026-01', months: 30, asOf: '2026-01-05' };

describe(TreasuryService.name, () => {
  let testApp: TestApp;
  let treasury: TreasuryService;
  let applications: ApplicationService;
  let principal: Principal;
  const ids: string[] = [];

  /** What a process that never cached anything answers: the reference for the cached one. */
  async function fromScratch(): Promise<unknown> {
    const app = testApp.app;
    const fresh = new TreasuryService(
      app.get<DataSource>(getDataSourceToken()),
      app.get<FundingRules>(FUNDING_RULES),
      app.get(TreasurySettingsService),
      applications,
      app.get(Clock),
    );
    return JSON.parse(JSON.stringify(await fresh.project(principal, query)));
  }

  async function served(extra: { lines?: boolean } = {}): Promise<Record<string, unknown>> {
    const projection = await treasury.projectJson(principal, { ...query, ...extra });
    return JSON.parse(projection.json.toString('utf8')) as Record<string, unknown>;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    treasury = testApp.app.get(TreasuryService);
    applications = testApp.app.get(ApplicationService);
    const organisation = await createOrganisation(testApp.app);
    const owner = await testApp.app
      .get<Repository<Membership>>(getRepositoryToken(Membership))
      .findOneByOrFail({ organisationId: organisation.organisationId });
    principal = {
      organisationId: organisation.organisationId,
      userId: owner.userId,
      membershipId: owner.id,
      role: 'owner',
    };
    for (let i = 0; i < 3; i++) {
      const view = await applications.create(
        principal,
        fseApplicationBody({ operationStart: `2026-0${i + 1}`, operationEnd: `2026-1${i}` }),
      );
      ids.push(view.id);
    }
  });
  afterAll(() => testApp.close());

  it('serves the same projection as a process without caches, after every kind of write', async () => {
    expect(await served()).toEqual(await fromScratch());

    await applications.update(principal, ids[0], { title: 'Parcours renommé' });
    const renamed = await served();
    expect(JSON.stringify(renamed)).toContain('Dépenses – Parcours renommé');
    expect(renamed).toEqual(await fromScratch());

    const view = await applications.get(principal, ids[1]);
    const fse = view.fundingLines.find((l) => l.kind === 'FSE_PLUS') as { id: string };
    await applications.updateLine(principal, ids[1], fse.id, { amountCents: 6_000_000 });
    expect(await served()).toEqual(await fromScratch());

    await applications.remove(principal, ids[2]);
    const removed = await served();
    expect(JSON.stringify(removed)).not.toContain(ids[2]);
    expect(removed).toEqual(await fromScratch());
  });

  it('leaves the movements out on request, and only them', async () => {
    const full = await served();
    const curve = await served({ lines: false });
    const months = full.months as Record<string, unknown>[];
    expect(curve.months).toEqual(months.map(({ lines: _lines, ...rest }) => rest));
    expect(curve.warnings).toEqual(full.warnings);
    expect(curve.peakNeed).toEqual(full.peakNeed);
    expect(months.some((m) => (m.lines as unknown[]).length > 0)).toBe(true);
  });
});
