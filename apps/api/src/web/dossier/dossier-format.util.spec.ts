import { frenchWarningText } from './dossier-format.util';

describe('dossier-format.util', () => {
  it('rewrites a library warning the way the pages write amounts and months', () => {
    expect(
      frenchWarningText(
        'La trésorerie devient négative en 2027-03 et descend à −48\u202f000,00\u00a0€ en 2027-10 (convention du 2027-01-15).',
      ),
    ).toBe(
      'La trésorerie devient négative en mars 2027 et descend à −48\u202f000\u00a0€ en octobre 2027 (convention du 15 janvier 2027).',
    );
    expect(frenchWarningText('Reste 1\u202f234,56\u00a0€.')).toBe('Reste 1\u202f234,56\u00a0€.');
  });
});
