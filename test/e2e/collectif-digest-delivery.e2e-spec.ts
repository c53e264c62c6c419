import { addDays, parisDate } from '@app/common';
import { createTestApp, freePort, TestApp } from '@app/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { AddressObject, ParsedMail } from 'mailparser';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser } from '../factories/user.factory';
import { createCall } from '../factories/watch.factory';
import { digestServiceSendingTo } from '../support/digest-service.util';
import { startSmtp, type TestSmtp } from '../support/smtp.util';

/** The next Monday morning (Paris) after now: a fixed week in which picks made now are fresh. */
function nextMonday(): Date {
  const now = new Date();
  const days = (8 - now.getUTCDay()) % 7 || 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, 7));
}

/** What each collectif's coordinators chose reaches the digest worker. */
describe('Collectif digest delivery', () => {
  let testApp: TestApp;
  let port: number;
  let smtp: TestSmtp;
  const monday = nextMonday();
  const tuesday = new Date(monday.getTime() + 86_400_000);
  const collectifs: Record<'hebdo' | 'muet' | 'liste' | 'quotidien', OrganisationFixture> =
    {} as never;
  const http = () => request(testApp.app.getHttpServer());
  const bearer = (fixture: OrganisationFixture) => ({ Authorization: `Bearer ${fixture.apiKey}` });

  const digestService = () => digestServiceSendingTo(testApp.app, port);
  const mailsOf = (name: string) =>
    smtp.mails.filter((mail) => mail.subject?.includes(`Sélection de ${name} : votre veille`));
  const addresses = (mail: ParsedMail) =>
    (mail.to as AddressObject).value.map((address) => address.address);

  async function setUp(name: string, email: string, settings?: Record<string, unknown>) {
    const collectif = await createOrganisation(testApp.app, { name, kind: 'collectif' });
    await createWebUser(testApp.app, collectif.organisationId, 'member', { email });
    if (settings) {
      await http().put('/api/collectif/digest').set(bearer(collectif)).send(settings).expect(200);
    }
    return collectif;
  }

  async function join(collectif: OrganisationFixture, member: OrganisationFixture) {
    const invitation = await http()
      .post('/api/collectif/invitations')
      .set(bearer(collectif))
      .send({ memberOrganisationId: member.organisationId })
      .expect(201);
    await http()
      .post(`/api/collectif/invitations/${invitation.body.id}/accept`)
      .set(bearer(member))
      .expect(200);
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    port = await freePort();
    smtp = await startSmtp(port);
    const call = await createCall(testApp.app, {
      title: 'Fonds inclusion numérique',
      deadlines: [{ date: addDays(parisDate(monday), 3) }],
    });
    collectifs.hebdo = await setUp('Réseau Hebdo', 'coord@hebdo.test');
    collectifs.muet = await setUp('Réseau Muet', 'coord@muet.test', {
      frequency: 'none',
      recipients: ['coord@muet.test'],
    });
    // A chosen member gets it at once; a chosen outside address only after confirming.
    collectifs.liste = await setUp('Réseau Liste', 'coord@liste.test', {
      frequency: 'weekly',
      recipients: ['Coord@Liste.test', 'bureau@liste.test'],
    });
    collectifs.quotidien = await setUp('Réseau Quotidien', 'coord@quotidien.test', {
      frequency: 'daily',
      recipients: [],
    });
    const epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers' });
    await createWebUser(testApp.app, epn.organisationId, 'owner', { email: 'direction@epn.test' });
    await join(collectifs.hebdo, epn);
    await join(collectifs.liste, epn);
    for (const collectif of Object.values(collectifs)) {
      await http()
        .post('/api/collectif/picks')
        .set(bearer(collectif))
        .send({ callId: call.id, annotation: 'Pour tout le réseau' })
        .expect(201);
    }
    // One message per recipient: Hebdo 4 (two owners, two members), Liste 1, Quotidien 2.
    expect(await digestService().runDue(monday)).toMatchObject({
      sent: 7,
      failed: 0,
      consentsSent: 1,
    });
  });
  afterAll(async () => {
    await smtp.close();
    await testApp.close();
  });

  it('still sends a collectif that chose nothing weekly, to its members and its structures', () => {
    const mails = mailsOf('Réseau Hebdo');
    expect(mails).toHaveLength(4);
    expect(mails.map(addresses).map((to) => to.length)).toEqual([1, 1, 1, 1]);
    expect(mails[0].subject).toContain('votre veille de la semaine');
    expect(mails.flatMap(addresses)).toEqual(
      expect.arrayContaining(['coord@hebdo.test', 'direction@epn.test']),
    );
    expect(mails[0].text).toContain('Fonds inclusion numérique');
  });

  it('sends nothing for a collectif that chose « none »', async () => {
    expect(mailsOf('Réseau Muet')).toEqual([]);
    const rows = await testApp.app
      .get<DataSource>(getDataSourceToken())
      .query(`SELECT 1 FROM digest_delivery WHERE subject_key = $1`, [
        `collectif:${collectifs.muet.organisationId}`,
      ]);
    expect(rows).toEqual([]);
  });

  it('sends only to the chosen addresses, none of the other members; an outside one confirms first', () => {
    const mails = mailsOf('Réseau Liste');
    expect(mails).toHaveLength(1);
    expect(addresses(mails[0])).toEqual(['coord@liste.test']);
    const toBureau = smtp.mails.filter((mail) => addresses(mail).includes('bureau@liste.test'));
    expect(toBureau.map((mail) => mail.subject)).toEqual([
      'Vigie – confirmez l’envoi du résumé « Sélection de Réseau Liste »',
    ]);
  });

  it('sends a daily collectif every day, the weekly ones once a week', async () => {
    expect(await digestService().runDue(tuesday)).toMatchObject({ sent: 2, failed: 0 });
    const daily = mailsOf('Réseau Quotidien');
    expect(daily).toHaveLength(4);
    expect(daily[0].subject).toContain('votre veille du jour');
    expect(daily.slice(2).flatMap(addresses)).toContain('coord@quotidien.test');
    expect(mailsOf('Réseau Hebdo')).toHaveLength(4);
    expect(mailsOf('Réseau Liste')).toHaveLength(1);
  });
});
