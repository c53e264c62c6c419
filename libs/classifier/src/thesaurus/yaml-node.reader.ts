import { isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import { ClassifierExceptionCode, ThesaurusError } from '../classifier.exception';
import type { SourceRef } from './thesaurus.types';

/**
 * Reads typed values out of a parsed YAML document, refusing anything unexpected with the file
 * and line of the offending node. Works on nodes (not plain JS) precisely to keep line numbers.
 */
export class YamlNodeReader {
  constructor(
    readonly file: string,
    private readonly lineCounter: LineCounter,
  ) {}

  lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0];
    return offset === undefined ? 1 : this.lineCounter.linePos(offset).line;
  }

  ref(node: Node | null | undefined): SourceRef {
    return { file: this.file, line: this.lineOf(node) };
  }

  fail(node: Node | null | undefined, message: string): never {
    throw new ThesaurusError(
      ClassifierExceptionCode.ThesaurusInvalid,
      message,
      this.file,
      this.lineOf(node),
    );
  }

  /** Entries of a mapping, refusing unknown keys and missing required ones. */
  map(
    node: unknown,
    where: string,
    allowed: readonly string[],
    required: readonly string[] = [],
  ): Map<string, Node | null> {
    if (!isMap(node)) this.fail(node as Node, `${where}: attendu une table de clés (clé: valeur)`);
    const entries = new Map<string, Node | null>();
    for (const pair of node.items) {
      const keyNode = pair.key as Node;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      if (!allowed.includes(key)) {
        this.fail(
          keyNode,
          `${where}: clé inconnue « ${key} » (clés permises : ${allowed.join(', ')})`,
        );
      }
      if (entries.has(key)) this.fail(keyNode, `${where}: clé « ${key} » répétée`);
      entries.set(key, (pair.value as Node | null) ?? null);
    }
    for (const key of required) {
      if (!entries.has(key)) this.fail(node, `${where}: clé obligatoire « ${key} » absente`);
    }
    return entries;
  }

  seq(node: Node | null | undefined, where: string): Node[] {
    if (!isSeq(node)) this.fail(node, `${where}: attendu une liste (lignes commençant par « - »)`);
    return node.items as Node[];
  }

  str(node: Node | null | undefined, where: string): string {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      this.fail(node, `${where}: attendu un texte non vide`);
    }
    return node.value.trim();
  }

  id(node: Node | null | undefined, where: string): string {
    const value = this.str(node, where);
    if (!/^[a-z][a-z0-9_]*$/.test(value)) {
      this.fail(
        node,
        `${where}: identifiant « ${value} » invalide (minuscules, chiffres et _ seulement)`,
      );
    }
    return value;
  }

  num(node: Node | null | undefined, where: string, min: number, max: number): number {
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
      this.fail(node, `${where}: attendu un nombre`);
    }
    if (node.value < min || node.value > max) {
      this.fail(node, `${where}: ${node.value} hors de l'intervalle [${min}, ${max}]`);
    }
    return node.value;
  }

  strList(node: Node | null | undefined, where: string): string[] {
    const items = this.seq(node, where);
    if (items.length === 0) this.fail(node, `${where}: la liste est vide`);
    return items.map((item, i) => this.str(item, `${where}[${i + 1}]`));
  }
}
