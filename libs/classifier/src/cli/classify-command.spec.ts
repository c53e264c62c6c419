import { PassThrough, Readable, Writable } from 'node:stream';
import { Classifier } from '../classifier';
import { MAX_FIELD_LENGTH } from '../classifier.constants';
import { miniThesaurus } from '../thesaurus/mini-thesaurus.fixture';
import { runClassifyCommand } from './classify-command';

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function run(lines: string[]) {
  const output = sink();
  const errors = sink();
  const result = await runClassifyCommand({
    input: Readable.from([lines.join('\n')]),
    output: output.stream,
    errors: errors.stream,
    classifier: Classifier.fromFiles(miniThesaurus()),
  });
  const records = output
    .text()
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { result, records, errors: errors.text() };
}

describe(runClassifyCommand.name, () => {
  it('writes one line per call with the contract keys first', async () => {
    const { result, records } = await run([
      JSON.stringify({
        id: 'a',
        title: 'Fracture numérique',
        description: 'Illectronisme.',
        funder: 'FSE+',
        url: 'x',
      }),
    ]);
    expect(result).toEqual({ scored: 1, failed: 0 });
    expect(Object.keys(records[0]).slice(0, 6)).toEqual([
      'id',
      'relevant',
      'score',
      'themes',
      'euFund',
      'explanation',
    ]);
    expect(records[0]).toMatchObject({ id: 'a', relevant: true, euFund: 'FSE_PLUS' });
    expect(Object.keys((records[0].explanation as object[])[0]).slice(0, 4)).toEqual([
      'concept',
      'field',
      'match',
      'weight',
    ]);
  });

  it('reports bad lines with their line number and keeps the output aligned', async () => {
    const { result, records, errors } = await run([
      '{"id": "ok1", "title": "Fracture numérique", "description": "x"}',
      '{"id": "broken", ',
      '{"title": "sans id"}',
      '',
      '{"id": "notitle", "description": "x"}',
      '{"id": "ok2", "title": "Bibliothèques", "description": "texte"}',
    ]);
    expect(result).toEqual({ scored: 2, failed: 3 });
    expect(records.map((r) => r.id)).toEqual(['ok1', null, null, 'notitle', 'ok2']);
    expect(records[1]).toMatchObject({ line: 2, error: expect.stringContaining('JSON illisible') });
    expect(errors).toContain('ligne 2 : JSON illisible');
    expect(errors).toContain('ligne 3 : champ « id » manquant ou vide');
    expect(errors).toContain('ligne 5 : champ « title » manquant ou vide');
  });

  it('scores but warns about HTML, empty, huge and non-French texts', async () => {
    const { result, records, errors } = await run([
      JSON.stringify({
        id: 'html',
        title: 'Appel',
        description: '<p>La fracture&nbsp;numérique</p>',
      }),
      JSON.stringify({ id: 'empty', title: 'Fracture numérique', description: '' }),
      JSON.stringify({ id: 'huge', title: 'Appel', description: 'illectronisme '.repeat(10_000) }),
      JSON.stringify({
        id: 'en',
        title: 'Call',
        description:
          'This call is for the organisations that work with the public and their partners.',
      }),
    ]);
    expect(result).toEqual({ scored: 4, failed: 0 });
    expect(errors).toContain('ligne 1 (html) : HTML trouvé');
    expect(errors).toContain('ligne 2 (empty) : description absente ou vide');
    expect(errors).toContain(
      `ligne 3 (huge) : description tronqué à ${MAX_FIELD_LENGTH} caractères`,
    );
    expect(errors).toContain('ligne 4 (en) : le texte ne semble pas être en français (anglais)');
    expect(records[0]).toMatchObject({
      relevant: true,
      warnings: [expect.stringContaining('HTML')],
    });
  });

  it('streams 20,000 lines through a slow consumer without losing or reordering any', async () => {
    const total = 20_000;
    const input = Readable.from(
      (function* () {
        for (let i = 0; i < total; i++)
          yield `${JSON.stringify({ id: `c${i}`, title: 'Tiers-lieux', description: 'Un appel.' })}\n`;
      })(),
    );
    const output = new PassThrough({ highWaterMark: 1024 });
    let count = 0;
    let inOrder = true;
    let buffered = '';
    output.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines)
        inOrder &&= (JSON.parse(line) as { id: string }).id === `c${count++}`;
    });
    const result = await runClassifyCommand({
      input,
      output,
      errors: sink().stream,
      classifier: Classifier.fromFiles(miniThesaurus()),
    });
    output.end();
    expect(result).toEqual({ scored: total, failed: 0 });
    expect(count).toBe(total);
    expect(inOrder).toBe(true);
  });
});
