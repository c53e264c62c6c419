import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '@app/testing';
import { checkSources, type SourceCheckReport } from '../check/check-sources.util';
import { loadSources } from './source.loader';
import type { SourceDefinition } from './source.types';

/**
 * The shipped catalogue itself, read through its own entries: the coverage issue 14 asks for, and
 * every recorded real answer replayed through the crawler (test/fixtures/recorded/).
 */
const sourcesFile = resolve(repoRoot, 'config/sources.yaml');
const recordedDir = resolve(repoRoot, 'test/fixtures/recorded');

interface RecordedAnswer {
  method: string;
  url: string;
  status: number;
  contentType: string;
  file: string;
}

/** Département 63, région Auvergne-Rhône-Alpes, or a commune of the Puy-de-Dôme (INSEE 63xxx). */
function touchesPuyDeDome(source: SourceDefinition): boolean {
  return source.territory.some((code) => code === '63' || code === 'R84' || /^63\d{3}$/.test(code));
}

function publisherOf(source: SourceDefinition): string {
  return source.publisher ?? source.funder;
}

describe('config/sources.yaml — real coverage', () => {
  const sources = loadSources(sourcesFile);
  const enabled = sources.filter((source) => source.enabled);

  it('enables at least 15 real sources from at least 12 publishers', () => {
    const publishers = new Set(enabled.map(publisherOf));
    expect(enabled.length).toBeGreaterThanOrEqual(15);
    expect(publishers.size).toBeGreaterThanOrEqual(12);
  });

  it('covers Puy-de-Dôme / Auvergne-Rhône-Alpes with at least 3 publishers', () => {
    const local = new Set(enabled.filter(touchesPuyDeDome).map(publisherOf));
    expect(local.size).toBeGreaterThanOrEqual(3);
    expect([...local]).toEqual(
      expect.arrayContaining([
        'Région Auvergne-Rhône-Alpes',
        "L'Europe s'engage en Auvergne-Rhône-Alpes",
      ]),
    );
  });

  it('gives every source its evidence; enables only on medium or high; says why one is off', () => {
    const withoutEvidence = sources.filter((s) => !s.evidence?.where.length).map((s) => s.id);
    const enabledOnLow = enabled.filter((s) => s.evidence?.confidence === 'low').map((s) => s.id);
    const offWithoutReason = sources
      .filter((s) => !s.enabled && !s.disabledBecause?.trim())
      .map((s) => s.id);
    expect({ withoutEvidence, enabledOnLow, offWithoutReason }).toEqual({
      withoutEvidence: [],
      enabledOnLow: [],
      offWithoutReason: [],
    });
  });

  it('names a source of the file with every recorded folder, and every recorded file exists', () => {
    const ids = new Set(sources.map((source) => source.id));
    const folders = readdirSync(recordedDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !ids.has(folder))).toEqual([]);
    for (const folder of folders) {
      expect(existsSync(join(recordedDir, folder, 'PROVENANCE.md'))).toBe(true);
      const answers = JSON.parse(
        readFileSync(join(recordedDir, folder, 'answers.json'), 'utf8'),
      ) as RecordedAnswer[];
      expect(answers.length).toBeGreaterThan(0);
      const missing = answers
        .filter((answer) => !existsSync(join(recordedDir, folder, answer.file)))
        .map((answer) => `${folder}/${answer.file}`);
      expect(missing).toEqual([]);
    }
  });
});

describe('config/sources.yaml — recorded real answers, replayed through each source entry', () => {
  let reports: Map<string, SourceCheckReport>;

  beforeAll(async () => {
    const sources = loadSources(sourcesFile);
    const checked = await checkSources(sources, { recordedDir, referenceDate: '2026-12-07' });
    reports = new Map(checked.map((report) => [report.id, report]));
  }, 60_000);

  const byTitle = (report: SourceCheckReport, title: string) =>
    report.calls.find((call) => call.title === title);

  it('ministere-culture: reads the two recorded calls with their deadlines, amounts and territories', () => {
    const report = reports.get('ministere-culture')!;
    expect(report).toMatchObject({
      recorded: true,
      enabled: true,
      publisher: 'Ministère de la Culture',
      items: 2,
      withDeadline: 2,
      withDescription: 2,
      withFunder: 2,
      problems: [],
    });
    expect(byTitle(report, 'CulturePro')).toMatchObject({
      externalId: '315790',
      url: 'https://www.culture.gouv.fr/Demarches-en-ligne/Par-type-de-demarche/Appels-a-projets-candidatures/CulturePro',
      deadlines: [{ date: '2022-04-15' }],
      funders: ['Ministère de la Culture'],
      amounts: { envelopeCents: 220_000_000 },
      territory: ['FR'],
      publishedAt: '2022-09-08',
    });
    expect(
      byTitle(report, "Résidences artistiques 'Art et mer' (Parc Naturel Marin) - DAC Mayotte"),
    ).toMatchObject({
      externalId: '315795',
      url: 'https://www.culture.gouv.fr/Demarches-en-ligne/Par-type-de-demarche/Appels-a-projets-candidatures/Residences-artistiques-Art-et-mer-Parc-Naturel-Marin-DAC-Mayotte',
      deadlines: [{ date: '2022-08-15' }],
      funders: ['Ministère de la Culture'],
      territory: ['976'],
    });
  });

  it('ile-de-france-guide-des-aides: reads the two recorded aids, a standing one and a dated campaign', () => {
    const report = reports.get('ile-de-france-guide-des-aides')!;
    expect(report).toMatchObject({
      recorded: true,
      enabled: true,
      publisher: 'Région Île-de-France',
      items: 2,
      withDeadline: 1,
      withDescription: 2,
      withFunder: 2,
      problems: [],
    });
    expect(byTitle(report, 'Soutien régional aux radios locales d’Île-de-France')).toMatchObject({
      externalId: 'Sy2cc9WqE',
      url: 'https://mesdemarches.iledefrance.fr/guide-des-aides/api/tenants/cridfprd/aides/Sy2cc9WqE',
      deadlines: [],
      funders: ['Région Île-de-France'],
      audiences: ['associations'],
      territory: ['R11'],
    });
    expect(
      byTitle(
        report,
        'Soutien régional en investissement pour la protection des jeunes en situation de précarité',
      ),
    ).toMatchObject({
      externalId: 'Skxo55-5N',
      url: 'https://mesdemarches.iledefrance.fr/guide-des-aides/api/tenants/cridfprd/aides/Skxo55-5N',
      // dateFinCampagne 2019-07-07T22:00:00Z is midnight in Paris.
      deadlines: [{ date: '2019-07-08' }],
      opensAt: '2019-06-03',
      funders: ['Région Île-de-France'],
      status: 'closed',
    });
  });

  it('reports every source with a recorded folder as recorded and without problem', () => {
    const recordedFolders = readdirSync(recordedDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const id of recordedFolders) {
      expect({
        id,
        recorded: reports.get(id)?.recorded,
        problems: reports.get(id)?.problems,
      }).toEqual({
        id,
        recorded: true,
        problems: [],
      });
    }
    expect(reports.get('occitanie-ods')).toMatchObject({ recorded: false, items: 0 });
  });
});
