import {
  compactEuros,
  eurosInput,
  parseMonth,
  parseSignedEuros,
  shortFrenchMonth,
} from './treasury-format.util';

describe('treasury formats', () => {
  it('writes axis months as French abbreviates them', () => {
    expect(shortFrenchMonth('2027-07')).toBe('juil.');
    expect(shortFrenchMonth('2027-02')).toBe('févr.');
  });

  it('reads months as people type them', () => {
    expect(parseMonth('2027-06')).toBe('2027-06');
    expect(parseMonth(' 6/2027 ')).toBe('2027-06');
    expect(parseMonth('06.2027')).toBe('2027-06');
    expect(parseMonth('Juin 2027')).toBe('2027-06');
    expect(parseMonth('fevrier 2028')).toBe('2028-02');
    expect(parseMonth('sept. 2027')).toBe('2027-09');
    expect(parseMonth('2027-13')).toBeNull();
    expect(parseMonth('13/2027')).toBeNull();
    expect(parseMonth('bientôt')).toBeNull();
  });

  it('reads signed euro amounts and writes them back the same way', () => {
    expect(parseSignedEuros('30 000')).toBe(3_000_000);
    expect(parseSignedEuros('-1500,50')).toBe(-150_050);
    expect(parseSignedEuros('−1 500 €')).toBe(-150_000);
    expect(parseSignedEuros('-0')).toBe(0);
    expect(parseSignedEuros('trente mille')).toBeNull();
    expect(parseSignedEuros('--5')).toBeNull();
    expect(eurosInput(3_000_000)).toBe('30000');
    expect(eurosInput(-150_050)).toBe('-1500,50');
    expect(eurosInput(5)).toBe('0,05');
    for (const cents of [0, 1, 99, 100, -101, 123_456_789])
      expect(parseSignedEuros(eurosInput(cents))).toBe(cents);
  });

  it('shortens axis amounts', () => {
    expect(compactEuros(2_000_000)).toBe('20 k€');
    expect(compactEuros(-750_000)).toBe('−7,5 k€');
    expect(compactEuros(150_000_000)).toBe('1,5 M€');
    expect(compactEuros(80_000)).toBe('800 €');
    expect(compactEuros(0)).toBe('0 €');
  });
});
