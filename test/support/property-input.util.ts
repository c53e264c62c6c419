/** Generators for the property specs of every parser of outside input (issue 17, « Also »). */
import fc from 'fast-check';

/**
 * Bounded runs: property specs sit in the unit suite and must stay fast. PROPERTY_RUNS=5000 in
 * the environment multiplies them for a longer hunt, by hand.
 */
const factor = Math.max(1, Number(process.env.PROPERTY_RUNS) / 300 || 1);
export const PROPERTY_RUNS = Math.round(300 * factor);

/** Edits of a real config file: each parse of a 200-line file costs more than synthetic text. */
export const CONFIG_MUTATION_RUNS = Math.round(40 * factor);

/** Fragments that stress a YAML parser and the readers behind it. */
const YAML_PIECES = [
  '',
  ' ',
  '  ',
  '- ',
  ': ',
  ':',
  '-',
  '?',
  '|',
  '>',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '#',
  '&a ',
  '*a',
  '!!str ',
  '!!int ',
  '!!binary ',
  '!unknown ',
  '<<: *a',
  '---',
  '...',
  '%YAML 1.2',
  '\t',
  '~',
  'null',
  'true',
  'no',
  '0x1F',
  '1e400',
  '-0',
  '.nan',
  '2027-02-30',
  '${FIXTURE_BASE_URL}',
  '${UNSET_VARIABLE_FOR_TESTS}',
  'id',
  'sources',
  'url',
  'kind',
  'themes',
  'settings',
  'version',
  'kinds',
  'value',
  'source',
  'https://exemple.fr/aides',
  'é',
  '\u0000',
  '\ufeff',
  '\u2028',
  '&b [*a, *a, *a, *a, *a, *a, *a, *a]',
  '*b',
];

/**
 * Always tried first (fast-check `examples`): alias fan-out and deep nesting, which a loader
 * must refuse with its own error rather than overflow the stack or expand without bound.
 */
export const HOSTILE_YAML: Array<[string]> = [
  ['['.repeat(3000) + ']'.repeat(3000)],
  ['{a: '.repeat(1000) + '1' + '}'.repeat(1000)],
  [
    [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'sources: [{id: x, name: *d}]',
      'version: *d',
      'settings: *d',
    ].join('\n'),
  ],
];

/** YAML-ish text: lines of keys, indentation, flow markers, anchors, tags and junk. */
export const yamlishText = (): fc.Arbitrary<string> =>
  fc
    .array(
      fc
        .tuple(
          fc.constantFrom('', '  ', '    ', '- ', '  - '),
          fc.array(fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ maxLength: 6 })), {
            maxLength: 6,
          }),
        )
        .map(([indent, pieces]) => indent + pieces.join('')),
      { maxLength: 25 },
    )
    .map((lines) => lines.join('\n'));

type Mutation = (lines: string[]) => string[];

const at = (index: number, lines: string[]) => (lines.length ? index % lines.length : 0);

const MUTATIONS: Array<fc.Arbitrary<Mutation>> = [
  // delete a line
  fc.nat().map((i) => (lines: string[]) => lines.filter((_, j) => j !== at(i, lines))),
  // duplicate a line
  fc.nat().map((i) => (lines: string[]) => {
    const k = at(i, lines);
    return [...lines.slice(0, k + 1), lines[k] ?? '', ...lines.slice(k + 1)];
  }),
  // swap two lines
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (lines: string[]) => {
    if (lines.length < 2) return lines;
    const copy = [...lines];
    const [a, b] = [at(i, copy), at(j, copy)];
    [copy[a], copy[b]] = [copy[b], copy[a]];
    return copy;
  }),
  // indent or dedent a line
  fc.tuple(fc.nat(), fc.constantFrom('', ' ', '  ', '    ', '\t')).map(
    ([i, indent]) =>
      (lines: string[]) =>
        lines.map((line, j) => (j === at(i, lines) ? indent + line.trimStart() : line)),
  ),
  // insert a fragment inside a line
  fc
    .tuple(
      fc.nat(),
      fc.nat(),
      fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ maxLength: 8 })),
    )
    .map(
      ([i, position, piece]) =>
        (lines: string[]) =>
          lines.map((line, j) => {
            if (j !== at(i, lines)) return line;
            const p = position % (line.length + 1);
            return line.slice(0, p) + piece + line.slice(p);
          }),
    ),
  // replace a value after its colon
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ maxLength: 8 }))).map(
    ([i, value]) =>
      (lines: string[]) =>
        lines.map((line, j) =>
          j === at(i, lines) && line.includes(':') ? line.replace(/:.*$/, `: ${value}`) : line,
        ),
  ),
  // cut the file short
  fc.nat().map((i) => (lines: string[]) => lines.slice(0, at(i, lines))),
];

/** The original text after one to four random edits of its lines. */
export const mutatedText = (original: string): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(...MUTATIONS), { minLength: 1, maxLength: 4 })
    .map((mutations) =>
      mutations.reduce((lines, mutate) => mutate(lines), original.split('\n')).join('\n'),
    );

/** French-looking prose around dates and amounts, with junk in between. */
export const frenchishText = (): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'date limite',
          'avant le',
          'jusqu’au',
          'clôture le',
          'au plus tard le',
          'ouverture le',
          'à partir du',
          '1re session',
          'vague 2',
          'au fil de l’eau',
          'janvier',
          'février',
          'avril',
          'décembre',
          '1er',
          '31',
          '29',
          '2027',
          '9999',
          '0000',
          '31/02/2027',
          '2027-13-45',
          '12h30',
          '25h99',
          'jusqu’à',
          'plafonné à',
          'entre',
          'et',
          'enveloppe de',
          'taux de',
          '€',
          'k€',
          'M€',
          'Md€',
          'millions d’euros',
          '%',
          '50 000',
          '2,5',
          '1.000.000',
          '99999999999999999999',
          '1e308',
          '-5',
          '\u00a0',
          '\u202f',
        ),
        fc.integer({ min: -1_000_000, max: 1_000_000_000 }).map(String),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 30 },
    )
    .map((words) => words.join(' '));

/**
 * Any code points, lone surrogates and controls included. (fast-check's binary string unit is
 * far slower to generate: seconds for a few hundred runs.)
 */
export const unicodeText = (maxLength = 120): fc.Arbitrary<string> =>
  fc
    .array(fc.nat({ max: 0x10ffff }), { maxLength })
    .map((points) => String.fromCodePoint(...points));
