import { ELIGIBILITY_REASON_KIND } from '@app/classifier';
import { reasonOf } from './call-reason.util';

const entry = (match: string, weight: number, kind = 'concept', field = 'title') => ({
  match,
  weight,
  kind,
  field,
});

describe(reasonOf.name, () => {
  it('quotes the strongest distinct matches of a relevant call, with their field in French', () => {
    const reason = reasonOf(
      [
        entry('médiation numérique', 3),
        entry('Médiation numérique', 2, 'concept', 'description'),
        entry('illectronisme', 1.5, 'concept', 'description'),
        entry('voirie', -1, 'negative', 'description'),
        entry('FSE+', 1, 'concept', 'funder'),
        entry('EPN', 0.5, 'concept', 'documents'),
      ],
      true,
    );
    expect(reason).toBe(
      'Pertinent : « médiation numérique » (titre) ; « illectronisme » (description) ; « FSE+ » (financeur)',
    );
  });

  it('says what the organisation’s marks did', () => {
    const reason = reasonOf(
      [entry('proche de 3 appels que vous avez marqués pertinents', 2, 'feedback', 'description')],
      true,
    );
    expect(reason).toBe('Pertinent : proche de 3 appels que vous avez marqués pertinents');
  });

  it('says first that the organisation’s legal form may not apply, with the call’s words', () => {
    const summary = 'Non éligible : réservé aux entreprises (« réservé aux TPE et PME »)';
    const explanation = [
      entry('médiation numérique', 3),
      entry('voirie', -2, 'negative'),
      entry(summary, 0, ELIGIBILITY_REASON_KIND, 'eligibility'),
    ];
    expect(reasonOf(explanation, false)).toBe(`Écarté : ${summary}`);
    // Marked « pertinent », the call is in: its words say why, not the verdict.
    expect(reasonOf(explanation, true)).toBe('Pertinent : « médiation numérique » (titre)');
  });

  it('names the negative signals that kept a call out', () => {
    expect(reasonOf([entry('numérique', 0.5), entry('voirie', -2, 'negative')], false)).toBe(
      'Écarté : « voirie » (titre)',
    );
  });

  it('tells weak signals from no signal at all', () => {
    expect(reasonOf([entry('numérique', 0.3, 'semantic', 'description')], false)).toBe(
      'Signaux trop faibles : « numérique » (description, vocabulaire proche)',
    );
    expect(reasonOf([], false)).toBe('Aucun signal de la médiation ou de l’inclusion numérique');
  });
});
