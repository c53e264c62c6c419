import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, type Node } from 'yaml';
import { CALL_FIELDS, EU_FUND_IDS, type CallField, type EuFundId } from '../classifier.types';
import { ClassifierExceptionCode, ThesaurusError } from '../classifier.exception';
import { YamlNodeReader } from './yaml-node.reader';
import type {
  EuFundDefinition,
  ProximityDefinition,
  RuleDefinition,
  RuleKind,
  ThemeDefinition,
  ThesaurusDefinition,
  ThesaurusFile,
  ThesaurusSettings,
} from './thesaurus.types';

const TOP_KEYS = [
  'settings',
  'themes',
  'negatives',
  'eligibility',
  'proximity',
  'eu_funds',
  'counter_exemplars',
] as const;

interface Collected {
  settings: { value: ThesaurusSettings; file: string } | null;
  themes: ThemeDefinition[];
  rules: RuleDefinition[];
  proximity: ProximityDefinition[];
  euFunds: EuFundDefinition[];
  counterExemplars: string[];
}

/**
 * Turns the thesaurus YAML files into a checked definition. Every file may hold any of the
 * top-level sections; ids must be unique across files and theme references must exist.
 */
export function parseThesaurus(files: readonly ThesaurusFile[]): ThesaurusDefinition {
  if (files.length === 0) {
    throw new ThesaurusError(
      ClassifierExceptionCode.ThesaurusNotFound,
      'aucun fichier .yaml dans le thésaurus',
    );
  }
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
  const collected: Collected = {
    settings: null,
    themes: [],
    rules: [],
    proximity: [],
    euFunds: [],
    counterExemplars: [],
  };
  for (const file of sorted) readFile(file, collected);
  if (!collected.settings) {
    throw new ThesaurusError(
      ClassifierExceptionCode.ThesaurusInvalid,
      'aucune section « settings » trouvée',
    );
  }
  checkUniqueIds(collected);
  checkThemeReferences(collected);
  const hash = createHash('sha256');
  for (const file of sorted) hash.update(file.name).update('\0').update(file.content).update('\0');
  return {
    settings: collected.settings.value,
    themes: collected.themes,
    rules: collected.rules,
    proximity: collected.proximity,
    euFunds: collected.euFunds,
    counterExemplars: collected.counterExemplars,
    contentHash: hash.digest('hex'),
    files: sorted.map((f) => f.name),
  };
}

function readFile(file: ThesaurusFile, out: Collected): void {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = error.linePos?.[0]?.line ?? 1;
    throw new ThesaurusError(
      ClassifierExceptionCode.ThesaurusSyntax,
      `YAML illisible : ${error.message.split('\n')[0]}`,
      file.name,
      line,
    );
  }
  const reader = new YamlNodeReader(file.name, lineCounter);
  if (doc.contents === null) return;
  const top = reader.map(doc.contents, 'fichier', TOP_KEYS);
  const settings = top.get('settings');
  if (settings !== undefined) {
    if (out.settings) reader.fail(settings, `« settings » déjà défini dans ${out.settings.file}`);
    out.settings = { value: readSettings(reader, settings), file: file.name };
  }
  for (const node of seqOf(reader, top, 'themes')) readTheme(reader, node, out);
  for (const node of seqOf(reader, top, 'negatives'))
    out.rules.push(readRule(reader, node, 'negative', null));
  for (const node of seqOf(reader, top, 'eligibility')) {
    out.rules.push(readRule(reader, node, 'eligibility', null));
  }
  for (const node of seqOf(reader, top, 'proximity'))
    out.proximity.push(readProximity(reader, node));
  for (const node of seqOf(reader, top, 'eu_funds')) out.euFunds.push(readEuFund(reader, node));
  const counter = top.get('counter_exemplars');
  if (counter !== undefined)
    out.counterExemplars.push(...reader.strList(counter, 'counter_exemplars'));
}

function seqOf(reader: YamlNodeReader, top: Map<string, Node | null>, key: string): Node[] {
  const node = top.get(key);
  return node === undefined ? [] : reader.seq(node, key);
}

function readSettings(reader: YamlNodeReader, node: Node | null): ThesaurusSettings {
  const keys = [
    'field_weights',
    'threshold',
    'scale',
    'repeat_bonus',
    'stacking_decay',
    'theme_threshold',
    'semantic',
    'feedback',
  ];
  const s = reader.map(node, 'settings', keys, keys);
  const fw = reader.map(s.get('field_weights'), 'settings.field_weights', CALL_FIELDS, CALL_FIELDS);
  const fieldWeights = Object.fromEntries(
    CALL_FIELDS.map((f) => [f, reader.num(fw.get(f), `settings.field_weights.${f}`, 0, 10)]),
  ) as Record<CallField, number>;
  const sem = reader.map(
    s.get('semantic'),
    'settings.semantic',
    ['weight', 'floor'],
    ['weight', 'floor'],
  );
  const fbKeys = ['weight', 'min_similarity', 'marked_call_weight'];
  const fb = reader.map(s.get('feedback'), 'settings.feedback', fbKeys, fbKeys);
  return {
    fieldWeights,
    threshold: reader.num(s.get('threshold'), 'settings.threshold', 0.01, 0.99),
    scale: reader.num(s.get('scale'), 'settings.scale', 0.01, 100),
    repeatBonus: reader.num(s.get('repeat_bonus'), 'settings.repeat_bonus', 0, 1),
    stackingDecay: reader.num(s.get('stacking_decay'), 'settings.stacking_decay', 0, 1),
    themeThreshold: reader.num(s.get('theme_threshold'), 'settings.theme_threshold', 0.01, 0.99),
    semantic: {
      weight: reader.num(sem.get('weight'), 'settings.semantic.weight', 0, 100),
      floor: reader.num(sem.get('floor'), 'settings.semantic.floor', 0, 1),
    },
    feedback: {
      weight: reader.num(fb.get('weight'), 'settings.feedback.weight', 0, 100),
      minSimilarity: reader.num(fb.get('min_similarity'), 'settings.feedback.min_similarity', 0, 1),
      markedCallWeight: reader.num(
        fb.get('marked_call_weight'),
        'settings.feedback.marked_call_weight',
        0,
        100,
      ),
    },
  };
}

function readTheme(reader: YamlNodeReader, node: Node, out: Collected): void {
  const t = reader.map(
    node,
    'theme',
    ['id', 'label', 'relevance', 'concepts', 'exemplars'],
    ['id', 'label', 'relevance', 'concepts'],
  );
  const id = reader.id(t.get('id'), 'theme.id');
  const where = `theme ${id}`;
  const exemplarsNode = t.get('exemplars');
  out.themes.push({
    id,
    label: reader.str(t.get('label'), `${where}.label`),
    relevance: reader.num(t.get('relevance'), `${where}.relevance`, 0, 10),
    exemplars:
      exemplarsNode === undefined ? [] : reader.strList(exemplarsNode, `${where}.exemplars`),
    source: reader.ref(node),
  });
  for (const concept of reader.seq(t.get('concepts'), `${where}.concepts`)) {
    out.rules.push(readRule(reader, concept, 'concept', id));
  }
}

function readRule(
  reader: YamlNodeReader,
  node: Node,
  kind: RuleKind,
  theme: string | null,
): RuleDefinition {
  const section =
    kind === 'concept'
      ? `concept (thème ${theme})`
      : kind === 'negative'
        ? 'negatives'
        : 'eligibility';
  const r = reader.map(
    node,
    section,
    ['id', 'label', 'weight', 'terms', 'reason'],
    ['id', 'weight', 'terms'],
  );
  const id = reader.id(r.get('id'), `${section}.id`);
  const where = `${section} ${id}`;
  const weightNode = r.get('weight');
  const weight =
    kind === 'negative'
      ? reader.num(weightNode, `${where}.weight`, -100, -0.001)
      : kind === 'concept'
        ? reader.num(weightNode, `${where}.weight`, 0.001, 100)
        : reader.num(weightNode, `${where}.weight`, -100, 100);
  const label = r.get('label');
  return {
    id,
    kind,
    theme,
    label: label === undefined ? id : reader.str(label, `${where}.label`),
    weight,
    terms: reader.strList(r.get('terms'), `${where}.terms`),
    ...readReason(reader, r, where),
    source: reader.ref(node),
  };
}

/** The optional `reason:` of an entry: why it is there, kept for whoever edits it next. */
function readReason(
  reader: YamlNodeReader,
  entries: Map<string, Node | null>,
  where: string,
): { reason?: string } {
  const node = entries.get('reason');
  return node === undefined ? {} : { reason: reader.str(node, `${where}.reason`) };
}

function readProximity(reader: YamlNodeReader, node: Node): ProximityDefinition {
  const keys = ['id', 'label', 'theme', 'weight', 'window', 'anchor', 'near', 'reason'];
  const p = reader.map(node, 'proximity', keys, [
    'id',
    'theme',
    'weight',
    'window',
    'anchor',
    'near',
  ]);
  const id = reader.id(p.get('id'), 'proximity.id');
  const where = `proximity ${id}`;
  const label = p.get('label');
  return {
    id,
    theme: reader.id(p.get('theme'), `${where}.theme`),
    label: label === undefined ? id : reader.str(label, `${where}.label`),
    weight: reader.num(p.get('weight'), `${where}.weight`, 0.001, 100),
    window: reader.num(p.get('window'), `${where}.window`, 1, 50),
    anchor: reader.strList(p.get('anchor'), `${where}.anchor`),
    near: reader.strList(p.get('near'), `${where}.near`),
    ...readReason(reader, p, where),
    source: reader.ref(node),
  };
}

function readEuFund(reader: YamlNodeReader, node: Node): EuFundDefinition {
  const f = reader.map(node, 'eu_funds', ['id', 'label', 'terms'], ['id', 'terms']);
  const idNode = f.get('id');
  const id = reader.str(idNode, 'eu_funds.id');
  if (!(EU_FUND_IDS as readonly string[]).includes(id)) {
    reader.fail(
      idNode,
      `eu_funds.id: fonds « ${id} » inconnu (permis : ${EU_FUND_IDS.join(', ')})`,
    );
  }
  const label = f.get('label');
  return {
    id: id as EuFundId,
    label: label === undefined ? id : reader.str(label, `eu_funds ${id}.label`),
    terms: reader.strList(f.get('terms'), `eu_funds ${id}.terms`),
    source: reader.ref(node),
  };
}

function invalid(message: string, at: { file: string; line: number }): ThesaurusError {
  return new ThesaurusError(ClassifierExceptionCode.ThesaurusInvalid, message, at.file, at.line);
}

function checkUniqueIds(c: Collected): void {
  const seen = new Map<string, { file: string; line: number }>();
  const entries = [
    ...c.themes.map((t) => ({ id: `thème ${t.id}`, source: t.source })),
    ...c.rules.map((r) => ({ id: r.id, source: r.source })),
    ...c.proximity.map((p) => ({ id: p.id, source: p.source })),
    ...c.euFunds.map((f) => ({ id: `fonds ${f.id}`, source: f.source })),
  ];
  for (const { id, source } of entries) {
    const first = seen.get(id);
    if (first)
      throw invalid(`identifiant « ${id} » déjà utilisé (${first.file}:${first.line})`, source);
    seen.set(id, source);
  }
}

function checkThemeReferences(c: Collected): void {
  const themes = new Set(c.themes.map((t) => t.id));
  for (const p of c.proximity) {
    if (!themes.has(p.theme))
      throw invalid(`proximity ${p.id}: thème « ${p.theme} » inconnu`, p.source);
  }
}
