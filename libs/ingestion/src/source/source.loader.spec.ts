import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '@app/testing';
import { IngestionExceptionCode } from './ingestion.exception';
import { SourceDefinitionError } from './source-definition.error';
import { loadSources, parseSources } from './source.loader';

const VALID = `sources:
  - id: grand-est
    name: Grand Est
    kind: html
    url: https://www.grandest.fr/aides/?beneficiaire=63
    funder: Région Grand Est
    territory: [R44, "57", 2A]
    schedule: "0 6 * * 1-5"
    listing:
      item: a.card
      link: "@href"
      fields: { deadline: span.new_type strong }
      next: a[rel=next]@href
`;

function problemsOf(text: string): string {
  try {
    parseSources(text, { file: 'sources.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(SourceDefinitionError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe(parseSources.name, () => {
  it('reads a valid source with its defaults', () => {
    const [source] = parseSources(VALID, { file: 'sources.yaml' });
    expect(source).toMatchObject({
      id: 'grand-est',
      kind: 'html',
      territory: ['R44', '57', '2A'],
      follow: true,
      enabled: true,
      maxPages: 50,
      listing: {
        item: 'a.card',
        link: '@href',
        next: 'a[rel=next]@href',
        fields: { deadline: 'span.new_type strong' },
      },
    });
  });

  it('refuses a typo in a key, naming file, line, source and a suggestion', () => {
    const message = problemsOf(VALID.replace('    funder:', '    fundre:'));
    expect(message).toContain(
      'sources.yaml:6 source "grand-est", field "fundre": unknown key; did you mean "funder"?',
    );
  });

  it('refuses an unknown kind with the source id and the line', () => {
    const message = problemsOf(VALID.replace('kind: html', 'kind: htlm'));
    expect(message).toContain(
      'sources.yaml:4 source "grand-est", field "kind": unknown kind "htlm"; did you mean "html"?',
    );
  });

  it('refuses a bad cron schedule, territory code and selector', () => {
    const message = problemsOf(
      VALID.replace('"0 6 * * 1-5"', '"61 6 * * *"')
        .replace('[R44, "57", 2A]', '[R44, "Drôme"]')
        .replace('item: a.card', 'item: "a[["'),
    );
    expect(message).toMatch(/field "schedule": invalid cron expression/);
    expect(message).toMatch(/field "territory": not INSEE codes: DRÔME/);
    expect(message).toMatch(/field "listing.item": invalid CSS selector/);
  });

  it('refuses duplicate ids and a missing url', () => {
    const second = VALID.replace('sources:\n', '').replace(
      '    url: https://www.grandest.fr/aides/?beneficiaire=63\n',
      '',
    );
    const message = problemsOf(VALID + second);
    expect(message).toMatch(/field "url": required/);
    const duplicated = problemsOf(VALID + VALID.replace('sources:\n', ''));
    expect(duplicated).toMatch(
      /sources.yaml:14 source "grand-est", field "id": duplicate id, already defined at line 2/,
    );
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('sources:\n  - id: x\n   name: [oops\n')).toMatch(
      /sources.yaml:\d+, field "\(yaml\)"/,
    );
  });

  it('substitutes ${VARS} and refuses a missing one', () => {
    const text = VALID.replace('https://www.grandest.fr', '${BASE}');
    expect(parseSources(text, { vars: { BASE: 'http://127.0.0.1:4319' } })[0].url).toBe(
      'http://127.0.0.1:4319/aides/?beneficiaire=63',
    );
    expect(() => parseSources(text)).toThrow(/no value given for placeholder \$\{BASE\}/);
  });
});

describe(loadSources.name, () => {
  it('loads the shipped catalogue and the demo file', () => {
    const real = loadSources(resolve(repoRoot, 'config/sources.yaml'));
    expect(real.length).toBeGreaterThanOrEqual(8);
    const demo = loadSources(resolve(repoRoot, 'config/sources.demo.yaml'), {
      vars: { FIXTURE_BASE_URL: 'http://127.0.0.1:4319' },
    });
    expect(demo.map((s) => s.kind).sort()).toEqual([
      'aides-territoires',
      'eu-sedia',
      'html',
      'json',
      'opendatasoft',
      'rss',
    ]);
  });

  it('names the file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-sources-'));
    expect(() => loadSources(join(dir, 'absent.yaml'))).toThrow(
      expect.objectContaining({ code: IngestionExceptionCode.SOURCE_FILE_UNREADABLE }),
    );
    writeFileSync(join(dir, 'list.yaml'), '- 12\n');
    expect(() => loadSources(join(dir, 'list.yaml'))).toThrow(
      /list.yaml:1, field "sources\[0\]": each source must be a mapping/,
    );
  });
});

const API_SOURCE = `sources:
  - id: aides-territoires-63
    name: Aides-territoires — Puy-de-Dôme
    kind: aides-territoires
    publisher: Aides-territoires
    url: https://aides-territoires.beta.gouv.fr/api/aids/
    funder: Aides-territoires
    territory: ["63"]
    request:
      method: GET
      query: { organization_type_slugs: [association, commune], itemsPerPage: 100 }
    auth:
      kind: token-exchange
      secretEnv: AIDES_TERRITOIRES_TOKEN
      howToGet: "Créez un compte, puis « Mon compte › API »"
      login: { url: https://aides-territoires.beta.gouv.fr/api/connexion/, method: POST, secretHeader: X-AUTH-TOKEN, tokenPath: token, expiresInSeconds: 86400 }
      header: Authorization
      scheme: Bearer
    aidesTerritoires:
      perimeter: { scale: department, code: "63" }
    evidence:
      where: ["ATS src/Controller/Api/Aid/AidController.php", "shared/sources-evidence.md §1"]
      seen: "2026-12-07"
      confidence: high
`;

describe('source schema: publisher, request, auth, aidesTerritoires, evidence, disabledBecause', () => {
  it('reads an API source with its request, token exchange, perimeter and evidence', () => {
    const [source] = parseSources(API_SOURCE, { file: 'sources.yaml' });
    expect(source).toMatchObject({
      publisher: 'Aides-territoires',
      request: {
        method: 'GET',
        query: { organization_type_slugs: ['association', 'commune'], itemsPerPage: 100 },
        body: null,
      },
      auth: {
        kind: 'token-exchange',
        secretEnv: 'AIDES_TERRITOIRES_TOKEN',
        header: 'Authorization',
        scheme: 'Bearer',
        login: {
          url: 'https://aides-territoires.beta.gouv.fr/api/connexion/',
          method: 'POST',
          secretHeader: 'X-AUTH-TOKEN',
          tokenPath: 'token',
          expiresInSeconds: 86400,
        },
      },
      aidesTerritoires: { perimeter: { scale: 'department', code: '63' } },
      evidence: { seen: '2026-12-07', confidence: 'high' },
      disabledBecause: null,
    });
  });

  it('defaults the publisher to the funder', () => {
    const [source] = parseSources(VALID, { file: 'sources.yaml' });
    expect(source.publisher).toBe('Région Grand Est');
  });

  it('reads a multipart POST body and a header auth', () => {
    const [source] = parseSources(
      `- id: sedia
  name: SEDIA
  kind: eu-sedia
  url: https://api.tech.ec.europa.eu/search-api/prod/rest/search?apiKey=SEDIA&text=***
  funder: Commission européenne
  request:
    method: POST
    body:
      multipart:
        query: { bool: { must: [ { terms: { status: ["31094501", "31094502"] } } ] } }
        languages: [fr, en]
  auth: { kind: header, secretEnv: SEDIA_API_KEY, header: X-Api-Key, howToGet: "Demandez une clé" }
`,
      { file: 'sources.yaml' },
    );
    expect(source.request).toEqual({
      method: 'POST',
      query: null,
      body: {
        multipart: {
          query: { bool: { must: [{ terms: { status: ['31094501', '31094502'] } }] } },
          languages: ['fr', 'en'],
        },
      },
    });
    expect(source.auth).toMatchObject({ kind: 'header', header: 'X-Api-Key', login: null });
  });

  it.each([
    [
      'a body on a GET',
      '    query:',
      '    body: { json: { a: 1 } }\n    query:',
      'request.body',
      'only sent with method: POST',
    ],
    [
      'two bodies',
      '      method: GET',
      '      method: POST\n      body: { json: {}, form: { a: 1 } }',
      'request.body',
      'exactly one of json, form, multipart',
    ],
    [
      'a secret written in place of its variable name',
      'secretEnv: AIDES_TERRITOIRES_TOKEN',
      'secretEnv: eyJhbGciOi.secret',
      'auth.secretEnv',
      'the NAME of an environment variable',
    ],
    [
      'a variable that is not a token (server configuration)',
      'secretEnv: AIDES_TERRITOIRES_TOKEN',
      'secretEnv: DATABASE_URL',
      'auth.secretEnv',
      'ending in _TOKEN or _API_KEY',
    ],
    [
      'a token exchange without tokenPath',
      ' tokenPath: token,',
      '',
      'auth.login.tokenPath',
      'required',
    ],
    [
      'an unknown perimeter scale',
      'scale: department',
      'scale: departement',
      'aidesTerritoires.perimeter.scale',
      'must be one of',
    ],
    [
      'an evidence date that is not ISO',
      'seen: "2026-12-07"',
      'seen: "7 décembre"',
      'evidence.seen',
      'ISO date',
    ],
    [
      'an enabled source on low evidence',
      'confidence: high',
      'confidence: low',
      'evidence.confidence',
      'medium or high',
    ],
  ])('refuses %s, naming the field and its line', (_what, from, to, field, message) => {
    const problems = problemsOf(API_SOURCE.replace(from, to));
    expect(problems).toMatch(
      new RegExp(
        `sources\\.yaml:\\d+ source "aides-territoires-63", field "${field.replace(/\./g, '\\.')}": [^\\n]*${message}`,
      ),
    );
  });

  it('points a nested problem at its own line', () => {
    const problems = problemsOf(API_SOURCE.replace('confidence: high', 'confidence: sure'));
    const line = API_SOURCE.split('\n').findIndex((l) => l.includes('confidence: high')) + 1;
    expect(problems).toContain(
      `sources.yaml:${line} source "aides-territoires-63", field "evidence.confidence"`,
    );
  });

  it('refuses aidesTerritoires on another kind', () => {
    const problems = problemsOf(
      API_SOURCE.replace('kind: aides-territoires', 'kind: json\n    mapping: { title: name }'),
    );
    expect(problems).toContain('field "aidesTerritoires": only for kind: aides-territoires');
  });

  it('keeps the reason a disabled source stays disabled', () => {
    const [source] = parseSources(
      API_SOURCE.replace(
        '    evidence:',
        '    enabled: false\n    disabledBecause: "Format non confirmé"\n    evidence:',
      ),
      { file: 'sources.yaml' },
    );
    expect(source).toMatchObject({ enabled: false, disabledBecause: 'Format non confirmé' });
  });
});
