import { BackgroundJobService, JobName } from '@app/persistence';
import { createTestApp, TestApp } from '@app/testing';
import request from 'supertest';
import { createOrganisation } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { WebClient } from '../support/web-client.util';

const TOKEN = 'operator-token-for-e2e-0123456';

/**
 * Issue 16, items 1 and 8: what operators see of the background work. The jobs are run by a
 * worker-role BackgroundJobService in this process, on queues nobody registered anywhere: they
 * must still show on /health and the Sources page.
 */
describe('operations: task status and metrics', () => {
  let testApp: TestApp;
  let jobs: BackgroundJobService;
  let owner: WebUserFixture;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
    const epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades' });
    owner = await createWebUser(testApp.app, epn.organisationId, 'owner');
    jobs = new BackgroundJobService(testApp.database.url, 'worker');
    await jobs.work('e2e-nightly-report', async () => {
      throw new Error('SMTP refused at smtp://robot:hunter22@mail.example.org:587');
    });
    await jobs.work('e2e-quick-task', async () => undefined);
    await jobs.enqueue('e2e-nightly-report', {}, { retryLimit: 0 });
    await jobs.enqueue('e2e-quick-task');
    // A queue of JobName, waiting for a worker: it shows under its French name.
    await jobs.enqueue(JobName.WATCH_DIGEST_TICK);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [{ n }] = await testApp.database.dataSource.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'e2e-%' AND state IN ('completed', 'failed')`,
      );
      if (n === 2 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  afterAll(async () => {
    await jobs?.onApplicationShutdown();
    await testApp?.close();
  });

  it('/health: status words for the public; with the operator token, each task with its last error, redacted', async () => {
    const open = await http().get('/health').expect(200);
    expect(open.body).toEqual({ status: 'ok', database: { status: 'up' } });
    const detail = await http().get('/health').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    const tasks = detail.body.tasks as Array<Record<string, unknown>>;
    expect(tasks.find((task) => task.task === 'e2e-quick-task')).toMatchObject({
      lastOutcome: 'completed',
      lastError: null,
      lastDurationMs: expect.any(Number),
    });
    const failed = tasks.find((task) => task.task === 'e2e-nightly-report');
    expect(failed).toMatchObject({ lastOutcome: 'failed' });
    expect(failed?.lastError).toMatch(/SMTP refused/);
    expect(detail.text).not.toContain('hunter22');
    expect(detail.text).not.toMatch(/stack|at Object\./);
  });

  it('/metrics: 401 without the token; Prometheus text with queue depth and route latency with it', async () => {
    await http().get('/metrics').expect(401);
    await http()
      .get('/metrics')
      .set('Authorization', 'Bearer wrong-token-of-some-length')
      .expect(401);
    await http().get('/health');
    const metrics = await http()
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toMatch(
      /vigie_http_request_duration_seconds_count\{[^}]*route="\/health"[^}]*\} \d+/,
    );
    expect(metrics.text).toContain('# TYPE vigie_queue_depth gauge');
    expect(metrics.text).toContain('# TYPE vigie_digests_sent_total counter');
    expect(metrics.text).not.toContain(TOKEN);
    expect(metrics.text).not.toContain(testApp.database.url);
  });

  it('Sources page: the background tasks in French, a new queue under its own name', async () => {
    const browser = new WebClient(testApp);
    await browser.signIn(owner);
    const page = await browser.get('/sources');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2>Tâches de fond</h2>');
    const row =
      /<th scope="row">e2e-nightly-report<\/th>([\s\S]*?)<\/tr>/.exec(page.text)?.[1] ?? '';
    expect(row).toContain('En échec');
    expect(row).toContain('SMTP refused');
    expect(row).not.toContain('hunter22');
    expect(page.text).toMatch(/<th scope="row">e2e-quick-task<\/th>[\s\S]*?Réussie/);
    expect(page.text).toContain('<th scope="row">Veille : préparation des résumés</th>');
  });
});
