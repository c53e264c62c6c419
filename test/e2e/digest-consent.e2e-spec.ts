import { addDays, parisDate } from '@app/common';
import { createTestApp, freePort, TestApp } from '@app/testing';
import { WatchMatchService } from '@app/watch';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { AddressObject, ParsedMail } from 'mailparser';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { createCall } from '../factories/watch.factory';
import { digestServiceSendingTo } from '../support/digest-service.util';
import { WebClient } from '../support/web-client.util';
import { startSmtp, type TestSmtp } from '../support/smtp.util';

/** A fixed Monday 08:00 (Paris) in the coming week: matches made now are within its window. */
function nextMonday(): Date {
  const now = new Date();
  const days = (8 - now.getUTCDay()) % 7 || 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, 7));
}

const DAY = 86_400_000;
const TOKEN = '[A-Za-z0-9_-]{43}';

/** Issue 17, finding 8: outside digest recipients confirm first; every digest can be stopped. */
describe('Digest recipients: consent and one-click unsubscribe', () => {
  let testApp: TestApp;
  let port: number;
  let smtp: TestSmtp | null = null;
  let epn: OrganisationFixture;
  let profileId: string;
  let director: WebUserFixture;
  const day1 = nextMonday();
  const at = (days: number) => new Date(day1.getTime() + days * DAY);
  const http = () => request(testApp.app.getHttpServer());
  const bearer = (fixture: OrganisationFixture) => ({ Authorization: `Bearer ${fixture.apiKey}` });
  const digestService = () => digestServiceSendingTo(testApp.app, port);

  const mails = () => smtp?.mails ?? [];
  const to = (mail: ParsedMail) =>
    (mail.to as AddressObject).value.map((address) => address.address);
  const mailsTo = (email: string) => mails().filter((mail) => to(mail).includes(email));
  const digestsTo = (email: string) =>
    mailsTo(email).filter((mail) => mail.subject?.includes('votre veille'));
  const consentsTo = (email: string) =>
    mailsTo(email).filter((mail) => mail.subject?.includes('confirmez'));
  const header = (mail: ParsedMail, name: string) =>
    mail.headerLines
      .find((line) => line.key === name.toLowerCase())
      ?.line.replace(/^[^:]+:\s*/, '')
      .replace(/\r?\n\s+/g, ' ');
  const pathOf = (url: string) => new URL(url).pathname;
  const consentLink = (mail: ParsedMail) =>
    new RegExp(`https?://\\S+/confirmation-envoi/${TOKEN}`).exec(mail.text ?? '')?.[0];
  const statuses = async (id: string) =>
    (await http().get(`/api/watches/${id}`).set(bearer(epn)).expect(200)).body
      .digestRecipientStatuses as Array<{ email: string; status: string; label: string }>;

  beforeAll(async () => {
    testApp = await createTestApp();
    port = await freePort();
    epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers' });
    director = await createWebUser(testApp.app, epn.organisationId, 'member', {
      email: 'direction@epn.test',
    });
    await createCall(testApp.app, {
      title: 'Appel médiation numérique',
      deadlines: [{ date: addDays(parisDate(day1), 10) }],
    });
    await testApp.app.get(WatchMatchService).refresh();
    const created = await http()
      .post('/api/watches')
      .set(bearer(epn))
      .send({
        name: 'Veille EPN',
        themes: ['mediation_numerique'],
        digestFrequency: 'daily',
        digestRecipients: ['Direction@EPN.test', 'elu@mairie.test'],
      })
      .expect(201);
    profileId = created.body.id;
  });
  afterAll(async () => {
    await smtp?.close();
    await testApp.close();
  });

  it('shows an outside address as « en attente de confirmation » and a member as a member', async () => {
    expect(await statuses(profileId)).toEqual([
      { email: 'direction@epn.test', status: 'member', label: 'membre' },
      { email: 'elu@mairie.test', status: 'pending', label: 'en attente de confirmation' },
    ]);
    const client = new WebClient(testApp);
    expect((await client.signIn(director)).status).toBe(303);
    for (const path of ['/veilles', `/veilles/${profileId}`]) {
      expect((await client.get(path)).text).toContain(
        'Chaque jour, à direction@epn.test, elu@mairie.test (en attente de confirmation)',
      );
    }
  });

  it('sends nothing twice and loses nothing when SMTP is down during the confirmation', async () => {
    const down = await digestService().runDue(day1);
    expect(down).toMatchObject({ sent: 0, consentsSent: 0 });
    expect(down.failed).toBeGreaterThan(0);

    smtp = await startSmtp(port);
    // Too early for the retry: nothing goes out.
    expect(await digestService().runDue(new Date(day1.getTime() + 1000))).toMatchObject({
      sent: 0,
      consentsSent: 0,
    });
    expect(mails()).toHaveLength(0);
    const later = new Date(day1.getTime() + 10 * 60_000);
    expect(await digestService().runDue(later)).toMatchObject({
      sent: 1,
      consentsSent: 1,
      failed: 0,
    });
    // A restarted worker later the same day sends nothing more.
    expect(await digestService().runDue(new Date(later.getTime() + 3600_000))).toMatchObject({
      sent: 0,
      consentsSent: 0,
      failed: 0,
    });
    expect(consentsTo('elu@mairie.test')).toHaveLength(1);
    expect(digestsTo('direction@epn.test')).toHaveLength(1);
  });

  it('a member gets the digest at once; the outside address gets only the confirmation e-mail', () => {
    expect(digestsTo('elu@mairie.test')).toEqual([]);
    expect(consentsTo('direction@epn.test')).toEqual([]);
    const [consent] = consentsTo('elu@mairie.test');
    expect(consent.subject).toBe(
      'Vigie – confirmez l’envoi du résumé « Veille EPN (EPN de Thiers) »',
    );
    expect(consent.text).toContain('Pour le recevoir, confirmez votre adresse avant le');
    expect(consentLink(consent)).toBeDefined();
    expect(consent.html).toContain('/confirmation-envoi/');
  });

  it('carries List-Unsubscribe (one-click, RFC 8058) and a visible link in every digest', () => {
    const [digest] = digestsTo('direction@epn.test');
    expect(to(digest)).toEqual(['direction@epn.test']);
    const link = header(digest, 'List-Unsubscribe');
    expect(link).toMatch(new RegExp(`^<https?://[^>]+/desabonnement/${TOKEN}>$`));
    expect(header(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const url = link!.slice(1, -1);
    expect(digest.text).toContain(`Ne plus recevoir ce résumé : ${url}`);
    expect(digest.html).toContain(`<a href="${url}">Ne plus recevoir ce résumé</a>`);
  });

  it('confirms only on POST: the GET page shows a button, and the link works once', async () => {
    const path = pathOf(consentLink(consentsTo('elu@mairie.test')[0])!);
    const page = await http().get(path).expect(200);
    expect(page.text).toContain(
      'Voulez-vous recevoir à l’adresse <strong>elu@mairie.test</strong>',
    );
    expect(page.text).toContain(`<form method="post" action="${path}">`);
    expect(page.text).toContain('Oui, recevoir ce résumé');
    expect((await statuses(profileId))[1].status).toBe('pending');

    const done = await http().post(path).type('form').send({}).expect(200);
    expect(done.text).toContain('C’est confirmé');
    expect((await statuses(profileId))[1]).toEqual({
      email: 'elu@mairie.test',
      status: 'confirmed',
      label: 'confirmée',
    });
    const again = await http().post(path).expect(404);
    expect(again.text).toContain('Lien invalide');
  });

  it('after confirming, the outside address gets the digest with both headers and the link', async () => {
    expect(await digestService().runDue(at(1))).toMatchObject({ sent: 2, failed: 0 });
    const [digest] = digestsTo('elu@mairie.test');
    expect(digest.subject).toContain('Veille EPN');
    expect(header(digest, 'List-Unsubscribe')).toMatch(/\/desabonnement\//);
    expect(header(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(digest.text).toContain('Ne plus recevoir ce résumé : ');
    expect(consentsTo('elu@mairie.test')).toHaveLength(1);
  });

  it('GET on the unsubscribe link only asks; a one-click POST unsubscribes at once, no login nor CSRF', async () => {
    const [digest] = digestsTo('elu@mairie.test');
    const path = pathOf(header(digest, 'List-Unsubscribe')!.slice(1, -1));
    const page = await http().get(path).expect(200);
    expect(page.text).toContain('Ne plus recevoir à l’adresse <strong>elu@mairie.test</strong>');
    expect(page.text).toContain('Me désabonner');
    expect((await statuses(profileId))[1].status).toBe('confirmed');

    // What a mail client sends (RFC 8058): no cookie, no CSRF token.
    await http().post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect((await statuses(profileId))[1]).toEqual({
      email: 'elu@mairie.test',
      status: 'unsubscribed',
      label: 'désabonnée',
    });
    expect((await http().get(path).expect(200)).text).toContain('C’est fait');

    expect(await digestService().runDue(at(2))).toMatchObject({ sent: 1, failed: 0 });
    expect(digestsTo('elu@mairie.test')).toHaveLength(1);
    expect(digestsTo('direction@epn.test')).toHaveLength(3);
  });

  it('keeps an unsubscribed address out when the list is saved again, and refuses unknown tokens', async () => {
    await http()
      .patch(`/api/watches/${profileId}`)
      .set(bearer(epn))
      .send({ digestRecipients: ['direction@epn.test', 'elu@mairie.test'] })
      .expect(200);
    expect((await statuses(profileId))[1].status).toBe('unsubscribed');
    expect(await digestService().runDue(at(3))).toMatchObject({ sent: 1, consentsSent: 0 });
    expect(consentsTo('elu@mairie.test')).toHaveLength(1);
    const unknown = 'A'.repeat(43);
    await http().post(`/desabonnement/${unknown}`).expect(404);
    await http().post(`/confirmation-envoi/${unknown}`).expect(404);
    await http().get('/desabonnement/pas-un-jeton').expect(404);
  });

  it('lets a member unsubscribe from a digest sent to everyone', async () => {
    const crew = await createOrganisation(testApp.app, { name: 'Tiers-lieu' });
    await createWebUser(testApp.app, crew.organisationId, 'owner', {
      email: 'animation@tiers.test',
    });
    await http()
      .post('/api/watches')
      .set(bearer(crew))
      .send({
        name: 'Veille tiers-lieu',
        themes: ['mediation_numerique'],
        digestFrequency: 'daily',
      })
      .expect(201);
    await digestService().runDue(at(4));
    const [digest] = digestsTo('animation@tiers.test');
    await http()
      .post(pathOf(header(digest, 'List-Unsubscribe')!.slice(1, -1)))
      .expect(200);
    await digestService().runDue(at(5));
    expect(digestsTo('animation@tiers.test')).toHaveLength(1);
  });

  it('asks a collectif to confirm outside addresses, not the users of its structures', async () => {
    const collectif = await createOrganisation(testApp.app, {
      name: 'Réseau Consent',
      kind: 'collectif',
    });
    const structure = await createOrganisation(testApp.app, { name: 'EPN de Riom' });
    await createWebUser(testApp.app, structure.organisationId, 'viewer', {
      email: 'accueil@riom.test',
    });
    const invitation = await http()
      .post('/api/collectif/invitations')
      .set(bearer(collectif))
      .send({ memberOrganisationId: structure.organisationId })
      .expect(201);
    await http()
      .post(`/api/collectif/invitations/${invitation.body.id}/accept`)
      .set(bearer(structure))
      .expect(200);
    const [call] = await testApp.app
      .get<DataSource>(getDataSourceToken())
      .query(`SELECT id FROM call WHERE title = 'Appel médiation numérique'`);
    await http()
      .post('/api/collectif/picks')
      .set(bearer(collectif))
      .send({ callId: call.id })
      .expect(201);
    const saved = await http()
      .put('/api/collectif/digest')
      .set(bearer(collectif))
      .send({ frequency: 'daily', recipients: ['accueil@riom.test', 'presse@journal.test'] })
      .expect(200);
    expect(saved.body.recipientStatuses).toEqual([
      { email: 'accueil@riom.test', status: 'member', label: 'membre' },
      { email: 'presse@journal.test', status: 'pending', label: 'en attente de confirmation' },
    ]);
    await digestService().runDue(at(6));
    expect(digestsTo('accueil@riom.test')).toHaveLength(1);
    expect(digestsTo('presse@journal.test')).toEqual([]);
    expect(consentsTo('presse@journal.test')).toHaveLength(1);
    expect(consentsTo('presse@journal.test')[0].subject).toContain('Sélection de Réseau Consent');

    // Taking an address off and putting it back does not e-mail it again: no spam by toggling.
    for (const recipients of [
      ['accueil@riom.test'],
      ['accueil@riom.test', 'presse@journal.test'],
    ]) {
      await http()
        .put('/api/collectif/digest')
        .set(bearer(collectif))
        .send({ frequency: 'daily', recipients })
        .expect(200);
    }
    await digestService().runDue(at(7));
    expect(consentsTo('presse@journal.test')).toHaveLength(1);
    expect(digestsTo('presse@journal.test')).toEqual([]);
  });

  it('does not send again a period that went out as one message before per-recipient messages', async () => {
    const before = digestsTo('direction@epn.test').length;
    await testApp.app
      .get<DataSource>(getDataSourceToken())
      .query(
        `INSERT INTO digest_delivery (subject_key, period, status, attempts) VALUES ($1, $2, 'sent', 1)`,
        [`profile:${profileId}`, parisDate(at(8))],
      );
    await digestService().runDue(at(8));
    expect(digestsTo('direction@epn.test')).toHaveLength(before);
    await digestService().runDue(at(9));
    expect(digestsTo('direction@epn.test')).toHaveLength(before + 1);
  });
});
