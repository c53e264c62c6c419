import { ClassifierExceptionCode, ThesaurusError } from '../classifier.exception';
import { Classifier } from '../classifier';
import { defaultThesaurusDir, loadThesaurus } from './thesaurus.loader';
import { MINI_THEMES, miniThesaurus } from './mini-thesaurus.fixture';
import { parseThesaurus } from './thesaurus.parser';

function refusal(themes: string): ThesaurusError {
  try {
    Classifier.fromFiles(miniThesaurus({ themes }));
  } catch (error) {
    if (error instanceof ThesaurusError) return error;
    throw error;
  }
  throw new Error('thesaurus accepted');
}

describe('parseThesaurus', () => {
  it('reads themes, rules, proximity rules and funds from YAML', () => {
    const definition = parseThesaurus(miniThesaurus());
    expect(definition.themes.map((t) => t.id)).toEqual(['inclusion_numerique', 'culture']);
    expect(definition.rules.find((r) => r.id === 'voirie')).toMatchObject({
      kind: 'negative',
      weight: -2,
    });
    expect(definition.proximity[0]).toMatchObject({ theme: 'inclusion_numerique', window: 3 });
    expect(definition.euFunds.map((f) => f.id)).toEqual(['FSE_PLUS', 'FEDER']);
  });

  it('keeps the reason written for a concept, a negative or a proximity rule', () => {
    const themes = MINI_THEMES.replace(
      '  - id: voirie\n',
      '  - id: voirie\n    reason: les travaux ne paient pas des ateliers numériques\n',
    )
      .replace(
        '      - id: illectronisme\n',
        '      - id: illectronisme\n        reason: mot propre au champ\n',
      )
      .replace(
        '    window: 3\n',
        '    window: 3\n    reason: le numérique au service des habitants\n',
      );
    const definition = parseThesaurus(miniThesaurus({ themes }));
    expect(definition.rules.find((r) => r.id === 'voirie')?.reason).toBe(
      'les travaux ne paient pas des ateliers numériques',
    );
    expect(definition.rules.find((r) => r.id === 'illectronisme')?.reason).toBe(
      'mot propre au champ',
    );
    expect(definition.rules.find((r) => r.id === 'tiers_lieux')?.reason).toBeUndefined();
    expect(definition.proximity[0].reason).toBe('le numérique au service des habitants');
  });

  it('refuses a reason that is not a text, naming the rule, the file and the line', () => {
    const themes = MINI_THEMES.replace('  - id: voirie\n', '  - id: voirie\n    reason: 3\n');
    const error = refusal(themes);
    expect(error.code).toBe(ClassifierExceptionCode.ThesaurusInvalid);
    expect(error.message).toContain('negatives voirie.reason: attendu un texte non vide');
    expect(error.file).toBe('themes.yaml');
    expect(error.line).toBe(themes.split('\n').findIndex((l) => l.includes('reason: 3')) + 1);
  });

  it('refuses unreadable YAML with the file and line', () => {
    const error = refusal('themes:\n  - id: a\n    label: [unclosed\n');
    expect(error.code).toBe(ClassifierExceptionCode.ThesaurusSyntax);
    expect(error.file).toBe('themes.yaml');
    expect(error.message).toMatch(/^themes\.yaml:\d+: YAML illisible/);
  });

  it('refuses an unknown key and names its line', () => {
    const error = refusal(
      MINI_THEMES.replace('    relevance: 0.2\n', '    relevance: 0.2\n    colour: blue\n'),
    );
    expect(error.code).toBe(ClassifierExceptionCode.ThesaurusInvalid);
    expect(error.message).toContain('clé inconnue « colour »');
    expect(error.line).toBe(
      MINI_THEMES.split('\n').findIndex((l) => l.includes('relevance: 0.2')) + 2,
    );
  });

  it('refuses a value of the wrong type', () => {
    const error = refusal(MINI_THEMES.replace('weight: 1.5', 'weight: beaucoup'));
    expect(error.message).toContain('tiers_lieux.weight: attendu un nombre');
    expect(error.line).toBe(
      MINI_THEMES.split('\n').findIndex((l) => l.includes('weight: 1.5')) + 1,
    );
  });

  it('refuses a positive weight on a negative rule', () => {
    expect(refusal(MINI_THEMES.replace('weight: -2', 'weight: 2')).message).toContain(
      'voirie.weight',
    );
  });

  it('refuses a reference to an unknown theme', () => {
    const error = refusal(
      MINI_THEMES.replace('theme: inclusion_numerique', 'theme: inclusion_numerik'),
    );
    expect(error.message).toContain('thème « inclusion_numerik » inconnu');
    expect(error.line).toBe(
      MINI_THEMES.split('\n').findIndex((l) => l.includes('- id: numerique_publics')) + 1,
    );
  });

  it('refuses an unknown EU fund id and a duplicated id', () => {
    expect(refusal(MINI_THEMES.replace('id: FEDER', 'id: FEDERR')).message).toContain(
      'fonds « FEDERR » inconnu',
    );
    expect(
      refusal(MINI_THEMES.replace('id: bibliotheques', 'id: illectronisme')).message,
    ).toContain('déjà utilisé');
  });

  it('refuses a phrase that the stop list reduces to one word', () => {
    expect(
      refusal(MINI_THEMES.replace('[bibliothèques]', '[bibliothèques, tous publics]')).message,
    ).toContain('tous publics');
  });

  it('changes the version when the thesaurus content changes', () => {
    const a = Classifier.fromFiles(miniThesaurus());
    const b = Classifier.fromFiles(
      miniThesaurus({ themes: MINI_THEMES.replace('weight: 1.5', 'weight: 1.4') }),
    );
    expect(a.version).toBe(Classifier.fromFiles(miniThesaurus()).version);
    expect(a.version).not.toBe(b.version);
  });

  it('loads the shipped thesaurus from config/thesaurus', async () => {
    const definition = await loadThesaurus(defaultThesaurusDir());
    expect(definition.themes.length).toBeGreaterThanOrEqual(12);
    expect(definition.themes.every((t) => t.exemplars.length > 0)).toBe(true);
  });

  it('reports a missing directory clearly', async () => {
    await expect(loadThesaurus('/nonexistent/thesaurus')).rejects.toMatchObject({
      code: ClassifierExceptionCode.ThesaurusNotFound,
    });
  });
});
