import {
  EUROS_INVALID,
  EUROS_TOO_LARGE,
  formText,
  parseEuros,
  readEuros,
  safeNextPath,
  trimmedFields,
} from './form-value.util';

describe('form-value.util', () => {
  it('reads a field as text, whatever was posted', () => {
    expect(formText({ email: 'a@b.fr' }, 'email')).toBe('a@b.fr');
    expect(formText({ email: ['x', 'y'] }, 'email')).toBe('x');
    expect(formText({ email: { $ne: 1 } }, 'email')).toBe('');
    expect(formText(undefined, 'email')).toBe('');
    expect(formText({ note: 'a'.repeat(20) }, 'note', 5)).toBe('aaaaa');
  });

  it('reads the named fields only, each capped at its length then trimmed', () => {
    const body = { cle: ' abcdef ', libelle: ['  vu  ', 'x'], autre: 'ignoré' };
    expect(trimmedFields(body, { cle: 4, libelle: 80, absent: 10 })).toEqual({
      cle: 'abc',
      libelle: 'vu',
      absent: '',
    });
  });

  it.each([
    ['/appels?theme=x', '/appels?theme=x'],
    ['//evil.example/', '/tableau-de-bord'],
    ['/\\evil.example', '/tableau-de-bord'],
    ['https://evil.example/', '/tableau-de-bord'],
    ['', '/tableau-de-bord'],
  ])('lets sign-in continue to %p only when local', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    ['5000', 500_000],
    ['5 000', 500_000],
    ['72 000 €', 7_200_000],
    ['1234,5', 123_450],
    ['beaucoup', null],
    ['-5', null],
    ['', null],
  ])('reads the amount %p in euros as cents', (input, cents) => {
    expect(parseEuros(input)).toBe(cents);
  });

  it.each([
    ['12 500,50', { cents: 1_250_050, error: null }],
    ['100 000 000', { cents: 10_000_000_000, error: null }],
    ['1 000 000 000', { cents: null, error: EUROS_TOO_LARGE }],
    ['999999999999999999', { cents: null, error: EUROS_TOO_LARGE }],
    ['douze mille', { cents: null, error: EUROS_INVALID }],
    ['-5', { cents: null, error: EUROS_INVALID }],
  ])('item 9: reads %p with one message in euros for every money field', (input, expected) => {
    expect(readEuros(input)).toEqual(expected);
  });

  it('item 9: says the limit and the expected form in euros, never in cents', () => {
    expect(EUROS_TOO_LARGE).toBe('Montant trop élevé : 100\u202f000\u202f000\u00a0€ au plus.');
    expect(EUROS_INVALID).toBe(
      'Montant invalide : écrivez un nombre d’euros, par exemple 12 500 ou 12 500,50.',
    );
  });
});
