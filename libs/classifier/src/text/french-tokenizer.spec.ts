import { FrenchTokenizer, foldWord } from './french-tokenizer';
import { containsHtml, stripHtml } from './html.util';
import { guessNonFrench } from './language.util';

describe(FrenchTokenizer.name, () => {
  const tokenizer = new FrenchTokenizer();
  const stems = (text: string): string[] => tokenizer.tokenize(text).stems;

  it('folds case, accents and ligatures so spelling variants meet', () => {
    expect(foldWord('Œuvre')).toBe('oeuvre');
    expect(foldWord('Ex-æquo')).toBe('ex-aequo');
    expect(stems('ACCESSIBILITÉ numériques')).toEqual(stems('accessibilite numerique'));
  });

  it('drops elided articles with straight and curly apostrophes', () => {
    expect(stems("l'accès d’internet qu'il")).toEqual(stems('accès internet'));
  });

  it('treats hyphenated and spaced forms alike', () => {
    expect(stems('tiers-lieux')).toEqual(stems('tiers lieux'));
  });

  it('keeps the e- prefix attached (e-inclusion is not inclusion)', () => {
    expect(stems('e-inclusion')).toHaveLength(1);
    expect(stems('e-inclusion')).not.toEqual(stems('inclusion'));
  });

  it('drops stop words, numbers and single letters but keeps "en" for "en ligne"', () => {
    expect(stems('les démarches en ligne de 2024 à a')).toEqual([
      ...stems('démarches'),
      'en',
      ...stems('ligne'),
    ]);
  });

  it('does not merge words the stemmer would confuse', () => {
    expect(stems('formation')).not.toEqual(stems('format'));
    expect(stems('voirie')).not.toEqual(stems('voir'));
  });

  it('records where each word sits so explanations can quote the text as written', () => {
    const stream = tokenizer.tokenize("Lutter contre l'Illectronisme");
    const last = stream.stems.length - 1;
    expect(stream.text.slice(stream.starts[last], stream.ends[last])).toBe('Illectronisme');
  });
});

describe('html and language helpers', () => {
  it('strips tags and decodes entities without gluing words', () => {
    expect(containsHtml('<p>a</p>')).toBe(true);
    expect(containsHtml('a < b')).toBe(false);
    expect(
      stripHtml('<p>Médiation&nbsp;numérique</p><p>&eacute;t&#233; &amp; hiver</p>').trim(),
    ).toBe('Médiation numérique\n\nété & hiver');
  });

  it('notices English text and accepts French text', () => {
    expect(
      guessNonFrench(
        'This call for proposals is open to all the organisations of the region that work with the public.',
      ),
    ).toBe('anglais');
    expect(
      guessNonFrench(
        'Cet appel à projets est ouvert aux associations de la région qui travaillent avec les publics.',
      ),
    ).toBeNull();
    expect(guessNonFrench('Короткий текст на русском языке о цифровой инклюзии населения')).toBe(
      'écriture non latine',
    );
  });
});
