import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ImpactException, ImpactExceptionCode } from './impact.exception';

export type YamlPath = (string | number)[];

/** Walks up from this file (src or dist) to the repository's config/, then tries the cwd. */
export function configPath(file: string): string {
  const relative = join('config', file);
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, relative))) return join(dir, relative);
  }
  return resolve(process.cwd(), relative);
}

export function readConfigText(path: string): string {
  if (!existsSync(path))
    throw new ImpactException(ImpactExceptionCode.CONFIG_NOT_FOUND, `File not found: ${path}`, {
      file: path,
    });
  return readFileSync(path, 'utf8');
}

/**
 * Typed reads of a YAML document that fail with `file:line: field: problem`, so whoever edits
 * the catalogue or the reference values sees at once which line to fix.
 */
export class YamlReader {
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    text: string,
    readonly file: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
    if (this.doc.errors.length > 0) {
      const error = this.doc.errors[0];
      throw configError(
        file,
        this.lines.linePos(error.pos[0]).line,
        '(syntax)',
        error.message.split('\n')[0],
      );
    }
  }

  has(path: YamlPath): boolean {
    return this.doc.hasIn(path);
  }

  keys(path: YamlPath): string[] {
    const node = this.node(path);
    if (!isMap(node)) throw this.error(path, 'must be a mapping');
    return node.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
  }

  length(path: YamlPath): number {
    const node = this.node(path);
    if (!isSeq(node)) throw this.error(path, 'must be a list');
    return node.items.length;
  }

  number(path: YamlPath): number {
    const node = this.node(path);
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value))
      throw this.error(path, 'must be a number');
    return node.value;
  }

  string(path: YamlPath): string {
    const node = this.node(path);
    // Dates (2020-06-30) and years are read as text: the core schema has no timestamps.
    const value = isScalar(node) && typeof node.value === 'number' ? String(node.value) : null;
    if (value !== null) return value;
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '')
      throw this.error(path, 'must be a non-empty text');
    return node.value.trim();
  }

  optionalString(path: YamlPath): string | undefined {
    return this.has(path) ? this.string(path) : undefined;
  }

  boolean(path: YamlPath): boolean {
    const node = this.node(path);
    if (!isScalar(node) || typeof node.value !== 'boolean')
      throw this.error(path, 'must be true or false');
    return node.value;
  }

  node(path: YamlPath): Node {
    const node = this.doc.getIn(path, true) as Node | undefined;
    if (node === undefined || node === null) throw this.error(path, 'is missing');
    if (isScalar(node) && node.value === null) throw this.error(path, 'is missing');
    return node;
  }

  /** Points at the node itself, or at its nearest existing parent when the field is missing. */
  error(path: YamlPath, problem: string): ImpactException {
    let line = 1;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = (
        depth === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, depth), true)
      ) as Node | null;
      if (node?.range) {
        line = this.lines.linePos(node.range[0]).line;
        break;
      }
    }
    return configError(this.file, line, path.join('.'), problem);
  }
}

function configError(file: string, line: number, field: string, problem: string): ImpactException {
  return new ImpactException(
    ImpactExceptionCode.CONFIG_INVALID,
    `${file}:${line}: ${field}: ${problem}`,
    { file, line, field },
  );
}
