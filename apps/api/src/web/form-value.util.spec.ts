import { formText, parseEuros, safeNextPath } from './form-value.util';

describe('form-value.util', () => {
  it('reads a field as text, whatever was posted', () => {
    expect(formText({ email: 'a@b.fr' }, 'email')).toBe('a@b.fr');
    expect(formText({ email: ['x', 'y'] }, 'email')).toBe('x');
    expect(formText({ email: { $ne: 1 } }, 'email')).toBe('');
    expect(formText(undefined, 'email')).toBe('');
    expect(formText({ note: 'a'.repeat(20) }, 'note', 5)).toBe('aaaaa');
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
});
