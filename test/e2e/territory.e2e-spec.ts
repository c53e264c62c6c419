import { createTestApp, TestApp } from '@app/testing';
import request from 'supertest';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser } from '../factories/user.factory';
import { createCall } from '../factories/watch.factory';
import { WebClient } from '../support/web-client.util';

/**
 * An EPN in Clermont-Ferrand (commune 63113) sees the calls published for its EPCI (Clermont
 * Auvergne Métropole, 246300701), its département, its région and the country, and not those of
 * another département or another commune. A Puy-de-Dôme EPN also sees the call for Thiers.
 */
describe('Territories below the département', () => {
  let testApp: TestApp;
  let clermont: OrganisationFixture;
  let puyDeDome: OrganisationFixture;
  const calls: Record<string, string> = {};
  const http = () => request(testApp.app.getHttpServer());
  const auth = (fixture: OrganisationFixture) => ({ Authorization: `Bearer ${fixture.apiKey}` });
  const titlesOf = (items: Array<{ title: string }>) => items.map((item) => item.title).sort();

  const PLACES: Record<string, string> = {
    metropole: '246300701',
    departement: '63',
    region: 'R84',
    national: 'FR',
    allier: '03',
    thiers: '63430',
    thiersEpci: '200070712',
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    clermont = await createOrganisation(testApp.app, {
      name: 'EPN de Clermont-Ferrand',
      territory: ['63113'],
    });
    puyDeDome = await createOrganisation(testApp.app, {
      name: 'Collectif du Puy-de-Dôme',
      territory: ['63'],
    });
    for (const [key, code] of Object.entries(PLACES)) {
      // Rolling calls (no deadline): what is open does not depend on today's date.
      const call = await createCall(testApp.app, {
        title: `Appel ${key}`,
        territory: [code],
        deadlines: [],
      });
      calls[key] = call.id;
    }
  });
  afterAll(() => testApp.close());

  it('stores a commune as an organisation territory and refuses an unknown one, naming it', async () => {
    const me = await http().get('/api/organisations/me').set(auth(clermont)).expect(200);
    expect(me.body.territory).toEqual(['63113']);
    const refused = await http()
      .patch('/api/organisations/me')
      .set(auth(clermont))
      .send({ territory: ['246300701', '63999'] })
      .expect(400);
    expect(refused.body.message).toContain('63999');
  });

  it('lists, for a commune, the calls of its EPCI, département, région and FR', async () => {
    const response = await http()
      .get('/api/calls?territory=63113&relevant=all&limit=100')
      .set(auth(clermont))
      .expect(200);
    expect(titlesOf(response.body.items)).toEqual([
      'Appel departement',
      'Appel metropole',
      'Appel national',
      'Appel region',
    ]);
  });

  it('lists, for the département, the calls of the communes and EPCI inside it too', async () => {
    const response = await http()
      .get('/api/calls?territory=63&relevant=all&limit=100')
      .set(auth(puyDeDome))
      .expect(200);
    expect(titlesOf(response.body.items)).toEqual([
      'Appel departement',
      'Appel metropole',
      'Appel national',
      'Appel region',
      'Appel thiers',
      'Appel thiersEpci',
    ]);
  });

  it('filters the /appels page by commune and by département, and names an unknown code', async () => {
    const browser = new WebClient(testApp);
    await browser.signIn(await createWebUser(testApp.app, puyDeDome.organisationId, 'owner'));
    const shown = async (place: string) => {
      const page = await browser.get(`/appels?pertinence=tous&territoire=${place}`);
      expect(page.status).toBe(200);
      return Object.keys(PLACES).filter((key) => page.text.includes(`Appel ${key}<`));
    };
    expect((await shown('63113')).sort()).toEqual([
      'departement',
      'metropole',
      'national',
      'region',
    ]);
    expect(await shown('63')).toEqual(
      expect.arrayContaining(['thiers', 'thiersEpci', 'metropole']),
    );
    expect(await shown('63')).not.toContain('allier');
    const unknown = await browser.get('/appels?territoire=63999');
    expect(unknown.text).toContain('Territoire inconnu : « 63999 »');
  });

  it('refuses an unknown territory filter with 400, naming the field and the code', async () => {
    const response = await http().get('/api/calls?territory=63999').set(auth(clermont)).expect(400);
    expect(JSON.stringify(response.body.message)).toContain('territory');
    expect(JSON.stringify(response.body.message)).toContain('63999');
  });

  it('matches a commune watch profile with the same calls', async () => {
    const created = await http()
      .post('/api/watches')
      .set(auth(clermont))
      .send({ name: 'Clermont-Ferrand', territories: ['63113'] })
      .expect(201);
    const matches = await http()
      .get(`/api/watches/${created.body.id}/matches?limit=100`)
      .set(auth(clermont))
      .expect(200);
    const ids = matches.body.items.map((item: { callId: string }) => item.callId).sort();
    expect(ids).toEqual([calls.metropole, calls.departement, calls.region, calls.national].sort());
    const refused = await http()
      .post('/api/watches')
      .set(auth(clermont))
      .send({ name: 'x', territories: ['63113', '63999'] })
      .expect(400);
    expect(refused.body.message).toContain('63999');
  });
});
