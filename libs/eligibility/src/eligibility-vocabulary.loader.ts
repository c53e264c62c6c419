import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { BENEFICIARY_CATEGORIES, isBeneficiaryCategory } from './beneficiary.constants';
import { EligibilityException, EligibilityExceptionCode } from './eligibility.exception';
import type {
  CueSide,
  EligibilityCategoryTerms,
  EligibilityCue,
  EligibilityVocabulary,
} from './eligibility.types';

/** Bumped when the extractor's code changes what it finds: stored extractions are then redone. */
export const ELIGIBILITY_CODE_VERSION = 'e1';

const VOCABULARY_FILE = join('config', 'eligibility.yaml');
const STRENGTHS = ['only', 'listed', 'excluded'] as const;
const SIDES: readonly CueSide[] = ['before', 'after'];

/** `<repo>/config/eligibility.yaml`, found by walking up from this file (source or dist), then the cwd. */
export function defaultEligibilityVocabularyPath(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, VOCABULARY_FILE))) return join(dir, VOCABULARY_FILE);
  }
  return resolve(process.cwd(), VOCABULARY_FILE);
}

export function loadEligibilityVocabulary(
  path: string = defaultEligibilityVocabularyPath(),
): EligibilityVocabulary {
  if (!existsSync(path)) {
    throw new EligibilityException(
      EligibilityExceptionCode.VOCABULARY_NOT_FOUND,
      `fichier du vocabulaire d’éligibilité introuvable : ${path}`,
    );
  }
  return parseEligibilityVocabulary(readFileSync(path, 'utf8'), path);
}

/** Checks the whole file, refusing anything unexpected with its file, line and field. */
export function parseEligibilityVocabulary(text: string, file: string): EligibilityVocabulary {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    throw new EligibilityException(
      EligibilityExceptionCode.VOCABULARY_INVALID,
      `YAML illisible : ${error.message.split('\n')[0]}`,
      file,
      lineCounter.linePos(error.pos[0]).line,
      '(syntaxe)',
    );
  }
  const reader = new VocabularyReader(file, lineCounter);
  const top = reader.map(doc.contents, '(fichier)', ['version', 'categories', 'cues', 'ignore']);
  reader.num(top.get('version'), 'version');
  const categories = reader
    .seq(top.get('categories'), 'categories')
    .map((node, i) => readCategory(reader, node, `categories[${i + 1}]`));
  const seen = new Set<string>();
  for (const [i, category] of categories.entries()) {
    if (seen.has(category.id)) {
      reader.failAt(
        category.line,
        `categories[${i + 1}].id`,
        `catégorie « ${category.id} » répétée`,
      );
    }
    seen.add(category.id);
  }
  const missing = BENEFICIARY_CATEGORIES.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    reader.fail(
      top.get('categories'),
      'categories',
      `catégorie(s) absente(s) : ${missing.join(', ')}`,
    );
  }
  const cues = reader
    .seq(top.get('cues'), 'cues')
    .map((node, i) => readCue(reader, node, `cues[${i + 1}]`));
  const ignoreNode = top.get('ignore');
  const ignore = ignoreNode === undefined ? [] : reader.strList(ignoreNode, 'ignore');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return { categories, cues, ignore, version: `${ELIGIBILITY_CODE_VERSION}-${hash}` };
}

function readCategory(
  reader: VocabularyReader,
  node: Node,
  where: string,
): EligibilityCategoryTerms {
  const entries = reader.map(node, where, ['id', 'terms'], ['id', 'terms']);
  const idNode = entries.get('id');
  const id = reader.str(idNode, `${where}.id`);
  if (!isBeneficiaryCategory(id)) {
    reader.fail(
      idNode,
      `${where}.id`,
      `catégorie « ${id} » inconnue (permises : ${BENEFICIARY_CATEGORIES.join(', ')})`,
    );
  }
  return {
    id,
    terms: reader.strList(entries.get('terms'), `${where}.terms`),
    line: reader.lineOf(node),
  };
}

function readCue(reader: VocabularyReader, node: Node, where: string): EligibilityCue {
  const entries = reader.map(
    node,
    where,
    ['strength', 'side', 'terms'],
    ['strength', 'side', 'terms'],
  );
  const strength = reader.oneOf(entries.get('strength'), `${where}.strength`, STRENGTHS);
  const side = reader.oneOf(entries.get('side'), `${where}.side`, SIDES);
  return {
    strength,
    side,
    terms: reader.strList(entries.get('terms'), `${where}.terms`),
    line: reader.lineOf(node),
  };
}

/** Typed values out of YAML nodes (not plain JS), to keep the line of every offending value. */
class VocabularyReader {
  constructor(
    private readonly file: string,
    private readonly lineCounter: LineCounter,
  ) {}

  lineOf(node: unknown): number {
    const offset = (node as Node | null | undefined)?.range?.[0];
    return offset === undefined ? 1 : this.lineCounter.linePos(offset).line;
  }

  fail(node: unknown, field: string, message: string): never {
    this.failAt(this.lineOf(node), field, message);
  }

  failAt(line: number, field: string, message: string): never {
    throw new EligibilityException(
      EligibilityExceptionCode.VOCABULARY_INVALID,
      message,
      this.file,
      line,
      field,
    );
  }

  map(
    node: unknown,
    where: string,
    allowed: readonly string[],
    required: readonly string[] = [],
  ): Map<string, Node | null> {
    if (!isMap(node)) this.fail(node, where, 'attendu une table de clés (clé: valeur)');
    const entries = new Map<string, Node | null>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        this.fail(
          pair.key,
          where,
          `clé inconnue « ${key} » (clés permises : ${allowed.join(', ')})`,
        );
      }
      entries.set(key, (pair.value as Node | null) ?? null);
    }
    for (const key of required) {
      if (!entries.has(key)) this.fail(node, where, `clé obligatoire « ${key} » absente`);
    }
    return entries;
  }

  seq(node: unknown, where: string): Node[] {
    if (!isSeq(node)) this.fail(node, where, 'attendu une liste');
    return node.items as Node[];
  }

  str(node: unknown, where: string): string {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      this.fail(node, where, 'attendu un texte non vide');
    }
    return node.value.trim();
  }

  num(node: unknown, where: string): number {
    if (!isScalar(node) || typeof node.value !== 'number')
      this.fail(node, where, 'attendu un nombre');
    return node.value;
  }

  oneOf<T extends string>(node: unknown, where: string, allowed: readonly T[]): T {
    const value = this.str(node, where);
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(node, where, `« ${value} » inconnu (permis : ${allowed.join(', ')})`);
    }
    return value as T;
  }

  strList(node: unknown, where: string): string[] {
    const items = this.seq(node, where);
    if (items.length === 0) this.fail(node, where, 'la liste est vide');
    return items.map((item, i) => this.str(item, `${where}[${i + 1}]`));
  }
}
