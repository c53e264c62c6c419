import { createTestApp, TestApp } from '@app/testing';
import Parser from 'rss-parser';
import request from 'supertest';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser } from '../factories/user.factory';
import { createCall } from '../factories/watch.factory';

describe('Collectif shared feed', () => {
  let testApp: TestApp;
  let collectif: OrganisationFixture;
  let epn: OrganisationFixture;
  let centre: OrganisationFixture;
  let outsider: OrganisationFixture;
  let callId: string;
  let pickId: string;
  const http = () => request(testApp.app.getHttpServer());
  const auth = (fixture: OrganisationFixture) => ({ Authorization: `Bearer ${fixture.apiKey}` });

  async function join(member: OrganisationFixture, sharing: Record<string, boolean>) {
    const invitation = await http()
      .post('/api/collectif/invitations')
      .set(auth(collectif))
      .send({ memberOrganisationId: member.organisationId })
      .expect(201);
    await http()
      .post(`/api/collectif/invitations/${invitation.body.id}/accept`)
      .set(auth(member))
      .expect(200);
    await http()
      .patch(`/api/collectif/memberships/${invitation.body.id}`)
      .set(auth(member))
      .send(sharing)
      .expect(200);
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    collectif = await createOrganisation(testApp.app, { name: 'Mednum63', kind: 'collectif' });
    epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers' });
    centre = await createOrganisation(testApp.app, { name: 'Centre social Riom' });
    outsider = await createOrganisation(testApp.app, { name: 'Association hors réseau' });
    callId = (await createCall(testApp.app, { title: 'Fonds inclusion numérique 2027' })).id;
    await join(epn, { shareFollows: true, shareStatuses: true, shareNotes: false });
    await join(centre, { shareFollows: true });
    const pick = await http()
      .post('/api/collectif/picks')
      .set(auth(collectif))
      .send({ callId, annotation: 'Convient aux EPN', jointBid: true })
      .expect(201);
    pickId = pick.body.id;
    await http()
      .patch(`/api/calls/${callId}/state`)
      .set(auth(epn))
      .send({ status: 'applied', follow: true, notes: 'budget 12 k€, confidentiel' })
      .expect(200);
    await http()
      .patch(`/api/calls/${callId}/state`)
      .set(auth(centre))
      .send({ status: 'shortlisted', follow: true, notes: 'à voir' })
      .expect(200);
  });
  afterAll(() => testApp.close());

  it('refuses an invitation from a structure, and an acceptance by someone else', async () => {
    await http()
      .post('/api/collectif/invitations')
      .set(auth(epn))
      .send({ memberOrganisationId: outsider.organisationId })
      .expect(403);
    const invitation = await http()
      .post('/api/collectif/invitations')
      .set(auth(collectif))
      .send({ memberOrganisationId: outsider.organisationId })
      .expect(201);
    await http()
      .post(`/api/collectif/invitations/${invitation.body.id}/accept`)
      .set(auth(epn))
      .expect(404);
  });

  it('item 4: invites by the structure’s exact name or its owner’s e-mail; several matches list the ids', async () => {
    const byName = await createOrganisation(testApp.app, { name: 'Fablab Clermont' });
    const byEmail = await createOrganisation(testApp.app, { name: 'Fablab Issoire' });
    const owner = await createWebUser(testApp.app, byEmail.organisationId, 'owner');
    const invited = await http()
      .post('/api/collectif/invitations')
      .set(auth(collectif))
      .send({ member: 'fablab clermont' })
      .expect(201);
    expect(invited.body.memberId).toBe(byName.organisationId);
    const byOwner = await http()
      .post('/api/collectif/invitations')
      .set(auth(collectif))
      .send({ member: owner.email.toUpperCase() })
      .expect(201);
    expect(byOwner.body.memberId).toBe(byEmail.organisationId);
    await http()
      .post('/api/collectif/invitations')
      .set(auth(collectif))
      .send({ member: 'Fablab Clermont' })
      .expect(409);
    const several = await http()
      .post('/api/collectif/invitations')
      .set(auth(collectif))
      .send({ member: 'fablab' })
      .expect(409);
    expect(several.body.details.candidates).toEqual([
      { id: byName.organisationId, name: 'Fablab Clermont' },
      { id: byEmail.organisationId, name: 'Fablab Issoire' },
    ]);
    await http()
      .post('/api/collectif/invitations')
      .set(auth(collectif))
      .send({ member: 'personne@test.invalid' })
      .expect(404);
    await http().post('/api/collectif/invitations').set(auth(collectif)).send({}).expect(400);
  });

  it('shows each member the picks and only what the other member chose to share', async () => {
    const seenByCentre = await http().get('/api/collectif/picks').set(auth(centre)).expect(200);
    expect(seenByCentre.body).toHaveLength(1);
    expect(seenByCentre.body[0]).toMatchObject({
      callId,
      collectifName: 'Mednum63',
      pick: { annotation: 'Convient aux EPN', jointBid: true },
    });
    // The EPN shares follows and statuses, not notes.
    expect(seenByCentre.body[0].members).toEqual([
      {
        organisationId: epn.organisationId,
        name: 'EPN de Thiers',
        follow: true,
        status: 'applied',
      },
    ]);
    expect(JSON.stringify(seenByCentre.body)).not.toContain('confidentiel');

    const seenByEpn = await http().get('/api/collectif/picks').set(auth(epn)).expect(200);
    // The centre shares follows only: its status and notes stay private.
    expect(seenByEpn.body[0].members).toEqual([
      { organisationId: centre.organisationId, name: 'Centre social Riom', follow: true },
    ]);
    expect(seenByEpn.body[0].status).toBe('applied');
  });

  it('lets no outsider see the picks, and lets a member copy a pick into its list', async () => {
    const outside = await http().get('/api/collectif/picks').set(auth(outsider)).expect(200);
    expect(outside.body).toEqual([]);
    await http().post(`/api/collectif/picks/${pickId}/copy`).set(auth(outsider)).expect(404);
    const fresh = await createOrganisation(testApp.app, { name: 'Tiers-lieu Ambert' });
    await join(fresh, {});
    const copied = await http()
      .post(`/api/collectif/picks/${pickId}/copy`)
      .set(auth(fresh))
      .expect(200);
    expect(copied.body).toMatchObject({
      status: 'shortlisted',
      follow: true,
      notes: 'Convient aux EPN',
    });
  });

  it('publishes the shared feed at its own token address', async () => {
    const token = await http().post('/api/collectif/feed-tokens').set(auth(collectif)).expect(201);
    const rss = await http().get(new URL(token.body.feeds.rss).pathname).expect(200);
    const feed = await new Parser().parseString(rss.text);
    expect(feed.items.map((item) => item.title)).toEqual(['Fonds inclusion numérique 2027']);
    expect(feed.items[0].content).toContain('Convient aux EPN');
    expect(feed.items[0].content).toContain('Candidature commune');
    expect(rss.text).not.toContain('confidentiel');
    await http().post('/api/collectif/feed-tokens').set(auth(epn)).expect(403);
  });
});
