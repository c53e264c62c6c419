import { toClassifiableCall } from './classifiable-call.util';

describe(toClassifiableCall.name, () => {
  it('gives the classifier the title, description, funders and documents’ text', () => {
    expect(
      toClassifiableCall({
        id: 'c1',
        title: 'AAP inclusion numérique',
        descriptionText: 'Ateliers',
        funders: ['Région', ' ', 'Banque des Territoires'],
        documents: [
          { url: 'https://x.test/r.pdf', text: 'Règlement : associations éligibles' },
          { url: 'https://x.test/empty.pdf' },
          { url: 'https://x.test/annexe.pdf', text: 'Annexe FSE+' },
        ],
      }),
    ).toEqual({
      id: 'c1',
      title: 'AAP inclusion numérique',
      description: 'Ateliers',
      funder: 'Région, Banque des Territoires',
      documents: 'Règlement : associations éligibles\n\nAnnexe FSE+',
    });
  });

  it('leaves funder and documents empty rather than blank', () => {
    const call = toClassifiableCall({
      id: 'c2',
      title: 'T',
      descriptionText: '',
      funders: [],
      documents: [],
    });
    expect(call).toMatchObject({ funder: null, documents: null, description: '' });
  });
});
