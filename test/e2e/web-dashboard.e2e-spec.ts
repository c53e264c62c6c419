import { addDays } from '@app/common';
import { createTestApp, TEST_TODAY, TestApp } from '@app/testing';
import request from 'supertest';
import { createApplication, fseApplicationBody, ideaBody } from '../factories/application.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { createCall } from '../factories/watch.factory';
import { WebClient } from '../support/web-client.util';

/** The rows of « À faire dans les 14 jours »: [when, what, title, link]. */
function agendaRows(
  html: string,
): Array<{ when: string; what: string; title: string; href: string }> {
  const section = /<section aria-labelledby="echeances">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [
    ...section.matchAll(
      /<tr[^>]*>\s*<td>([^<]+)<span class="muted">\(([^)]+)\)<\/span><\/td>\s*<td>([^<]+)<\/td>\s*<th scope="row"><a href="([^"]+)">([^<]+)<\/a>/g,
    ),
  ].map(([, , when, what, href, title]) => ({ when, what, title, href }));
}

describe('Dashboard: what to do first', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let director: WebUserFixture;
  let dossierId: string;
  let fseId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers' });
    director = await createWebUser(testApp.app, epn.organisationId, 'owner');
    await createCall(testApp.app, {
      title: 'Appel inclusion numérique qui se termine bientôt',
      deadlines: [{ date: addDays(TEST_TODAY, 5) }],
    });
    await createCall(testApp.app, {
      title: 'Appel qui se termine dans trois semaines',
      deadlines: [{ date: addDays(TEST_TODAY, 21) }],
    });
    dossierId = (
      await createApplication(
        testApp.app,
        epn.apiKey,
        ideaBody({
          title: 'Ateliers numériques à Thiers',
          status: 'preparing',
          submissionDeadline: addDays(TEST_TODAY, 10),
          tasks: [
            {
              label: 'Bilan 2026 pour la CAF',
              kind: 'interim_report',
              dueDate: addDays(TEST_TODAY, -3),
            },
            { label: 'Déjà rendu', kind: 'other', dueDate: addDays(TEST_TODAY, 2), done: true },
          ],
        }),
      )
    ).id;
    await request(testApp.app.getHttpServer())
      .put('/api/treasury/settings')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ openingBalanceCents: 500_000, openingMonth: '2026-11', minimumCashCents: 200_000 })
      .expect(200);
    fseId = (
      await createApplication(
        testApp.app,
        epn.apiKey,
        fseApplicationBody({
          title: 'Parcours numériques vers l’emploi (FSE+)',
          operationStart: '2027-01',
          operationEnd: '2027-12',
          totalCostCents: 13_600_000,
        }),
      )
    ).id;
  });
  afterAll(() => testApp.close());

  it('lists dossier deadlines and late reports with the calls, soonest first, each linked', async () => {
    const client = new WebClient(testApp);
    expect((await client.signIn(director)).status).toBe(303);
    const page = await client.get('/tableau-de-bord');
    expect(page.text).toContain('<h2 id="echeances">À faire dans les 14 jours</h2>');
    expect(agendaRows(page.text)).toEqual([
      {
        when: 'en retard de 3 jours',
        what: 'Bilan intermédiaire : Bilan 2026 pour la CAF',
        title: 'Ateliers numériques à Thiers',
        href: `/dossiers/${dossierId}`,
      },
      {
        when: 'dans 5 jours',
        what: 'Date limite de l’appel',
        title: 'Appel inclusion numérique qui se termine bientôt',
        href: expect.stringMatching(/^\/appels\/[0-9a-f-]{36}$/),
      },
      {
        when: 'dans 10 jours',
        what: 'Dépôt du dossier',
        title: 'Ateliers numériques à Thiers',
        href: `/dossiers/${dossierId}`,
      },
    ]);
  });

  it('names the dossier of every treasury alert and links to where to act', async () => {
    const client = new WebClient(testApp);
    await client.signIn(director);
    const page = await client.get('/tableau-de-bord');
    const section = /<section aria-labelledby="tresorerie">[\s\S]*?<\/section>/.exec(
      page.text,
    )?.[0];
    const items = [
      ...(section ?? '').matchAll(/<li class="warning warning-\w+">([\s\S]*?)<\/li>/g),
    ];
    expect(items.length).toBeGreaterThan(0);
    for (const [, item] of items)
      expect(item).toMatch(/<a href="\/(dossiers\/[0-9a-f-]{36}|tresorerie#alertes)">/);
    expect(section).toContain(
      `<a href="/dossiers/${fseId}">Dossier « Parcours numériques vers l’emploi (FSE+) »</a>`,
    );
  });
});
