import { readFileSync } from 'node:fs';
import { itWithSharedData, sharedDataPath } from '@app/testing';
import { extractEligibility } from './eligibility.extractor';
import { loadEligibilityVocabulary } from './eligibility-vocabulary.loader';
import type { Beneficiary, EligibilityInput } from './eligibility.types';

const vocabulary = loadEligibilityVocabulary();
const read = (input: EligibilityInput) => extractEligibility(vocabulary, input);
const stated = (found: Beneficiary[]) => found.filter((b) => b.strength !== 'mention');

function realCall(id: string): EligibilityInput {
  const line = readFileSync(sharedDataPath('calls-dev.jsonl'), 'utf8')
    .split('\n')
    .find((l) => l.includes(`"id": "${id}"`));
  if (!line) throw new Error(`call ${id} not in calls-dev.jsonl`);
  const call = JSON.parse(line) as { title: string; description: string };
  return { title: call.title, description: call.description };
}

describe(extractEligibility.name, () => {
  it('reads « réservé aux » as only for those, keeping the words that say so', () => {
    expect(
      stated(read({ description: 'Ce chèque est réservé aux TPE et PME de la région.' })),
    ).toEqual([
      {
        category: 'entreprises',
        strength: 'only',
        words: 'réservé aux TPE et PME',
        field: 'description',
      },
    ]);
  });

  it('reads a « Bénéficiaires : » list across bullet lines, and stops at the next paragraph', () => {
    const found = read({
      description:
        'Bénéficiaires :\n- établissements scolaires\n- collèges publics\nLes associations du quartier seront consultées.',
    });
    // Two lines of the same category give one statement: the words cover the whole list.
    expect(stated(found)).toEqual([
      {
        category: 'etablissements_scolaires',
        strength: 'listed',
        words: 'Bénéficiaires : - établissements scolaires - collèges',
        field: 'description',
      },
    ]);
    expect(found).toContainEqual({
      category: 'associations',
      strength: 'mention',
      words: 'associations',
      field: 'description',
    });
  });

  it('reads the subject before « peuvent candidater », and an inverted one after it', () => {
    expect(
      stated(
        read({
          description: 'Les associations et les communes peuvent candidater jusqu’au 3 mars.',
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        category: 'associations',
        strength: 'listed',
        words: 'associations et les communes peuvent candidater',
      }),
      expect.objectContaining({ category: 'communes', strength: 'listed' }),
    ]);
    expect(
      stated(
        read({
          description: 'Peuvent bénéficier de ce dispositif les exploitants agricoles installés.',
        }),
      ),
    ).toEqual([expect.objectContaining({ category: 'agriculteurs', strength: 'listed' })]);
  });

  it('reads exclusions, and tells « ne sont pas éligibles » from « sont éligibles »', () => {
    expect(stated(read({ description: 'Les entreprises ne sont pas éligibles.' }))).toEqual([
      expect.objectContaining({ category: 'entreprises', strength: 'excluded' }),
    ]);
  });

  it('keeps mere mentions as mentions, and ignores look-alikes (« Grande École du Numérique »)', () => {
    const found = read({
      title: 'Former des médiateurs numériques',
      description:
        'Formation labellisée Grande École du Numérique, en lien avec les entreprises du territoire.',
    });
    expect(stated(found)).toEqual([]);
    expect(found.map((b) => b.category)).toEqual(['entreprises']);
  });

  it('reads « tout porteur de projet » as open, accents and case aside', () => {
    expect(stated(read({ description: 'APPEL OUVERT A TOUT PORTEUR DE PROJET.' }))).toEqual([
      expect.objectContaining({ category: 'open', strength: 'listed' }),
    ]);
  });

  it('lists every category of a source’s beneficiaries field, quoting the field once', () => {
    const found = read({ audienceLabels: ['Communes', 'Intercommunalités / Pays'] });
    expect(found).toEqual([
      {
        category: 'communes',
        strength: 'listed',
        words: 'Communes ; Intercommunalités / Pays',
        field: 'source',
      },
      {
        category: 'epci',
        strength: 'listed',
        words: 'Communes ; Intercommunalités / Pays',
        field: 'source',
      },
    ]);
  });

  itWithSharedData('reads a real business call as for companies, with its own words', () => {
    const found = stated(read(realCall('grand-est-aide-entreprises-primo-utilisatrices-ia')));
    expect(found).toContainEqual(
      expect.objectContaining({
        category: 'entreprises',
        words: 'Les bénéficiaires sont les entreprises',
      }),
    );
    expect(found.map((b) => b.category)).not.toContain('associations');
  });

  itWithSharedData('reads a real call for higher-education schools as for schools', () => {
    expect(stated(read(realCall('culture-culturepro-2022')))).toContainEqual(
      expect.objectContaining({ category: 'etablissements_scolaires', strength: 'listed' }),
    );
  });

  itWithSharedData(
    'reads « seuls … les collectivités départementales » on a real fibre call',
    () => {
      expect(
        stated(read(realCall('europe-bfc-feder-deployer-infrastructures-fibre-optique'))),
      ).toContainEqual(expect.objectContaining({ category: 'collectivites', strength: 'only' }));
    },
  );

  itWithSharedData('reads a real call open to associations among others', () => {
    const found = stated(read(realCall('normandie-fabrique-initiatives-tiers-lieux')));
    expect(found).toContainEqual(
      expect.objectContaining({ category: 'associations', strength: 'listed' }),
    );
  });
});
