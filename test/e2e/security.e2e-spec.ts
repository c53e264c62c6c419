import { createTestApp, freePort, TestApp } from '@app/testing';
import { Client } from 'pg';
import request from 'supertest';
import { FeedController } from '../../apps/api/src/watch/feed.controller';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser } from '../factories/user.factory';
import { createCall } from '../factories/watch.factory';
import { serveOnLoopback } from '../support/browser.util';
import { startSmtp, TestSmtp } from '../support/smtp.util';
import { WebClient } from '../support/web-client.util';

/** What a real app writes to its log, one JSON line per entry (pino's destination). */
function logCapture() {
  const lines: string[] = [];
  return {
    lines,
    destination: { write: (line: string) => void lines.push(line) },
    text: () => lines.join(''),
  };
}

const TOKEN_PATH = /\/(feeds|invitation|mot-de-passe\/reinitialiser)\/[A-Za-z0-9_-]{43}/;

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Issue 17: what an attacker probing every route found, each finding with its test. */
describe('Security (issue 17)', () => {
  describe('in development, PUBLIC_URL unset, e-mail through SMTP', () => {
    let testApp: TestApp;
    let smtp: TestSmtp;
    let epn: OrganisationFixture;
    let listening: string;
    const log = logCapture();
    const http = () => request(testApp.app.getHttpServer());

    const lastLinkTo = (email: string): string => {
      const mail = [...smtp.mails].reverse().find((m) => JSON.stringify(m.to).includes(email));
      const link = mail?.text?.match(/https?:\/\/\S+/)?.[0];
      if (!link) throw new Error(`no link mailed to ${email}`);
      return link;
    };

    beforeAll(async () => {
      const smtpPort = await freePort();
      smtp = await startSmtp(smtpPort);
      testApp = await createTestApp({
        env: {
          NODE_ENV: 'development',
          PUBLIC_URL: undefined,
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        },
        logDestination: log.destination,
      });
      listening = await serveOnLoopback(testApp);
      epn = await createOrganisation(testApp.app, { name: 'EPN de Riom', territory: ['63'] });
    });

    afterAll(async () => {
      await testApp?.close();
      await smtp?.close();
    });

    it('finding 1: reset links never take their host from the request', async () => {
      const user = await createWebUser(testApp.app, epn.organisationId, 'member');
      const anonymous = new WebClient(testApp, '203.0.113.8');
      await anonymous.get('/mot-de-passe/oublie');
      const asked = await anonymous.post('/mot-de-passe/oublie', { email: user.email }, true, {
        Host: 'evil.example',
        'X-Forwarded-Host': 'evil.example',
      });
      expect(asked.status).toBe(200);
      const link = lastLinkTo(user.email);
      expect(link).not.toContain('evil.example');
      expect(link).toMatch(new RegExp(`^${listening}/mot-de-passe/reinitialiser/[\\w-]{43}$`));
    });

    it('finding 1: invitation links never take their host from the request', async () => {
      const owner = await createWebUser(testApp.app, epn.organisationId, 'owner');
      const client = new WebClient(testApp, '203.0.113.8');
      await client.signIn(owner);
      await client.get('/equipe');
      const invited = await client.post(
        '/equipe/invitations',
        { email: 'invitee@exemple.fr', role: 'member' },
        true,
        { Host: 'evil.example' },
      );
      expect(invited.status).toBe(303);
      const link = lastLinkTo('invitee@exemple.fr');
      expect(link).toMatch(new RegExp(`^${listening}/invitation/[\\w-]{43}$`));
    });

    it('finding 1: feed links never take their host from the request', async () => {
      await createCall(testApp.app, { title: 'Appel médiation numérique 2027' });
      const watch = await http()
        .post('/api/watches')
        .set('Authorization', `Bearer ${epn.apiKey}`)
        .send({ name: 'Médiation 63', themes: ['mediation_numerique'], territories: ['63'] })
        .expect(201);
      const issued = await http()
        .post(`/api/watches/${watch.body.id}/feed-tokens`)
        .set({ Authorization: `Bearer ${epn.apiKey}`, Host: 'evil.example' })
        .expect(201);
      expect(issued.body.feeds.rss).toMatch(new RegExp(`^${listening}/feeds/[\\w-]{43}\\.rss$`));
      const feed = await http()
        .get(new URL(issued.body.feeds.rss).pathname)
        .set('Host', 'evil.example')
        .expect(200);
      expect(feed.text).not.toContain('evil.example');
      expect(feed.text).toContain(`${listening}/feeds/`);
    });

    it('finding 2: tokens in request paths are masked in the log, fast path included', async () => {
      const user = await createWebUser(testApp.app, epn.organisationId, 'member');
      const anonymous = new WebClient(testApp, '203.0.113.9');
      await anonymous.get('/mot-de-passe/oublie');
      await anonymous.post('/mot-de-passe/oublie', { email: user.email });
      const reset = new URL(lastLinkTo(user.email)).pathname;
      expect((await anonymous.get(reset)).status).toBe(200);

      const owner = await createWebUser(testApp.app, epn.organisationId, 'owner');
      const client = new WebClient(testApp, '203.0.113.9');
      await client.signIn(owner);
      await client.get('/equipe');
      await client.post('/equipe/invitations', { email: 'masque@exemple.fr', role: 'viewer' });
      const invitation = new URL(lastLinkTo('masque@exemple.fr')).pathname;
      expect((await new WebClient(testApp).get(invitation)).status).toBe(200);

      const watch = await http()
        .post('/api/watches')
        .set('Authorization', `Bearer ${epn.apiKey}`)
        .send({ name: 'Inclusion 63', themes: ['mediation_numerique'], territories: ['63'] })
        .expect(201);
      const issued = await http()
        .post(`/api/watches/${watch.body.id}/feed-tokens`)
        .set('Authorization', `Bearer ${epn.apiKey}`)
        .expect(201);
      const feed = new URL(issued.body.feeds.atom).pathname;
      await until(() => testApp.app.get(FeedController).versions.isListening, 'LISTEN');
      const first = await http().get(feed).expect(200);
      // Answered by the fast path, which writes its own log line.
      await http().get(feed).set('If-None-Match', first.headers.etag).expect(304);

      const logged = log.text();
      for (const path of [reset, invitation, feed]) {
        const token = path.split('/').pop()!.split('.')[0];
        expect(logged).not.toContain(token);
      }
      expect(logged).not.toMatch(TOKEN_PATH);
      const urls = log.lines.map((line) => JSON.parse(line).req?.url).filter(Boolean);
      expect(urls).toEqual(
        expect.arrayContaining([
          '/mot-de-passe/reinitialiser/***',
          '/invitation/***',
          '/feeds/***.atom',
        ]),
      );
      const notModified = log.lines
        .map((line) => JSON.parse(line))
        .filter((entry) => entry.res?.statusCode === 304);
      expect(notModified.map((entry) => entry.req.url)).toContain('/feeds/***.atom');
    });

    it('finding 11: no Strict-Transport-Security when the public address is plain http', async () => {
      const page = await http().get('/connexion').expect(200);
      expect(page.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('in production, PUBLIC_URL https, no SMTP', () => {
    let testApp: TestApp;
    let epn: OrganisationFixture;
    const log = logCapture();
    let linesAtStart: string[];
    const http = () => request(testApp.app.getHttpServer());

    beforeAll(async () => {
      testApp = await createTestApp({
        env: {
          NODE_ENV: 'production',
          PUBLIC_URL: 'https://vigie.example.org',
          API_KEY_PEPPER: 'poivre-de-test-assez-long',
          CSRF_SECRET: 'secret-csrf-de-test-assez-long-32c',
          SMTP_URL: undefined,
          // Production refuses a pinned calendar; this app runs on the real one.
          VIGIE_NOW: undefined,
        },
        logDestination: log.destination,
      });
      linesAtStart = [...log.lines];
      epn = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
    });

    afterAll(() => testApp?.close());

    it('finding 2: production warns at start that e-mail is off', () => {
      const warnings = linesAtStart
        .map((line) => JSON.parse(line))
        .filter((entry) => entry.level === 40 && /SMTP_URL/.test(entry.msg));
      expect(warnings).toHaveLength(1);
    });

    it('finding 2: without SMTP the mailer logs recipient and subject, never the link', async () => {
      const user = await createWebUser(testApp.app, epn.organisationId, 'member');
      const anonymous = new WebClient(testApp, '203.0.113.10');
      await anonymous.get('/mot-de-passe/oublie');
      const before = log.lines.length;
      await anonymous.post('/mot-de-passe/oublie', { email: user.email });
      const logged = log.lines.slice(before).join('');
      expect(logged).toContain(user.email);
      expect(logged).toContain('réinitialisation de votre mot de passe');
      expect(logged).not.toContain('/mot-de-passe/reinitialiser/');
      expect(logged).not.toMatch(/[A-Za-z0-9_-]{43}/);
    });

    it('item 14 (issue 20): without SMTP /equipe says e-mail is off and shows the link once, never logged', async () => {
      const owner = await createWebUser(testApp.app, epn.organisationId, 'owner');
      const client = new WebClient(testApp, '203.0.113.11');
      await client.signIn(owner);
      expect((await client.get('/equipe')).text).toContain(
        'L’envoi d’e-mails est désactivé sur cette installation',
      );
      const before = log.lines.length;
      const invited = await client.post('/equipe/invitations', {
        email: 'sans-courriel@exemple.fr',
        role: 'member',
      });
      expect(invited.status).toBe(200);
      expect(invited.headers['cache-control']).toContain('no-store');
      expect(invited.text).not.toContain('Invitation envoyée');
      expect(invited.text).toContain('L’envoi d’e-mails est désactivé');
      const link = /value="(https:\/\/vigie\.example\.org\/invitation\/[\w-]{43})"/.exec(
        invited.text,
      )?.[1];
      expect(link).toBeDefined();
      const token = link!.split('/').pop()!;
      expect(log.lines.slice(before).join('')).not.toContain(token);
      expect((await client.get('/equipe')).text).not.toContain(token);
      expect((await new WebClient(testApp).get(new URL(link!).pathname)).status).toBe(200);

      // Renewed without e-mail: the new link is shown, not a claim that one was sent.
      const renewed = await client.post('/equipe/invitations', {
        email: 'sans-courriel@exemple.fr',
        role: 'member',
      });
      expect(renewed.text).toContain('Invitation renouvelée');
      expect(renewed.text).not.toContain('valable 7 jours, a été envoyé');
      expect(renewed.text).not.toContain(token);
      expect(renewed.text).toMatch(/value="https:\/\/vigie\.example\.org\/invitation\/[\w-]{43}"/);
    });

    it('finding 11: Strict-Transport-Security for a year with subdomains when PUBLIC_URL is https', async () => {
      for (const path of ['/connexion', '/api/docs', '/health']) {
        const response = await http().get(path);
        const hsts = response.headers['strict-transport-security'] ?? '';
        expect(hsts).toMatch(/includeSubDomains/);
        expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
      }
    });

    it('finding 12: /health answers status only while the database is up', async () => {
      const response = await http().get('/health').expect(200);
      expect(response.body).toEqual({ status: 'ok', database: { status: 'up' } });
    });

    it('finding 12: /health hides the database error from the public and logs it', async () => {
      const name = new URL(testApp.database.url).pathname.slice(1);
      const admin = new Client({ connectionString: process.env.VIGIE_TEST_ADMIN_URL });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        );
        const before = log.lines.length;
        const response = await http().get('/health').expect(503);
        expect(response.body).toEqual({ status: 'degraded', database: { status: 'down' } });
        expect(response.text).not.toContain(name);
        expect(response.text).not.toContain('127.0.0.1');
        const logged = log.lines.slice(before).join('');
        expect(logged).toMatch(
          /terminat|not currently accepting connections|Connection terminated/,
        );
      } finally {
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        await admin.end();
      }
    });
  });
});
