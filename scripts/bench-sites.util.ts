// Local public sites for the crawl benchmarks (bench:ingest, bench:national): a child process
// (so its memory and CPU are not counted) serves RSS feeds and call pages over N hosts
// (127.0.0.1 … 127.0.0.N, each its own politeness queue), with ETag, Last-Modified and gzip,
// and counts requests, 304s and bytes (on its sockets, headers included). Every text is written
// for the benchmark; no real call text.
import { frenchDate } from '@app/common';
import { ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface SiteSettings {
  /** Calls served in all, spread evenly over the hosts, then over each host's feeds. */
  calls: number;
  hosts: number;
  /** Feeds per host (one per source); 1 by default. */
  feedsPerHost?: number;
  /** Share of calls whose deadline moves on `mutate()`. */
  changeShare?: number;
}

export interface ServerCounters {
  requests: number;
  notModified: number;
  bytes: number;
}

export interface SiteFacts {
  /** Feed URLs, host by host (all feeds of 127.0.0.1 first). */
  feeds: string[];
  /** Average size of a call page, plain and gzipped. */
  pageBytes: number;
  pageGzipBytes: number;
}

interface CallPage {
  id: number;
  deadlineDay: number;
  version: number;
}

interface Feed {
  index: number;
  calls: CallPage[];
}

interface Site {
  host: string;
  port: number;
  feeds: Feed[];
}

interface Rendered {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  lastModified: string;
  type: string;
}

const THEMES = [
  'inclusion numérique',
  'médiation numérique',
  'tiers-lieux',
  'accessibilité',
  'FSE+ inclusion active',
];
const FUNDERS = [
  'Région Auvergne-Rhône-Alpes',
  'Département du Puy-de-Dôme',
  'Fondation pour le lien social',
  'CAF',
];
/** A deadline this many days before 2027-01-01 is long past: the call reads as closed. */
const CLOSED_DAY = -2000;

function callTitle(call: CallPage): string {
  return `Appel à projets n° ${call.id} — ${THEMES[call.id % THEMES.length]}`;
}

function deadlineDate(call: CallPage): Date {
  return new Date(Date.UTC(2027, 0, 1 + call.deadlineDay));
}

function deadline(call: CallPage): string {
  return deadlineDate(call).toISOString().slice(0, 10);
}

// Words for the page text, drawn at random so the pages compress like prose (about 3:1), not
// like one repeated sentence.
const WORDS = (
  'le la les des une un pour avec dans sur aux du de et ou en projet projets structure structures ' +
  'association associations habitants public publics numérique inclusion médiation accompagnement atelier ' +
  'ateliers démarches ligne accès droits territoire territoires rural ruraux quartier quartiers politique ' +
  'ville commune communes intercommunalité département région financement subvention dépenses éligibles ' +
  'matériel reconditionné formation formations compétences usages jeunes seniors familles emploi insertion ' +
  'partenaires partenariat convention dossier candidature dépôt instruction comité sélection critères ' +
  'innovation sociale tiers-lieu fabrique coopération réseau collectif évaluation indicateurs impact ' +
  'bénéficiaires personnes accompagnées heures durée mois année calendrier plateforme justificatifs budget ' +
  'prévisionnel cofinancement taux montant plafond minimum maximum versement avance solde rapport bilan'
).split(' ');

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function prose(seed: number, words: number): string {
  const random = seededRandom(seed);
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

/** Menus and footer of a public site: the part of every page that is not the call (~15 KB). */
const SITE_CHROME = Array.from(
  { length: 120 },
  (_, i) => `<li><a href="/rubrique/${i}" class="menu-item">${prose(1000 + i, 6)}</a></li>`,
).join('\n');

function renderCallPage(call: CallPage): string {
  const paragraphs = Array.from(
    { length: 12 },
    (_, i) => `<p>${prose(call.id * 100 + i, 110)}.</p>`,
  );
  return [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8">',
    `<title>${callTitle(call)}</title></head><body><header><nav><ul>${SITE_CHROME}</ul></nav></header><main>`,
    `<h1>${callTitle(call)}</h1>`,
    `<p class="funder">${FUNDERS[call.id % FUNDERS.length]}</p>`,
    `<p class="deadline">Date limite de dépôt : ${deadline(call)} à 12h</p>`,
    `<p class="amount">Montant maximum : ${(call.id % 9) + 1}0 000 €, taux maximum de 80 %</p>`,
    ...paragraphs,
    '</main><footer><ul>',
    SITE_CHROME.slice(0, 4000),
    '</ul></footer></body></html>',
  ].join('\n');
}

function renderFeed(site: Site, feed: Feed): string {
  const base = `http://${site.host}:${site.port}`;
  const items = feed.calls.map(
    (call) =>
      `<item><title>${callTitle(call)}</title><link>${base}/appels/${call.id}</link>` +
      `<guid>${base}/appels/${call.id}</guid><pubDate>Mon, 04 Jan 2027 09:00:00 GMT</pubDate>` +
      `<description>Date limite de dépôt : ${frenchDate(deadline(call))}. ${THEMES[call.id % THEMES.length]} : ` +
      `accompagnement des associations et des habitants.</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Aides ${site.host} n° ${feed.index}</title>${items.join('')}</channel></rss>`;
}

function rendered(text: string, type: string, version: number): Rendered {
  const body = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
  const lastModified = new Date(Date.UTC(2027, 0, 4) + version * 3_600_000).toUTCString();
  return { body, gzip: gzipSync(body), etag, lastModified, type };
}

function answer(req: IncomingMessage, res: ServerResponse, page: Rendered): void {
  const validators = { etag: page.etag, 'last-modified': page.lastModified };
  const matches =
    req.headers['if-none-match'] === page.etag ||
    (!req.headers['if-none-match'] && req.headers['if-modified-since'] === page.lastModified);
  if (matches) return void res.writeHead(304, validators).end();
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? page.gzip : page.body;
  res.writeHead(200, {
    ...validators,
    'content-type': page.type,
    'content-length': body.length,
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
  });
  res.end(body);
}

/** The child process: starts the sites, then answers the parent's messages. */
async function serve(settings: SiteSettings): Promise<void> {
  const sockets = new Set<Socket>();
  const counters: ServerCounters = { requests: 0, notModified: 0, bytes: 0 };
  const sites: Site[] = [];
  const pages = new Map<string, Rendered>();
  const servers: Server[] = [];
  const feedsPerHost = settings.feedsPerHost ?? 1;
  const perHost = Math.ceil(settings.calls / settings.hosts);
  const perFeed = Math.ceil(perHost / feedsPerHost);
  const feedPath = (feed: Feed) => (feedsPerHost === 1 ? '/feed.xml' : `/feeds/${feed.index}.xml`);
  const renderFeeds = (site: Site, feeds: Iterable<Feed>) => {
    for (const feed of feeds) {
      pages.set(
        `${site.host}:${site.port}${feedPath(feed)}`,
        rendered(
          renderFeed(site, feed),
          'application/rss+xml; charset=utf-8',
          Math.max(0, ...feed.calls.map((c) => c.version)),
        ),
      );
    }
  };
  const renderPages = (site: Site, calls: Iterable<CallPage>) => {
    for (const call of calls) {
      pages.set(
        `${site.host}:${site.port}/appels/${call.id}`,
        rendered(renderCallPage(call), 'text/html; charset=utf-8', call.version),
      );
    }
  };
  for (let index = 0; index < settings.hosts; index++) {
    const host = `127.0.0.${index + 1}`;
    const server = createServer((req, res) => {
      counters.requests++;
      res.once('finish', () => res.statusCode === 304 && counters.notModified++);
      if (req.url === '/robots.txt')
        return void res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end('User-agent: *\nDisallow: /admin\n');
      const page = pages.get(`${host}:${(server.address() as AddressInfo).port}${req.url}`);
      if (!page) return void res.writeHead(404).end();
      answer(req, res, page);
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => {
        counters.bytes += socket.bytesWritten;
        sockets.delete(socket);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const first = index * perHost;
    const hostCalls = Math.max(0, Math.min(perHost, settings.calls - first));
    const feeds: Feed[] = [];
    for (let k = 0; k * perFeed < hostCalls; k++) {
      const count = Math.min(perFeed, hostCalls - k * perFeed);
      feeds.push({
        index: k,
        calls: Array.from({ length: count }, (_, i) => {
          const offset = first + k * perFeed + i;
          return { id: offset + 1, deadlineDay: offset % 300, version: 0 };
        }),
      });
    }
    const site = { host, port: (server.address() as AddressInfo).port, feeds };
    sites.push(site);
    servers.push(server);
    renderFeeds(site, feeds);
    renderPages(
      site,
      feeds.flatMap((feed) => feed.calls),
    );
  }
  /** Applies `change` to the chosen calls and renders again what shows them. */
  const mutate = (chosen: (call: CallPage) => boolean, change: (call: CallPage) => void) => {
    let changed = 0;
    for (const site of sites) {
      const touchedFeeds = new Set<Feed>();
      const touchedCalls: CallPage[] = [];
      for (const feed of site.feeds) {
        for (const call of feed.calls.filter(chosen)) {
          change(call);
          call.version++;
          touchedFeeds.add(feed);
          touchedCalls.push(call);
          changed++;
        }
      }
      renderPages(site, touchedCalls);
      renderFeeds(site, touchedFeeds);
    }
    return changed;
  };
  const snapshot = (): ServerCounters => ({
    ...counters,
    bytes: counters.bytes + [...sockets].reduce((total, socket) => total + socket.bytesWritten, 0),
  });
  // If the measuring process dies, the sites must not outlive it.
  process.once('disconnect', () => process.exit(0));
  process.on('message', (message: { type: string; ids?: number[] }) => {
    if (message.type === 'counters') process.send?.({ type: 'counters', counters: snapshot() });
    if (message.type === 'mutate') {
      // Every 1/share-th call moves its deadline: spread over the hosts like real updates.
      const step = Math.max(1, Math.round(1 / (settings.changeShare ?? 0.01)));
      const changed = mutate(
        (call) => call.id % step === 0,
        (call) => (call.deadlineDay += 30),
      );
      process.send?.({ type: 'mutated', changed });
    }
    if (message.type === 'change') {
      // Calls that matter to matching: one in two closes early (a deadline long past), the
      // other moves its deadline a month later.
      const ids = new Set(message.ids);
      const changed = mutate(
        (call) => ids.has(call.id),
        (call) => (call.deadlineDay = call.id % 2 === 0 ? CLOSED_DAY : call.deadlineDay + 30),
      );
      process.send?.({ type: 'mutated', changed });
    }
    if (message.type === 'stop') servers.forEach((server) => server.closeAllConnections());
  });
  const callPages = [...pages.entries()]
    .filter(([key]) => key.includes('/appels/'))
    .map(([, page]) => page);
  const average = (sizes: number[]) =>
    Math.round(sizes.reduce((sum, size) => sum + size, 0) / sizes.length);
  process.send?.({
    type: 'ready',
    feeds: sites.flatMap((site) =>
      site.feeds.map((feed) => `http://${site.host}:${site.port}${feedPath(feed)}`),
    ),
    pageBytes: average(callPages.map((page) => page.body.length)),
    pageGzipBytes: average(callPages.map((page) => page.gzip.length)),
  });
}

/** The sites, served by a child process; the parent asks for counters and changes. */
export class SiteProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(settings: SiteSettings): Promise<{ sites: SiteProcess } & SiteFacts> {
    // The sites get their own default heap whatever flags the measured process runs with.
    const child = fork(__filename, ['--serve', JSON.stringify(settings)], {
      stdio: 'inherit',
      execArgv: [],
    });
    const sites = new SiteProcess(child);
    const ready = await sites.next<SiteFacts>('ready');
    return {
      sites,
      feeds: ready.feeds,
      pageBytes: ready.pageBytes,
      pageGzipBytes: ready.pageGzipBytes,
    };
  }

  /** The serving process, whose CPU the national bench reports. */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  async counters(): Promise<ServerCounters> {
    this.child.send({ type: 'counters' });
    return (await this.next<{ counters: ServerCounters }>('counters')).counters;
  }

  /** Moves the deadline of the settings' share of calls; returns how many changed. */
  async mutate(): Promise<number> {
    this.child.send({ type: 'mutate' });
    return (await this.next<{ changed: number }>('mutated')).changed;
  }

  /** Changes these calls (by id, 1…calls) as matching cares: closes half, moves the rest's deadline. */
  async change(ids: number[]): Promise<number> {
    this.child.send({ type: 'change', ids });
    return (await this.next<{ changed: number }>('mutated')).changed;
  }

  async stop(): Promise<void> {
    this.child.send({ type: 'stop' });
    this.child.kill();
    await new Promise((resolve) => this.child.once('exit', resolve));
  }

  private next<T>(type: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        this.child.off('exit', onExit);
        this.child.off('message', onMessage);
        resolve(message);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`Site process exited (${code}) before "${type}"`));
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
    });
  }
}

if (require.main === module && process.argv[2] === '--serve') {
  serve(JSON.parse(process.argv[3]) as SiteSettings).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
