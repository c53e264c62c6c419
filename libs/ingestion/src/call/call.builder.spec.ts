import { sourceDefinition } from '../../../../test/factories/source.factory';
import { parseDefinition } from '../run/source.service';
import { buildCall } from './call.builder';

describe(buildCall.name, () => {
  const source = parseDefinition(sourceDefinition(), 'test');

  it('keeps a source’s beneficiary labels verbatim, for eligibility to quote (issue 15)', () => {
    const call = buildCall(source, {
      externalId: 'a1',
      url: 'https://aides.example.org/a1',
      title: 'Rénover les ponts',
      audienceLabels: [' Communes', 'Intercommunalités / Pays', 'Communes'],
    });
    expect(call.audienceLabels).toEqual(['Communes', 'Intercommunalités / Pays']);
    expect(call.audiences).toEqual(['collectivites']);
  });

  it('adds no labels when the source has no such field', () => {
    const call = buildCall(source, { externalId: 'a2', url: null, title: 'Appel' });
    expect(call).not.toHaveProperty('audienceLabels');
  });
});
