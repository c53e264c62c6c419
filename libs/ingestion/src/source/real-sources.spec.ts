import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '@app/testing';
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
