import { normalisedRecipients } from './digest-recipient.util';

describe('normalisedRecipients', () => {
  it('keeps one address per person whatever its case and spaces, in the order given', () => {
    expect(
      normalisedRecipients([' Direction@EPN.fr', 'direction@epn.fr ', '', 'compta@epn.fr']),
    ).toEqual(['direction@epn.fr', 'compta@epn.fr']);
  });
});
