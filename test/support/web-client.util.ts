import request from 'supertest';
import type { TestApp } from './test-app';

/**
 * A cookie-keeping HTTP client for the web pages, reading the CSRF token from each page it
 * fetches: what a browser does, without the browser.
 */
export class WebClient {
  private cookie = '';
  csrf = '';

  constructor(
    private readonly testApp: TestApp,
    /** A client address, as a trusted local proxy would pass it (sign-in throttling is per IP). */
    private readonly forwardedFor?: string,
  ) {}

  /** A client signed in as `user` (the sign-in itself checked: 303 to the dashboard). */
  static async signedIn(
    testApp: TestApp,
    user: { email: string; password: string },
    forwardedFor?: string,
  ): Promise<WebClient> {
    const client = new WebClient(testApp, forwardedFor);
    expect((await client.signIn(user)).status).toBe(303);
    return client;
  }

  async get(path: string, accept = 'text/html') {
    const response = await request(this.testApp.app.getHttpServer())
      .get(path)
      .set('Accept', accept)
      .set('Cookie', this.cookie);
    this.keep(response);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.text ?? '');
    if (token) this.csrf = token[1];
    return response;
  }

  async post(
    path: string,
    form: Record<string, string | string[]>,
    withCsrf = true,
    /** Headers a browser would not choose, e.g. a forged Host. */
    headers: Record<string, string> = {},
  ) {
    const response = await request(this.testApp.app.getHttpServer())
      .post(path)
      .set('Cookie', this.cookie)
      .set(this.forwardedFor ? { 'X-Forwarded-For': this.forwardedFor } : {})
      .set(headers)
      .type('form')
      .send(withCsrf ? { _csrf: this.csrf, ...form } : form);
    this.keep(response);
    return response;
  }

  /** A binary answer (an XLSX, a CSV with its BOM) as a Buffer. */
  async download(path: string) {
    return request(this.testApp.app.getHttpServer())
      .get(path)
      .set('Cookie', this.cookie)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  }

  async signIn(user: { email: string; password: string }) {
    await this.get('/connexion');
    return this.post('/connexion', { email: user.email, password: user.password });
  }

  /** Keeps every cookie the app sets (the session, the anonymous forms' CSRF cookie), as a browser does. */
  private keep(response: request.Response) {
    const set = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
    if (set.length === 0) return;
    const jar = new Map(
      this.cookie
        .split('; ')
        .filter(Boolean)
        .map((pair) => [pair.split('=')[0], pair] as const),
    );
    for (const header of set) {
      const pair = header.split(';')[0];
      const name = pair.split('=')[0];
      // A cleared cookie (empty value, or expired) is forgotten.
      if (pair === `${name}=` || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
      else jar.set(name, pair);
    }
    this.cookie = [...jar.values()].join('; ');
  }
}
