import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ClassifierExceptionCode, ThesaurusError } from '../classifier.exception';
import { parseThesaurus } from './thesaurus.parser';
import type { ThesaurusDefinition } from './thesaurus.types';

/** `<repo>/config/thesaurus`, found by walking up from this file (source or dist) then the cwd. */
export function defaultThesaurusDir(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, 'config', 'thesaurus');
      if (existsSync(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return resolve(process.cwd(), 'config', 'thesaurus');
}

/** Reads every `*.yaml` file of the directory (not recursive) and checks the whole. */
export async function loadThesaurus(
  dir: string = defaultThesaurusDir(),
): Promise<ThesaurusDefinition> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'));
  } catch {
    throw new ThesaurusError(
      ClassifierExceptionCode.ThesaurusNotFound,
      `dossier du thésaurus introuvable : ${dir}`,
    );
  }
  const files = await Promise.all(
    names.map(async (name) => ({ name, content: await readFile(join(dir, name), 'utf8') })),
  );
  return parseThesaurus(files);
}
