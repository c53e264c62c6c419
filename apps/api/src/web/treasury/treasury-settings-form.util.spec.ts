import type { TreasurySettingsView, ValidationIssue } from '@app/treasury';
import {
  issuesToFieldErrors,
  parseSettingsForm,
  settingsToForm,
  withBlankRow,
} from './treasury-settings-form.util';

const stored: TreasurySettingsView = {
  openingBalanceCents: 3_000_050,
  openingMonth: '2027-01',
  minimumCashCents: 1_000_000,
  recurring: [{ label: 'Loyer', direction: 'out', amountCents: 120_000, fromMonth: '2027-03' }],
  version: 4,
  configured: true,
};

/** The form as a browser would post it. */
function posted(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    solde: '30000,50',
    mois: 'janvier 2027',
    seuil: '10 000',
    version: '4',
    'flux-lignes': '2',
    'flux-0-libelle': 'Loyer',
    'flux-0-sens': 'out',
    'flux-0-montant': '1200',
    'flux-0-debut': '03/2027',
    'flux-0-fin': '',
    'flux-1-libelle': '',
    'flux-1-sens': 'out',
    'flux-1-montant': '',
    'flux-1-debut': '',
    'flux-1-fin': '',
    ...overrides,
  };
}

describe('treasury settings form', () => {
  it('shows the stored settings with a blank row to add a flow', () => {
    const form = settingsToForm(stored);
    expect(form).toMatchObject({
      solde: '30000,50',
      mois: '2027-01',
      seuil: '10000',
      version: '4',
    });
    expect(form.flux).toHaveLength(2);
    expect(form.flux[0]).toMatchObject({ libelle: 'Loyer', montant: '1200', debut: '2027-03' });
    expect(form.flux[1].libelle).toBe('');
  });

  it('leaves the opening balance empty until the accountant sets it', () => {
    expect(settingsToForm({ ...stored, configured: false }).solde).toBe('');
  });

  it('reads a filled form, skipping blank rows', () => {
    const parsed = parseSettingsForm(posted());
    expect(parsed.errors).toEqual([]);
    expect(parsed.version).toBe(4);
    expect(parsed.settings).toEqual({
      openingBalanceCents: 3_000_050,
      openingMonth: '2027-01',
      minimumCashCents: 1_000_000,
      recurring: [{ label: 'Loyer', direction: 'out', amountCents: 120_000, fromMonth: '2027-03' }],
    });
  });

  it('drops a row marked for removal and keeps the form as typed', () => {
    const parsed = parseSettingsForm(posted({ 'flux-0-supprimer': 'oui' }));
    expect(parsed.settings?.recurring).toEqual([]);
    expect(parsed.form.flux[0]).toMatchObject({ libelle: 'Loyer', supprimer: true });
  });

  it('names every field at fault, in French, and stores nothing', () => {
    const parsed = parseSettingsForm(
      posted({
        solde: 'trente mille',
        mois: 'bientôt',
        seuil: '-5',
        'flux-1-montant': '300',
        'flux-1-sens': 'sideways',
        'flux-1-fin': 'plus tard',
      }),
    );
    expect(parsed.settings).toBeNull();
    expect(parsed.errors.map((e) => e.field)).toEqual([
      'solde',
      'mois',
      'seuil',
      'flux-1-libelle',
      'flux-1-sens',
      'flux-1-fin',
    ]);
    expect(parsed.form.solde).toBe('trente mille');
    expect(parsed.form.flux[1].fin).toBe('plus tard');
  });

  it('places the treasury’s own issues on the row they came from', () => {
    const parsed = parseSettingsForm(
      posted({
        'flux-0-supprimer': 'oui',
        'flux-1-libelle': 'Salaires',
        'flux-1-montant': '8500',
      }),
    );
    const issues = [
      { path: 'recurring[0].amountCents', code: 'TOO_LARGE', message: 'Trop grand.' },
      { path: 'minimumCashCents', code: 'TOO_LARGE', message: 'Trop grand.' },
    ] as ValidationIssue[];
    expect(issuesToFieldErrors(issues, parsed.rowOfFlow)).toEqual([
      { field: 'flux-1-montant', message: 'Trop grand.' },
      { field: 'seuil', message: 'Trop grand.' },
    ]);
  });

  it('adds a blank row on demand, up to a limit', () => {
    const form = settingsToForm(stored);
    expect(withBlankRow(form).flux).toHaveLength(3);
    const full = { ...form, flux: Array.from({ length: 40 }, () => form.flux[1]) };
    expect(withBlankRow(full).flux).toHaveLength(40);
    expect(parseSettingsForm(posted({ 'flux-lignes': '5000' })).form.flux).toHaveLength(40);
  });
});
