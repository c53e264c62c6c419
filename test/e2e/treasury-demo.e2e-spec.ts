import { createTestApp, TestApp } from '@app/testing';
import request from 'supertest';
import { seedDemoTreasury } from '../../apps/cli/src/demo/demo-treasury.seed';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';

describe('seedDemoTreasury', () => {
  let testApp: TestApp;
  let demo: OrganisationFixture;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await createTestApp();
    demo = await createOrganisation(testApp.app, {
      name: 'EPN de démonstration',
      territory: ['75'],
    });
  });
  afterAll(() => testApp.close());

  it('seeds a treasury that turns negative with real warnings, once', async () => {
    const summary = await seedDemoTreasury(testApp.app, demo.organisationId);
    const url = new URL(summary.treasury as string);
    const projection = await http()
      .get(`${url.pathname}${url.search}`)
      .set('Authorization', `Bearer ${demo.apiKey}`)
      .expect(200);
    const codes = projection.body.warnings.map((w: { code: string }) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining(['CASH_NEGATIVE', 'EU_PREFINANCING', 'DEADLINE_SOON']),
    );
    expect(projection.body.peakNeed.amountCents).toBeGreaterThan(0);
    const listed = await http()
      .get('/api/applications')
      .set('Authorization', `Bearer ${demo.apiKey}`)
      .expect(200);
    expect(listed.body).toHaveLength(4);
    await seedDemoTreasury(testApp.app, demo.organisationId);
    const again = await http()
      .get('/api/applications')
      .set('Authorization', `Bearer ${demo.apiKey}`)
      .expect(200);
    expect(again.body).toHaveLength(4);
  });
});
