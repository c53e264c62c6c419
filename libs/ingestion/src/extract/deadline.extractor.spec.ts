import fc from 'fast-check';
import { extractDeadlines, parseFrenchDate } from './deadline.extractor';
import { isValidIsoDay } from './paris-date.util';

const referenceDate = '2026-06-01';

describe(extractDeadlines.name, () => {
  it.each([
    ['Date limite de dépôt : 1er mars 2027 à 12h', [{ date: '2027-03-01', time: '12:00' }]],
    ["Les dossiers sont à déposer jusqu'au 31/01/2027.", [{ date: '2027-01-31' }]],
    ['Candidatures à envoyer avant le 15 avril', [{ date: '2027-04-15' }]],
    ['Clôture le 30 septembre 2027', [{ date: '2027-09-30' }]],
    ['Date limite : 15.01.2027', [{ date: '2027-01-15' }]],
  ])('reads the deadline in "%s"', (text, expected) => {
    expect(extractDeadlines(text, { referenceDate }).deadlines).toEqual(expected);
  });

  it('reads every round of a call with several sessions, with their labels', () => {
    const result = extractDeadlines('1re session : 15 mars 2027, 2e session : 30 juin 2027.', {
      referenceDate,
    });
    expect(result.deadlines).toEqual([
      { date: '2027-03-15', label: '1re session' },
      { date: '2027-06-30', label: '2e session' },
    ]);
  });

  it('reads rounds written out in words with a time', () => {
    const result = extractDeadlines(
      'Première vague : date limite le 10 février 2027 ; deuxième vague : date limite le 12 mai 2027 à 23h59.',
      { referenceDate },
    );
    expect(result.deadlines).toEqual([
      { date: '2027-02-10', label: '1re vague' },
      { date: '2027-05-12', time: '23:59', label: '2e vague' },
    ]);
  });

  it('marks "au fil de l\'eau" calls as rolling, without a deadline', () => {
    expect(extractDeadlines("Dépôt des candidatures au fil de l'eau.", { referenceDate })).toEqual({
      deadlines: [],
      rolling: true,
      opensAt: null,
    });
  });

  it('reads an opening date and a deadline', () => {
    const result = extractDeadlines(
      'Ouverture des candidatures le 2 novembre 2026. Date limite : 15/01/2027',
      { referenceDate },
    );
    expect(result.opensAt).toBe('2026-11-02');
    expect(result.deadlines).toEqual([{ date: '2027-01-15' }]);
  });

  it('ignores dates that are not deadlines (publication, weekdays)', () => {
    const result = extractDeadlines('Publié le 3 mars 2026. Accueil du lundi au vendredi.', {
      referenceDate,
    });
    expect(result.deadlines).toEqual([]);
  });

  it('never throws and only returns valid ISO dates, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        (text, ref) => {
          const result = extractDeadlines(`date limite ${text} jusqu'au ${text}`, {
            referenceDate: ref,
          });
          for (const deadline of result.deadlines) expect(isValidIsoDay(deadline.date)).toBe(true);
          if (result.opensAt !== null) expect(isValidIsoDay(result.opensAt)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads back a generated French deadline sentence', () => {
    const months = [
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
    ];
    const templates = [
      (d: string) => `Date limite de dépôt : ${d}`,
      (d: string) => `Les dossiers sont recevables jusqu'au ${d} inclus.`,
      (d: string) => `Clôture de l'appel le ${d} à 12h.`,
      (d: string) => `Merci de candidater au plus tard le ${d}.`,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.boolean(),
        fc.integer({ min: 0, max: templates.length - 1 }),
        (year, month, day, numeric, template) => {
          const written = numeric
            ? `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`
            : `${day === 1 ? '1er' : day} ${months[month - 1]} ${year}`;
          const expected = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const result = extractDeadlines(templates[template](written), { referenceDate });
          expect(result.deadlines.map((d) => d.date)).toEqual([expected]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe(parseFrenchDate.name, () => {
  it.each([
    ['15 avril 2022', '2022-04-15'],
    ['2019-07-07T22:00:00.000Z', '2019-07-08'],
    ['Sat, 21 Dec 19 11:00:28 +0100', '2019-12-21'],
    ['20270301', '2027-03-01'],
    ['2023-12-31T23:59:59+01:00', '2023-12-31'],
  ])('reads "%s" as %s in Paris', (value, expected) => {
    expect(parseFrenchDate(value, { referenceDate })?.date).toBe(expected);
  });

  it('returns null for a text without a date', () => {
    expect(parseFrenchDate('prochainement', { referenceDate })).toBeNull();
  });
});
