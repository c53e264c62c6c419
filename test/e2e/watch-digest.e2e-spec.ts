import { createTestApp, freePort, TestApp } from '@app/testing';
import { WatchMatchService, WatchProfileService } from '@app/watch';
import { createOrganisation } from '../factories/organisation.factory';
import { createWebUser } from '../factories/user.factory';
import { createCall } from '../factories/watch.factory';
import { digestServiceSendingTo } from '../support/digest-service.util';
import { startSmtp } from '../support/smtp.util';

describe('E-mail digest', () => {
  let testApp: TestApp;
  let port: number;
  const monday = new Date('2026-11-23T08:00:00+01:00');

  const digestService = () => digestServiceSendingTo(testApp.app, port);

  beforeAll(async () => {
    testApp = await createTestApp();
    port = await freePort();
    const epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers' });
    // A member of the structure: no confirmation e-mail is needed before the first digest.
    await createWebUser(testApp.app, epn.organisationId, 'member', { email: 'direction@epn.test' });
    await createCall(testApp.app, {
      title: 'Appel médiation numérique 2027',
      deadlines: [{ date: '2027-03-01' }],
    });
    await createCall(testApp.app, {
      title: 'Appel clôture imminente',
      deadlines: [{ date: '2026-12-01' }],
    });
    await createCall(testApp.app, { title: 'Appel sans rapport', score: 0.05, themes: [] });
    await testApp.app.get(WatchMatchService).refresh();
    await testApp.app.get(WatchProfileService).create(epn.organisationId, {
      name: 'Veille EPN',
      themes: ['mediation_numerique'],
      digestRecipients: ['direction@epn.test'],
    });
  });
  afterAll(() => testApp.close());

  it('retries when the SMTP server is down, then sends one grouped French digest, once', async () => {
    const down = await digestService().runDue(monday);
    expect(down).toMatchObject({ sent: 0, failed: 1 });

    const smtp = await startSmtp(port);
    try {
      // Too early for the retry: nothing happens.
      expect(await digestService().runDue(new Date(monday.getTime() + 1000))).toMatchObject({
        sent: 0,
      });
      const later = new Date(monday.getTime() + 5 * 60_000);
      expect(await digestService().runDue(later)).toMatchObject({ sent: 1 });
      // A restarted worker (a new service) in the same week sends nothing more.
      expect(await digestService().runDue(new Date(later.getTime() + 3600_000))).toMatchObject({
        sent: 0,
        failed: 0,
      });
      expect(smtp.mails).toHaveLength(1);

      const [mail] = smtp.mails;
      expect(mail.subject).toContain('Veille EPN');
      expect((mail.to as { text: string }).text).toBe('direction@epn.test');
      expect(mail.text).toContain('Nouveaux appels à projets (2)');
      expect(mail.text).toContain('Appel médiation numérique 2027');
      expect(mail.text).toContain('Dates limites dans les 14 jours (1)');
      expect(mail.text).toMatch(/Appel clôture imminente\n\s+date limite le 1er décembre 2026/);
      expect(mail.text).not.toContain('Appel sans rapport');
      expect(mail.html).toContain('<h2>Nouveaux appels à projets (2)</h2>');
      expect(mail.html).toContain('Appel médiation numérique 2027');
    } finally {
      await smtp.close();
    }
  });
});
