import { createTestApp, TestApp } from '@app/testing';
import { CollectifService } from '@app/watch';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { WebClient } from '../support/web-client.util';

/** The « Envoi par e-mail » section of the coordinator's « Collectif » page. */
describe('Web « Collectif » — envoi par e-mail', () => {
  let testApp: TestApp;
  let collectif: OrganisationFixture;
  let coordinator: WebUserFixture;
  let viewer: WebUserFixture;
  let structureOwner: WebUserFixture;

  const signedIn = async (user: WebUserFixture) => {
    const client = await WebClient.signedIn(testApp, user);
    await client.get('/collectif');
    return client;
  };
  const settings = () => testApp.app.get(CollectifService).digestSettings(collectif.organisationId);
  const checked = (html: string) =>
    /name="frequence" value="(\w+)" checked/.exec(html)?.[1] ?? null;
  const textarea = (html: string) =>
    /<textarea id="destinataires" name="destinataires"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1];

  beforeAll(async () => {
    testApp = await createTestApp();
    collectif = await createOrganisation(testApp.app, { name: 'Mednum63', kind: 'collectif' });
    const structure = await createOrganisation(testApp.app, { name: 'EPN de Thiers' });
    coordinator = await createWebUser(testApp.app, collectif.organisationId, 'member');
    viewer = await createWebUser(testApp.app, collectif.organisationId, 'viewer');
    structureOwner = await createWebUser(testApp.app, structure.organisationId, 'owner');
  });
  afterAll(() => testApp.close());

  it('shows the defaults: weekly, to everyone, with labelled choices', async () => {
    const page = await (await signedIn(coordinator)).get('/collectif');
    expect(page.text).toContain('<h2 id="envoi">Envoi par e-mail</h2>');
    expect(page.text).toContain(
      'Actuellement : <strong>Chaque semaine, aux responsables et membres du collectif et de ses structures membres</strong>.',
    );
    expect(page.text).toContain('<legend>Résumé du fil partagé par e-mail</legend>');
    expect(page.text).toContain('<legend>Fréquence</legend>');
    for (const [value, label] of [
      ['weekly', 'Chaque semaine'],
      ['daily', 'Chaque jour'],
      ['none', 'Pas de résumé par e-mail'],
    ]) {
      const id = value === 'weekly' ? 'frequence' : `frequence-${value}`;
      expect(page.text).toContain(`id="${id}" name="frequence" value="${value}"`);
      expect(page.text).toContain(`<label for="${id}">${label}</label>`);
    }
    expect(checked(page.text)).toBe('weekly');
    expect(page.text).toContain('<label for="destinataires">Destinataires</label>');
    expect(textarea(page.text)).toBe('');
  });

  it('saves a frequency and a list, then confirms in French', async () => {
    const client = await signedIn(coordinator);
    const saved = await client.post('/collectif/envoi', {
      frequence: 'daily',
      destinataires: 'Coordination@Mednum63.fr\n\nbureau@mednum63.fr\ncoordination@mednum63.fr',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/collectif?fait=envoi#envoi');
    const page = await client.get(saved.headers.location);
    expect(page.text).toContain('Réglages d’envoi par e-mail enregistrés.');
    expect(checked(page.text)).toBe('daily');
    expect(textarea(page.text)).toBe('coordination@mednum63.fr\nbureau@mednum63.fr');
    expect(page.text).toContain(
      'Actuellement : <strong>Chaque jour, à coordination@mednum63.fr (en attente de confirmation), bureau@mednum63.fr (en attente de confirmation)</strong>.',
    );
    const pending = { status: 'pending', label: 'en attente de confirmation' };
    expect(await settings()).toEqual({
      frequency: 'daily',
      recipients: ['coordination@mednum63.fr', 'bureau@mednum63.fr'],
      recipientStatuses: [
        { email: 'coordination@mednum63.fr', ...pending },
        { email: 'bureau@mednum63.fr', ...pending },
      ],
    });
  });

  it('refuses a bad address or too many next to the field, keeping what was typed, storing nothing', async () => {
    const client = await signedIn(coordinator);
    const typed = 'bureau@mednum63.fr\ncoordination mednum63';
    const refused = await client.post('/collectif/envoi', {
      frequence: 'none',
      destinataires: typed,
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<p class="field-error" id="destinataires-error">');
    expect(refused.text).toContain(
      'Adresse e-mail invalide : « coordination mednum63 ». Une adresse par ligne, par exemple direction@epn.fr.',
    );
    expect(refused.text).toContain('aria-invalid="true">' + typed + '</textarea>');
    expect(checked(refused.text)).toBe('none');
    expect(refused.text).toContain('<a href="#destinataires">');

    const many = Array.from({ length: 21 }, (_, i) => `membre${i}@mednum63.fr`).join('\n');
    const tooMany = await client.post('/collectif/envoi', {
      frequence: 'weekly',
      destinataires: many,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toContain('Indiquez 20 adresses au plus.');

    const noChoice = await client.post('/collectif/envoi', { destinataires: '' });
    expect(noChoice.status).toBe(400);
    expect(noChoice.text).toContain('<p class="field-error" id="frequence-error">');
    expect(noChoice.text).toContain('Choisissez une fréquence de résumé.');

    expect((await settings()).frequency).toBe('daily');
  });

  it('refuses a form without its CSRF token', async () => {
    const client = await signedIn(coordinator);
    const refused = await client.post(
      '/collectif/envoi',
      { frequence: 'none', destinataires: '' },
      false,
    );
    expect(refused.status).toBe(403);
    expect((await settings()).frequency).toBe('daily');
  });

  it('shows a viewer the settings without a form, and refuses its POST', async () => {
    const client = await signedIn(viewer);
    const page = await client.get('/collectif');
    expect(page.text).toContain(
      'Actuellement : <strong>Chaque jour, à coordination@mednum63.fr (en attente de confirmation), bureau@mednum63.fr (en attente de confirmation)</strong>.',
    );
    expect(page.text).not.toContain('action="/collectif/envoi"');
    const refused = await client.post('/collectif/envoi', { frequence: 'none', destinataires: '' });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Accès refusé');
    expect((await settings()).frequency).toBe('daily');
  });

  it('has no such section for a structure, and refuses its POST', async () => {
    const client = await signedIn(structureOwner);
    expect((await client.get('/collectif')).text).not.toContain('Envoi par e-mail');
    const refused = await client.post('/collectif/envoi', {
      frequence: 'none',
      destinataires: '',
    });
    expect(refused.status).toBe(403);
  });
});
