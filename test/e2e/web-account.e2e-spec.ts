import { createTestApp, TestApp } from '@app/testing';
import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { seedDemoUsers } from '../../apps/cli/src/demo/demo-users.seed';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** A cookie-keeping form client that reads the CSRF token of each page it fetches. */
class FormClient {
  private cookie = '';
  private csrf = '';

  constructor(private readonly testApp: TestApp) {}

  async get(path: string): Promise<request.Response> {
    const response = await request(this.testApp.app.getHttpServer())
      .get(path)
      .set('Cookie', this.cookie);
    this.keep(response);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.text ?? '');
    if (token) this.csrf = token[1];
    return response;
  }

  async post(path: string, form: Record<string, string>): Promise<request.Response> {
    const response = await request(this.testApp.app.getHttpServer())
      .post(path)
      .set('Cookie', this.cookie)
      .set('X-Forwarded-For', '203.0.113.7')
      .type('form')
      .send({ _csrf: this.csrf, ...form });
    this.keep(response);
    return response;
  }

  private keep(response: request.Response): void {
    const set = response.headers['set-cookie'] as unknown as string[] | undefined;
    const session = set?.find((c) => c.startsWith('vigie_session='));
    if (session) this.cookie = session.split(';')[0];
  }
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

  async function signedIn(user: WebUserFixture): Promise<FormClient> {
    const client = new FormClient(testApp);
    await client.get('/connexion');
    expect(
      (await client.post('/connexion', { email: user.email, password: user.password })).status,
    ).toBe(303);
    return client;
  }

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

    const guest = new FormClient(testApp);
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

    const again = await new FormClient(testApp).get(path);
    expect(again.status).toBe(410);
    expect(again.text).toContain('n’est plus valable');
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
    const anonymous = new FormClient(testApp);
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
    expect((await new FormClient(testApp).get(path)).status).toBe(410);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = inbox.length;
    const anonymous = new FormClient(testApp);
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
    const client = new FormClient(testApp);
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
});
