import { ANONYMOUS_CSRF_COOKIE, AnonymousCsrfService } from '@app/account';
import { createTestApp, TestApp } from '@app/testing';
import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedDemoUsers } from '../../apps/cli/src/demo/demo-users.seed';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { WebClient } from '../support/web-client.util';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

describe('Web accounts: invitations, password reset, sign-in throttling', () => {
  let testApp: TestApp;
  let smtp: SMTPServer;
  let epn: OrganisationFixture;
  let owner: WebUserFixture;
  const inbox: Mail[] = [];
  const previousSmtp = process.env.SMTP_URL;

  const lastLinkTo = (email: string): string => {
    const mail = [...inbox].reverse().find((m) => m.to === email);
    const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
    if (!link) throw new Error(`no link mailed to ${email}`);
    return new URL(link).pathname;
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
            inbox.push({
              to: to?.value[0]?.address ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
    owner = await createWebUser(testApp.app, epn.organisationId, 'owner');
  });

  afterAll(async () => {
    if (previousSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtp;
    await testApp?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const signedIn = (user: WebUserFixture) => WebClient.signedIn(testApp, user, '203.0.113.7');

  it('an owner invites by e-mail; the link sets a password once and joins the organisation', async () => {
    const client = await signedIn(owner);
    await client.get('/equipe');
    const invited = await client.post('/equipe/invitations', {
      email: 'Alex@Exemple.fr',
      role: 'accountant',
    });
    expect(invited.status).toBe(303);
    const path = lastLinkTo('alex@exemple.fr');
    expect(inbox.at(-1)?.subject).toContain('Centre social Voisin');

    const guest = new WebClient(testApp, '203.0.113.7');
    const form = await guest.get(path);
    expect(form.text).toContain('Comptable');
    const mismatch = await guest.post(path, {
      password: 'une phrase assez longue',
      confirmation: 'autre chose',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('ne sont pas identiques');
    const accepted = await guest.post(path, {
      displayName: 'Alex',
      password: 'une phrase assez longue',
      confirmation: 'une phrase assez longue',
    });
    expect(accepted.status).toBe(303);
    expect((await guest.get('/tableau-de-bord')).text).toContain('Centre social Voisin');

    const again = await new WebClient(testApp, '203.0.113.7').get(path);
    expect(again.status).toBe(410);
    expect(again.text).toContain('n’est plus valable');
  });

  it('item 7: inviting the same address again renews its invitation: one pending row, the old link dead', async () => {
    const client = await signedIn(owner);
    await client.get('/equipe');
    const first = await client.post('/equipe/invitations', {
      email: 'sam@exemple.fr',
      role: 'member',
    });
    expect(first.status).toBe(303);
    const firstPath = lastLinkTo('sam@exemple.fr');
    const second = await client.post('/equipe/invitations', {
      email: ' Sam@Exemple.fr ',
      role: 'viewer',
    });
    expect(second.status).toBe(303);
    const secondPath = lastLinkTo('sam@exemple.fr');
    expect(secondPath).not.toBe(firstPath);

    const page = await client.get(second.headers.location);
    expect(page.text).toContain('Invitation renouvelée');
    expect(page.text.match(/<th scope="row">sam@exemple\.fr<\/th>/g)).toHaveLength(1);
    expect(page.text).toMatch(/<th scope="row">sam@exemple\.fr<\/th>\s*<td>Lecture seule/);

    const guest = new WebClient(testApp, '203.0.113.7');
    expect((await guest.get(firstPath)).status).toBe(410);
    expect((await guest.get(secondPath)).status).toBe(200);
  });

  it('polish (issue 20): a member without a name is shown by role and structure, with the e-mail, not « — — »', async () => {
    const team = await createOrganisation(testApp.app, { name: 'Mednum Sans Nom' });
    const named = await createWebUser(testApp.app, team.organisationId, 'owner');
    const unnamed = await createWebUser(testApp.app, team.organisationId, 'member', {
      displayName: null,
    });
    const bare = await createWebUser(testApp.app, team.organisationId, 'owner', {
      displayName: null,
    });
    await testApp.app
      .get(DataSource)
      .query('UPDATE user_account SET email = NULL WHERE id = $1', [bare.userId]);
    const page = (await (await signedIn(named)).get('/equipe')).text;
    expect(page).not.toContain('<th scope="row">—</th>');
    expect(page).toMatch(
      new RegExp(
        `<th scope="row">Nom non renseigné \\(Membre de Mednum Sans Nom\\)</th><td>${unnamed.email}</td>`,
      ),
    );
    expect(page).toContain(
      '<th scope="row">Nom non renseigné (Responsable de Mednum Sans Nom)</th><td>aucune adresse enregistrée</td>',
    );
  });

  it('refuses an invitation to a badly typed address, next to the field, keeping it', async () => {
    const client = await signedIn(owner);
    await client.get('/equipe');
    const response = await client.post('/equipe/invitations', {
      email: 'pas-une-adresse',
      role: 'member',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('Saisissez une adresse e-mail valide');
    expect(response.text).toContain('value="pas-une-adresse"');
  });

  it('resets a forgotten password by e-mail link, once, and signs out the old sessions', async () => {
    const user = await createWebUser(testApp.app, epn.organisationId, 'member');
    const oldSession = await signedIn(user);
    const anonymous = new WebClient(testApp, '203.0.113.7');
    await anonymous.get('/mot-de-passe/oublie');
    const asked = await anonymous.post('/mot-de-passe/oublie', { email: user.email });
    expect(asked.text).toContain('Si un compte existe');
    const path = lastLinkTo(user.email);
    await anonymous.get(path);
    const reset = await anonymous.post(path, {
      password: 'nouvelle phrase secrète',
      confirmation: 'nouvelle phrase secrète',
    });
    expect(reset.status).toBe(303);
    expect((await oldSession.get('/tableau-de-bord')).status).toBe(303);
    await signedIn({ ...user, password: 'nouvelle phrase secrète' });
    expect((await new WebClient(testApp, '203.0.113.7').get(path)).status).toBe(410);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = inbox.length;
    const anonymous = new WebClient(testApp, '203.0.113.7');
    await anonymous.get('/mot-de-passe/oublie');
    const asked = await anonymous.post('/mot-de-passe/oublie', { email: 'personne@exemple.fr' });
    expect(asked.text).toContain('Si un compte existe');
    expect(inbox.length).toBe(before);
  });

  it('seeds demo users who can sign in, again and again', async () => {
    const collectif = await createOrganisation(testApp.app, {
      name: 'Collectif démo',
      kind: 'collectif',
    });
    const organisations = {
      structureOrganisationId: epn.organisationId,
      collectifOrganisationId: collectif.organisationId,
    };
    await seedDemoUsers(testApp.app, organisations);
    const { users } = await seedDemoUsers(testApp.app, organisations);
    expect(users.map((u) => u.organisation)).toEqual(['Centre social Voisin', 'Collectif démo']);
    for (const user of users) {
      const client = await signedIn({ userId: '', email: user.email, password: user.password });
      expect((await client.get('/tableau-de-bord')).text).toContain(user.organisation);
    }
  });

  it('blocks sign-in after five failures for one e-mail, with a French 429, even with the right password', async () => {
    const user = await createWebUser(testApp.app, epn.organisationId, 'viewer');
    const client = new WebClient(testApp, '203.0.113.7');
    await client.get('/connexion');
    for (let i = 0; i < 5; i++) {
      expect(
        (await client.post('/connexion', { email: user.email, password: `faux ${i}` })).status,
      ).toBe(401);
    }
    const blocked = await client.post('/connexion', { email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(blocked.text).toContain('Trop de tentatives de connexion');
  });

  it('finding 3: 15 parallel wrong passwords give at most 5 × 401, then 429', async () => {
    const user = await createWebUser(testApp.app, epn.organisationId, 'viewer');
    const client = new WebClient(testApp, '203.0.113.31');
    await client.get('/connexion');
    const statuses = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        client.post('/connexion', { email: user.email, password: `faux ${i}` }),
      ),
    ).then((responses) => responses.map((r) => r.status));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const blocked = await client.post('/connexion', { email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
  });

  it('finding 3: right passwords do not use up the per-IP limit', async () => {
    for (let i = 0; i < 21; i++) {
      const client = new WebClient(testApp, '203.0.113.32');
      await client.get('/connexion');
      const response = await client.post('/connexion', {
        email: owner.email,
        password: owner.password,
      });
      expect(response.status).toBe(303);
    }
  });

  it('finding 4: an invitation link tries at most five wrong passwords, then 429, even with the right one', async () => {
    const elsewhere = await createOrganisation(testApp.app, { name: 'Médiathèque Ailleurs' });
    const existing = await createWebUser(testApp.app, elsewhere.organisationId, 'member');
    const client = await signedIn(owner);
    await client.get('/equipe');
    expect(
      (await client.post('/equipe/invitations', { email: existing.email, role: 'member' })).status,
    ).toBe(303);
    const path = lastLinkTo(existing.email);

    // A new address each time: the per-IP limit must not be what stops the guesser.
    for (let i = 0; i < 5; i++) {
      const guest = new WebClient(testApp, `198.51.100.${10 + i}`);
      await guest.get(path);
      const wrong = await guest.post(path, { password: `faux ${i}` });
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('mot de passe incorrect');
    }
    const guest = new WebClient(testApp, '198.51.100.20');
    await guest.get(path);
    const blocked = await guest.post(path, { password: existing.password });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(blocked.text).toContain('Trop de tentatives');
    const parallel = await Promise.all(
      Array.from({ length: 5 }, (_, i) => guest.post(path, { password: `encore ${i}` })),
    );
    expect(parallel.map((r) => r.status)).toEqual([429, 429, 429, 429, 429]);
  });

  it('finding 7: 20 anonymous GETs of the public forms write no session row', async () => {
    const sessions = async () =>
      (
        await testApp.database.dataSource.query<Array<{ n: number }>>(
          'SELECT count(*)::int AS n FROM web_session',
        )
      )[0].n;
    const before = await sessions();
    for (let i = 0; i < 20; i++) {
      const page = await new WebClient(testApp).get(i % 2 ? '/connexion' : '/mot-de-passe/oublie');
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/name="_csrf" value="[^"]+"/);
    }
    expect(await sessions()).toBe(before);
  });

  it('finding 7: sign-in works with the stateless CSRF token; a forged, expired or borrowed one gets 403', async () => {
    const user = await createWebUser(testApp.app, epn.organisationId, 'member');
    const browser = new WebClient(testApp, '203.0.113.71');
    await browser.get('/connexion');
    const genuine = browser.csrf;
    const forged = `${genuine.slice(0, -2)}${genuine.endsWith('AA') ? 'BB' : 'AA'}`;
    browser.csrf = forged;
    const refused = await browser.post('/connexion', {
      email: user.email,
      password: user.password,
    });
    expect(refused.status).toBe(403);

    // A token from another browser (its own cookie) does not fit this browser's cookie.
    const other = new WebClient(testApp, '203.0.113.71');
    await other.get('/connexion');
    browser.csrf = other.csrf;
    expect(
      (await browser.post('/connexion', { email: user.email, password: user.password })).status,
    ).toBe(403);

    // A token signed for this cookie but past its expiry: built with a fixed past instant.
    const csrf = testApp.app.get(AnonymousCsrfService);
    const nonce = 'n'.repeat(43);
    const issuedLongAgo = new Date('2020-01-01T00:00:00Z');
    const post = (token: string) =>
      request(testApp.app.getHttpServer())
        .post('/connexion')
        .set('Cookie', `${ANONYMOUS_CSRF_COOKIE}=${nonce}`)
        .set('X-Forwarded-For', '203.0.113.72')
        .type('form')
        .send({ _csrf: token, email: user.email, password: 'mauvais mot de passe' });
    expect((await post(csrf.tokenFor(nonce, issuedLongAgo))).status).toBe(403);
    expect((await post(csrf.tokenFor(nonce))).status).toBe(401);

    browser.csrf = genuine;
    const signedIn = await browser.post('/connexion', {
      email: user.email,
      password: user.password,
    });
    expect(signedIn.status).toBe(303);
    expect((await browser.get('/tableau-de-bord')).status).toBe(200);
  });
});
