import { FUNDING_KINDS, fundingKindIndex } from './funding-kind.constants';

describe('fundingKindIndex', () => {
  it('finds every kind at its place in FUNDING_KINDS, and no other', () => {
    expect(FUNDING_KINDS.map((kind) => fundingKindIndex(kind))).toEqual(
      FUNDING_KINDS.map((_, i) => i),
    );
    expect(fundingKindIndex('LOTTERY')).toBe(-1);
    // Equal text, another string object (as read from the database).
    expect(fundingKindIndex(['FSE', 'PLUS'].join('_'))).toBe(0);
  });
});
