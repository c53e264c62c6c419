import type { BeneficiaryCategory } from './beneficiary.constants';
import type {
  Beneficiary,
  BeneficiaryStrength,
  CueSide,
  EligibilityField,
  EligibilityInput,
  EligibilityVocabulary,
} from './eligibility.types';
import { foldFrench, termPattern } from './french-fold.util';

/** How far a cue reaches: « réservé aux » governs the list after it, not the next paragraph. */
const AFTER_REACH = 250;
const BEFORE_REACH = 200;
const INVERTED_REACH = 80;
/** Characters allowed between two items of one list of beneficiaries (« les TPE, les PME et les ETI »). */
const LIST_GAP = 80;
const MAX_WORDS = 160;

interface Span {
  start: number;
  end: number;
}

interface CategoryMatch extends Span {
  category: BeneficiaryCategory;
}

interface CueMatch extends Span {
  strength: Exclude<BeneficiaryStrength, 'mention'>;
  side: CueSide;
}

interface CompiledVocabulary {
  categories: Array<{ category: BeneficiaryCategory; pattern: RegExp }>;
  cues: Array<{ strength: CueMatch['strength']; side: CueSide; pattern: RegExp }>;
  ignore: RegExp | null;
}

const compiled = new WeakMap<EligibilityVocabulary, CompiledVocabulary>();

function alternation(terms: readonly string[], plural: boolean): RegExp {
  // Longest first, so « établissements d'enseignement supérieur » wins over « établissement ».
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((t) => termPattern(t, plural)).join('|'), 'gu');
}

function compile(vocabulary: EligibilityVocabulary): CompiledVocabulary {
  let result = compiled.get(vocabulary);
  if (!result) {
    result = {
      categories: vocabulary.categories.map((c) => ({
        category: c.id,
        pattern: alternation(c.terms, true),
      })),
      cues: vocabulary.cues.map((c) => ({
        strength: c.strength,
        side: c.side,
        pattern: alternation(c.terms, false),
      })),
      ignore: vocabulary.ignore.length > 0 ? alternation(vocabulary.ignore, false) : null,
    };
    compiled.set(vocabulary, result);
  }
  return result;
}

function spans(pattern: RegExp, folded: string): Span[] {
  return [...folded.matchAll(pattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Keeps the longest of overlapping matches (then the earliest), dropping the others. */
function longestFirst<T extends Span>(matches: T[]): T[] {
  const sorted = [...matches].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: T[] = [];
  for (const match of sorted) {
    if (!kept.some((k) => overlaps(k, match))) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Where the list after a cue stops: a sentence end, a paragraph, a non-bullet line. */
function afterWindow(folded: string, cue: CueMatch, nextCueStart: number): Span {
  const lead = /^[\s:?!.\-•*·–]*/.exec(folded.slice(cue.end))?.[0].length ?? 0;
  const from = cue.end + lead;
  const rest = folded.slice(from);
  const stop = /[.!?](?= |$)|\n\s*\n|\n(?![ \t]*[-•*·–])/.exec(rest);
  const end = Math.min(
    stop ? from + stop.index : folded.length,
    from + AFTER_REACH,
    Math.max(nextCueStart, cue.end),
  );
  return { start: cue.end, end };
}

/** Where the subject of « … peuvent candidater » starts: the sentence start, at most. */
function beforeWindow(folded: string, cue: CueMatch, previousCueEnd: number): Span {
  const head = folded.slice(0, cue.start);
  let start = Math.max(0, cue.start - BEFORE_REACH, previousCueEnd);
  const boundary = /[.!?;:] |\n/g;
  for (const m of head.matchAll(boundary)) {
    if (m.index + m[0].length > start) start = m.index + m[0].length;
  }
  return { start, end: cue.start };
}

/**
 * The list a cue governs is contiguous: categories are kept while each starts close to the cue
 * or to the previous one. « destinés aux jeunes en insertion (… école de la 2e chance) » is
 * about the public, not about who applies, and its far-off « école » is not read as listed.
 */
function chained(matches: CategoryMatch[], from: number, side: CueSide): CategoryMatch[] {
  const ordered = side === 'after' ? matches : [...matches].reverse();
  const kept: CategoryMatch[] = [];
  let edge = from;
  for (const match of ordered) {
    const gap = side === 'after' ? match.start - edge : edge - match.end;
    if (gap > LIST_GAP) break;
    kept.push(match);
    edge = side === 'after' ? match.end : match.start;
  }
  return side === 'after' ? kept : kept.reverse();
}

function quote(original: string, span: Span): string {
  const words = original.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return words.length > MAX_WORDS ? `${words.slice(0, MAX_WORDS - 1)}…` : words;
}

function extractFromText(
  vocabulary: CompiledVocabulary,
  original: string,
  field: EligibilityField,
): Beneficiary[] {
  const text = foldFrench(original);
  const ignored = vocabulary.ignore ? spans(vocabulary.ignore, text) : [];
  const free = (span: Span) => !ignored.some((i) => overlaps(i, span));
  const cues = longestFirst(
    vocabulary.cues.flatMap((c) =>
      spans(c.pattern, text).map((s): CueMatch => ({ ...s, strength: c.strength, side: c.side })),
    ),
  ).filter(free);
  const categories = longestFirst(
    vocabulary.categories.flatMap((c) =>
      spans(c.pattern, text).map((s): CategoryMatch => ({ ...s, category: c.category })),
    ),
  ).filter((m) => free(m) && !cues.some((c) => c.start <= m.start && m.end <= c.end));

  const found: Beneficiary[] = [];
  const used = new Set<CategoryMatch>();
  cues.forEach((cue, i) => {
    const nextCueStart = cues[i + 1]?.start ?? text.length;
    let side = cue.side;
    let window =
      side === 'after'
        ? afterWindow(text, cue, nextCueStart)
        : beforeWindow(text, cue, cues[i - 1]?.end ?? 0);
    let inside = categories.filter((m) => overlaps(m, window));
    if (inside.length === 0 && side === 'before') {
      // French inverts the subject too: « Peuvent bénéficier de ce dispositif, les entreprises… ».
      // Only close after the verb, so « Sont éligibles les dépenses… de l'entreprise » is not read so.
      side = 'after';
      const after = afterWindow(text, cue, nextCueStart);
      window = { start: after.start, end: Math.min(after.end, cue.end + INVERTED_REACH) };
      inside = categories.filter((m) => overlaps(m, window));
    }
    inside = chained(inside, side === 'after' ? window.start : window.end, side);
    if (inside.length === 0) return;
    const said: Span =
      side === 'after'
        ? { start: cue.start, end: Math.max(...inside.map((m) => m.end)) }
        : { start: Math.min(...inside.map((m) => m.start)), end: cue.end };
    const words = quote(original, said);
    for (const match of inside) {
      used.add(match);
      found.push({ category: match.category, strength: cue.strength, words, field });
    }
  });
  for (const match of categories) {
    if (!used.has(match)) {
      found.push({
        category: match.category,
        strength: 'mention',
        words: quote(original, match),
        field,
      });
    }
  }
  return found;
}

/**
 * Who may apply to a call, with the words that say so: the categories its texts name after
 * « réservé aux », « bénéficiaires : », before « peuvent candidater »…, and those a source's
 * structured beneficiaries field lists. A category merely mentioned elsewhere is kept as a
 * `mention`, which never decides a verdict on its own.
 */
export function extractEligibility(
  vocabulary: EligibilityVocabulary,
  input: EligibilityInput,
): Beneficiary[] {
  const compiledVocabulary = compile(vocabulary);
  const found: Beneficiary[] = [];
  // A source's structured field is a list of who may apply: every label is « listed », and
  // the whole field is quoted once (« Communes ; Intercommunalités / Pays »).
  const labels = (input.audienceLabels ?? []).map((l) => l.trim()).filter(Boolean);
  const fieldWords = quote(labels.join(' ; '), { start: 0, end: labels.join(' ; ').length });
  for (const label of labels) {
    const folded = foldFrench(label);
    const ignored = compiledVocabulary.ignore ? spans(compiledVocabulary.ignore, folded) : [];
    const matches = longestFirst(
      compiledVocabulary.categories.flatMap((c) =>
        spans(c.pattern, folded).map((s): CategoryMatch => ({
          ...s,
          category: c.category,
        })),
      ),
    ).filter((m) => !ignored.some((i) => overlaps(i, m)));
    for (const match of matches) {
      found.push({
        category: match.category,
        strength: 'listed',
        words: fieldWords,
        field: 'source',
      });
    }
  }
  const texts: Array<[EligibilityField, string | null | undefined]> = [
    ['title', input.title],
    ['description', input.description],
    ...(input.documents ?? []).map((d): [EligibilityField, string | null | undefined] => [
      'documents',
      d,
    ]),
  ];
  for (const [field, text] of texts) {
    if (text?.trim()) found.push(...extractFromText(compiledVocabulary, text, field));
  }
  return dedupe(found);
}

function dedupe(found: Beneficiary[]): Beneficiary[] {
  const seen = new Set<string>();
  const mentioned = new Set<string>();
  return found.filter((b) => {
    const key = `${b.category}\0${b.strength}\0${b.words}`;
    if (seen.has(key)) return false;
    seen.add(key);
    // One mention per category is enough: mentions only inform.
    if (b.strength === 'mention') {
      if (mentioned.has(b.category)) return false;
      mentioned.add(b.category);
    }
    return true;
  });
}
