import type { FixtureCall } from './fixture-call.types';
import {
  AT_PAGE_SIZE,
  FIXTURE_PATHS,
  HTML_PAGE_SIZE,
  JSON_PAGE_SIZE,
} from './fixture-routes.constants';
import {
  deadlineSentence,
  descriptionHtml,
  escapeHtml,
  numericFrenchDate,
} from './french-text.util';

/** A rendered answer: body, content type, and whether the bytes are Latin-1. */
export interface Rendered {
  status?: number;
  contentType: string;
  body: string | Buffer;
}

const RFC822_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC822_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** RFC 822 with a two-digit year, as the Nouvelle-Aquitaine feed writes it. */
function rfc822(iso: string): string {
  const date = new Date(`${iso}T10:00:00Z`);
  return `${RFC822_DAYS[date.getUTCDay()]}, ${String(date.getUTCDate()).padStart(2, '0')} ${RFC822_MONTHS[date.getUTCMonth()]} ${String(date.getUTCFullYear()).slice(2)} 11:00:00 +0100`;
}

function publishedOn(call: FixtureCall): string {
  return call.opensAt && call.opensAt < '2026-10-01' ? call.opensAt : '2026-10-01';
}

export function renderRssFeed(calls: FixtureCall[], base: string): Rendered {
  const items = calls.map((call) => {
    const link = `${base}${FIXTURE_PATHS.rssItem}${call.id}`;
    const categories = [
      call.title.includes('AAP') || call.title.includes('Appel') ? 'Appel à projet' : 'Aide',
      ...call.audiences,
    ].join(', ');
    return `  <item>
    <title>${escapeHtml(call.title)}</title>
    <description>${escapeHtml(call.paragraphs[0])}&#13;</description>
    <guid isPermaLink="true">${link}</guid>
    <pubDate>${rfc822(publishedOn(call))}</pubDate>
    <source url="${link}">${escapeHtml(call.title)}</source>
    <category>${escapeHtml(categories)}</category>
  </item>`;
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>Les aides de la Région (démo Vigie)</title>
  <link>${base}/na/</link>
  <description>Fiches aides</description>
${items.join('\n')}
</channel>
</rss>
`;
  return { contentType: 'application/rss+xml; charset=utf-8', body };
}

export function renderRssItemPage(call: FixtureCall): Rendered {
  const body = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(call.title)}</title></head>
<body><main>
<h1 class="headline-aide">${escapeHtml(call.title)}</h1>
<div class="mod-chapo"><p>${escapeHtml(call.paragraphs[0])}</p></div>
<div class="categories"><p>${escapeHtml(call.audiences.join(', '))}</p></div>
<div class="dispositif-aide">
  <div class="mod-textSimple">${descriptionHtml(call)}</div>
</div>
<div class="mod-contactAddress">${escapeHtml(call.funder)}</div>
<script>window.tracker = "ne doit jamais apparaître";</script>
</main></body></html>`;
  return { contentType: 'text/html; charset=utf-8', body };
}

/** Characters outside Latin-1 become numeric references, as on real ISO-8859-1 sites. */
function latin1(html: string): Buffer {
  return Buffer.from(
    html.replace(/[^\x00-\xff]/g, (c) => `&#${c.codePointAt(0)};`),
    'latin1',
  );
}

export function renderHtmlListing(
  calls: FixtureCall[],
  page: number,
  base: string,
  endless = false,
): Rendered {
  const pageCount = Math.max(1, Math.ceil(calls.length / HTML_PAGE_SIZE));
  const slice = endless
    ? calls.slice(0, HTML_PAGE_SIZE)
    : calls.slice((page - 1) * HTML_PAGE_SIZE, page * HTML_PAGE_SIZE);
  const cards = slice.map((call) => {
    // Grand Est shows the deadline on the card of a call; for a call with a règlement the card
    // shows its category only, so the date must come from the PDF.
    const header =
      call.deadlines.length === 1 && !call.pdf
        ? `<span class="new_type">Date limite de dépôt <strong>${numericFrenchDate(call.deadlines[0].date)}</strong></span>`
        : `<span class="new_type">${escapeHtml(call.theme === 'autre' ? 'Économie' : 'Solidarités')}</span>`;
    return `<a class="card" href="${FIXTURE_PATHS.htmlListing}${call.id}/"><div class="txt new_txt">${header}<h3>${escapeHtml(call.title)}</h3></div></a>`;
  });
  const hasNext = endless || page < pageCount;
  const next = hasNext
    ? `<a rel="next" href="${FIXTURE_PATHS.htmlListing}page/${page + 1}/?beneficiaire=63">Page suivante</a>`
    : '';
  const html = `<!DOCTYPE html><html lang="fr"><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Aides de la Région Grand Est</title></head>
<body><h1>Toutes les aides</h1><div class="cards">${cards.join('\n')}</div><nav>${next}</nav></body></html>`;
  void base;
  return { contentType: 'text/html; charset=iso-8859-1', body: latin1(html) };
}

export function renderHtmlDetail(call: FixtureCall): Rendered {
  const document = call.pdf
    ? `<p>Consultez le <a href="${FIXTURE_PATHS.htmlDocument}${call.id}-reglement.pdf">règlement de l'appel (PDF)</a> pour le calendrier.</p>`
    : '';
  const html = `<!DOCTYPE html><html lang="fr"><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<meta property="og:title" content="${escapeHtml(call.title)}"><title>${escapeHtml(call.title)} - Région Grand Est</title></head>
<body><article><h1>${escapeHtml(call.title)}</h1>
<div class="pf-content">${descriptionHtml(call, !call.pdf)}${document}
<p><a href="javascript:alert(1)" onclick="steal()">Lien piégé</a></p></div>
<div class="know">${escapeHtml(call.funder)}</div></article></body></html>`;
  return { contentType: 'text/html; charset=iso-8859-1', body: latin1(html) };
}

export function reglementLines(call: FixtureCall): string[] {
  return [
    `Règlement de l'appel : ${call.title}`,
    `Financeur : ${call.funder}`,
    ...call.paragraphs,
    call.amountText ?? '',
    `Bénéficiaires : ${call.audiences.join(', ')}`,
    deadlineSentence(call),
  ].filter(Boolean);
}

export function renderOdsRecords(calls: FixtureCall[], limit: number, offset: number): Rendered {
  const results = calls.slice(offset, offset + limit).map((call) => ({
    id_aide: call.id,
    intitule: call.title,
    chapo: call.paragraphs[0],
    description: descriptionHtml(call, false),
    date_limite: call.deadlines.length === 1 ? call.deadlines[0].date : null,
    calendrier: deadlineSentence(call),
    montant: call.amountText ?? null,
    beneficiaires: call.audiences,
    financeur: call.funder,
    thematique: call.theme,
    url: `https://www.laregion.fr/aides/${call.id}`,
  }));
  return {
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ total_count: calls.length, results }),
  };
}

export function renderAidesTerritoires(
  calls: FixtureCall[],
  page: number,
  base: string,
  endless = false,
): Rendered {
  const pageCount = Math.max(1, Math.ceil(calls.length / AT_PAGE_SIZE));
  const slice = calls.slice((page - 1) * AT_PAGE_SIZE, page * AT_PAGE_SIZE);
  const pageUrl = (n: number) => `${base}${FIXTURE_PATHS.aidesTerritoires}?page=${n}`;
  const results = slice.map((call, index) => ({
    id: 9000 + calls.indexOf(call),
    slug: call.id,
    url: `/aides/${call.id}/`,
    name: call.title,
    short_title: call.title,
    financers: [call.funder],
    description: `${descriptionHtml(call, false)}${call.rolling ? '' : `<p>${escapeHtml(deadlineSentence(call))}</p>`}`,
    eligibility: null,
    perimeter:
      call.territory[0] === 'FR'
        ? 'France'
        : call.territory[0] === '63'
          ? 'Puy-de-Dôme'
          : 'Auvergne-Rhône-Alpes',
    origin_url: `https://www.exemple-financeur.fr/aides/${call.id}`,
    application_url: null,
    is_call_for_project: /appel|AMI|AAP/i.test(call.title) || index % 2 === 0,
    aid_types: [
      /prêt/i.test(call.amountText ?? '')
        ? 'Prêt'
        : /prix/i.test(call.title)
          ? 'Prix'
          : 'Subvention',
    ],
    start_date: call.opensAt ?? null,
    predeposit_date: null,
    submission_deadline: call.deadlines.length
      ? call.deadlines[call.deadlines.length - 1].date
      : null,
    subvention_rate_lower_bound: null,
    subvention_rate_upper_bound: null,
    recurrence: call.rolling ? 'Permanente' : 'Ponctuelle',
    targeted_audiences: call.audiences,
    categories: [call.theme],
    date_published: '2026-10-01',
  }));
  const next = endless ? pageUrl(page) : page < pageCount ? pageUrl(page + 1) : null;
  const body = {
    count: calls.length,
    next,
    previous: page > 1 ? pageUrl(page - 1) : null,
    results,
  };
  return { contentType: 'application/json', body: JSON.stringify(body) };
}

const SEDIA_CODES: Record<string, string> = {
  forthcoming: '31094501',
  open: '31094502',
  closed: '31094503',
};

export function renderSedia(
  calls: FixtureCall[],
  pageNumber: number,
  pageSize: number,
  today: string,
): Rendered {
  const results = calls.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((call) => {
    const last = call.deadlines[call.deadlines.length - 1]?.date ?? '2099-12-31';
    const status =
      call.opensAt && call.opensAt > today ? 'forthcoming' : last < today ? 'closed' : 'open';
    return {
      reference: `${call.id}COMPETITIVE_CALLen`,
      url: `https://ec.europa.eu/info/funding-tenders/opportunities/data/topicDetails/${call.id.toLowerCase()}.json`,
      title: call.id,
      summary: call.paragraphs[0],
      language: 'en',
      metadata: {
        identifier: [call.id],
        title: [call.title],
        callTitle: [`${call.funder} — ${call.id.split('-').slice(0, 2).join(' ')}`],
        status: [SEDIA_CODES[status]],
        startDate: [`${call.opensAt ?? '2026-09-01'}T00:00:00.000+0200`],
        deadlineDate: call.deadlines.map((d) => `${d.date}T17:00:00.000+0200`),
        descriptionByte: [
          `<p>${escapeHtml(call.paragraphs.join(' '))}</p>${call.amountText ? `<p>${escapeHtml(call.amountText)}</p>` : ''}`,
        ],
        type: ['1'],
      },
    };
  });
  return {
    contentType: 'application/json',
    body: JSON.stringify({ totalResults: calls.length, pageNumber, pageSize, results }),
  };
}

export function renderJsonApi(calls: FixtureCall[], page: number, endless = false): Rendered {
  const slice = endless
    ? calls.slice(0, JSON_PAGE_SIZE)
    : calls.slice((page - 1) * JSON_PAGE_SIZE, page * JSON_PAGE_SIZE);
  const data = slice.map((call) => ({
    reference: call.id,
    titre: call.title,
    entete: call.paragraphs[0],
    objectif: call.paragraphs.slice(1).join('<br>') || null,
    modalite: call.amountText ?? null,
    publicsBeneficiaire: call.audiences.map((title) => ({ title })),
    financeur: { nom: call.funder },
    // Midnight in Paris, written in UTC as the IDF API does: the 14th is "…-13T23:00:00Z".
    dateFinCampagne: call.deadlines.length === 1 ? parisMidnightUtc(call.deadlines[0].date) : null,
    calendrier: deadlineSentence(call),
    lien: `/idf/aides/${call.id}`,
  }));
  return {
    contentType: 'application/json',
    body: JSON.stringify({ data, meta: { page, total: endless ? 1_000_000 : calls.length } }),
  };
}

function parisMidnightUtc(iso: string): string {
  const month = Number(iso.slice(5, 7));
  const offsetHours = month >= 4 && month <= 10 ? 2 : 1;
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCHours(-offsetHours);
  return date.toISOString();
}
