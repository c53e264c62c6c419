import {
  claimsText,
  lineIssuesToErrors,
  parseGeneralForm,
  parseIndicatorForm,
  parseLineForm,
  parseTaskForm,
  rowIssuesToErrors,
} from './dossier-form.util';

const LINE = {
  type: 'FSE_PLUS',
  financeur: 'Département du Puy-de-Dôme',
  montant: '72 000',
  statut: 'requested',
};

describe('dossier-form.util', () => {
  describe('general fields', () => {
    it('reads a valid form as the API fields, in cents', () => {
      const parsed = parseGeneralForm({
        titre: ' Parcours numériques ',
        cout: '120 000',
        debut: '2027-01',
        fin: '2027-12',
        depot: '',
        zone: 'mainland',
      });
      expect(parsed.errors).toEqual([]);
      expect(parsed.value).toEqual({
        title: 'Parcours numériques',
        totalCostCents: 12_000_000,
        operationStart: '2027-01',
        operationEnd: '2027-12',
        submissionDeadline: null,
        euArea: 'mainland',
      });
    });

    it('names every field at fault, in French, and keeps what was typed', () => {
      const parsed = parseGeneralForm({
        titre: '',
        cout: '-5',
        debut: '2027-12',
        fin: '2027-01',
        depot: '15/03/2027',
        zone: 'mars',
      });
      expect(parsed.form.cout).toBe('-5');
      expect(parsed.errors.map((e) => e.field)).toEqual(['titre', 'cout', 'fin', 'depot', 'zone']);
      expect(parsed.errors[2].message).toBe('La fin de l’opération précède son début.');
    });

    it('refuses an absurd amount with a sentence about euros, not cents', () => {
      const parsed = parseGeneralForm({
        titre: 'x',
        cout: '200000000',
        debut: '2027-01',
        fin: '2027-02',
      });
      expect(parsed.errors).toEqual([
        {
          field: 'cout',
          message: 'Montant trop élevé : 100\u202f000\u202f000\u00a0€ au plus.',
        },
      ]);
    });
  });

  describe('funding line', () => {
    it('reads an advance and explicit payments into the schedule', () => {
      const parsed = parseLineForm({
        ...LINE,
        avance: '25,5 %',
        versements: '2027-03 : 20 000\n\n2028-06; 52 000',
      });
      expect(parsed.errors).toEqual([]);
      expect(parsed.value).toMatchObject({
        kind: 'FSE_PLUS',
        amountCents: 7_200_000,
        schedule: {
          advancePct: 25.5,
          payments: [
            { month: '2027-03', amountCents: 2_000_000 },
            { month: '2028-06', amountCents: 5_200_000 },
          ],
        },
      });
    });

    it('keeps the overrides the form does not show, and drops the ones it clears', () => {
      const parsed = parseLineForm(LINE, { advancePct: 30, balanceDelayMonths: 12 });
      expect(parsed.value.schedule).toEqual({ balanceDelayMonths: 12 });
      expect(parseLineForm(LINE).value.schedule).toBeNull();
    });

    it('refuses payments above the line amount, and a malformed one', () => {
      expect(parseLineForm({ ...LINE, versements: '2027-03 : 80 000' }).errors).toEqual([
        {
          field: 'ligne-versements',
          message: expect.stringMatching(
            /^Les versements \(80\s000\s€\) dépassent le montant de la ligne \(72\s000\s€\)\.$/,
          ),
        },
      ]);
      expect(parseLineForm({ ...LINE, versements: 'juin : 10' }).errors[0].message).toContain(
        'Versement 1',
      );
    });

    it('asks a bridge loan for its repayment month, and an amount in euros', () => {
      const parsed = parseLineForm({ ...LINE, type: 'BRIDGE_LOAN', montant: 'beaucoup' });
      expect(parsed.errors.map((e) => e.field)).toEqual(['ligne-montant', 'ligne-fin-pret']);
      expect(parsed.form.montant).toBe('beaucoup');
    });

    it('puts the service’s refusals next to the line field they name', () => {
      expect(
        lineIssuesToErrors([
          { path: 'schedule.payments[1].month', code: 'BAD_MONTH', message: 'm', messageEn: 'm' },
          { path: 'bridge.endMonth', code: 'BAD_MONTH', message: 'b', messageEn: 'b' },
        ]),
      ).toEqual([
        { field: 'ligne-versements', message: 'm' },
        { field: 'ligne-fin-pret', message: 'b' },
      ]);
    });
  });

  describe('tasks and indicators', () => {
    it('skips the blank row and removed rows, and remembers where each task came from', () => {
      const parsed = parseTaskForm({
        taches: '4',
        'tache-0-libelle': 'Bilan intermédiaire',
        'tache-0-type': 'interim_report',
        'tache-0-echeance': '2027-07-31',
        'tache-0-faite': 'oui',
        'tache-1-libelle': 'Ancienne tâche',
        'tache-1-echeance': '2027-01-01',
        'tache-1-supprimer': 'oui',
        'tache-2-libelle': 'Dépôt',
        'tache-2-type': 'bizarre',
        'tache-2-echeance': '2027-03-15',
      });
      expect(parsed.errors).toEqual([]);
      expect(parsed.value).toEqual([
        { label: 'Bilan intermédiaire', kind: 'interim_report', dueDate: '2027-07-31', done: true },
        { label: 'Dépôt', kind: 'other', dueDate: '2027-03-15' },
      ]);
      expect(parsed.rowOf).toEqual([0, 2]);
      expect(
        rowIssuesToErrors(
          [{ path: 'tasks[1].dueDate', code: 'BAD_DATE', message: 'Date ?', messageEn: '' }],
          parsed.rowOf,
          'tache',
          { dueDate: 'echeance' },
        ),
      ).toEqual([{ field: 'tache-2-echeance', message: 'Ligne 3 : Date ?' }]);
    });

    it('asks for the due date of a task that has a title', () => {
      const parsed = parseTaskForm({
        taches: '1',
        'tache-0-libelle': 'Bilan',
        'tache-0-echeance': 'bientôt',
      });
      expect(parsed.errors).toEqual([
        {
          field: 'tache-0-echeance',
          message: 'Tâche 1 : saisissez son échéance au format 2027-03-15.',
        },
      ]);
      expect(parsed.form[0].echeance).toBe('bientôt');
    });

    it('keeps an indicator’s key and gives a new one a readable, unique key', () => {
      const parsed = parseIndicatorForm({
        indicateurs: '3',
        'indicateur-0-cle': 'people_accompanied',
        'indicateur-0-libelle': 'Personnes accompagnées',
        'indicateur-0-prevu': '1 200',
        'indicateur-1-libelle': 'Ateliers réalisés',
        'indicateur-1-prevu': '48',
        'indicateur-2-libelle': 'Ateliers réalisés',
        'indicateur-2-prevu': 'douze',
      });
      expect(parsed.value.map((i) => i.key)).toEqual([
        'people_accompanied',
        'ateliers_realises',
        'ateliers_realises_2',
      ]);
      expect(parsed.value[0]).toEqual({
        key: 'people_accompanied',
        label: 'Personnes accompagnées',
        planned: 1200,
      });
      expect(parsed.errors.map((e) => e.field)).toEqual(['indicateur-2-prevu']);
    });

    it('reads at most 50 rows whatever the form claims', () => {
      const body: Record<string, string> = { taches: '9999' };
      for (let i = 0; i < 60; i++) {
        body[`tache-${i}-libelle`] = `Tâche ${i}`;
        body[`tache-${i}-echeance`] = '2027-01-01';
      }
      expect(parseTaskForm(body).value).toHaveLength(50);
    });
  });
  describe('payment claims of a line (issue 21)', () => {
    const LEADER = { ...LINE, type: 'FEADER_LEADER', financeur: 'GAL Combrailles' };

    it('reads one claim a line, with expenses, « (prévue) », proofs and the convention’s delay', () => {
      const parsed = parseLineForm({
        ...LEADER,
        demandes:
          '2026-10-15 : 2026-03 à 2026-09\n2027-02-10 : 2026-10 à 2026-12 : 18 000 (prévue) ; cofinancement : L2 2027-06, L2 2026-06',
        delai: '6',
      });
      expect(parsed.errors).toEqual([]);
      expect(parsed.value.claims).toEqual([
        { filedOn: '2026-10-15', periodStart: '2026-03', periodEnd: '2026-09' },
        {
          filedOn: '2027-02-10',
          planned: true,
          periodStart: '2026-10',
          periodEnd: '2026-12',
          expensesCents: 1_800_000,
          cofinancing: [
            { line: 1, month: '2027-06' },
            { line: 1, month: '2026-06' },
          ],
        },
      ]);
      expect(parsed.value.schedule).toEqual({ claimDelayMonths: 6 });
      // What the edit page shows reads back the same.
      const again = parseLineForm({ ...LEADER, demandes: claimsText(parsed.value.claims) });
      expect(again.value.claims).toEqual(parsed.value.claims);
    });

    it('says how to write a claim it cannot read, and where the service’s refusal goes', () => {
      const parsed = parseLineForm({
        ...LEADER,
        demandes: '15/10/2026 mars à septembre',
        delai: 'onze',
      });
      expect(parsed.errors.map((e) => e.field)).toEqual(['ligne-demandes', 'ligne-delai']);
      expect(parsed.errors[0].message).toContain('« 2026-10-15 : 2026-03 à 2026-09 »');
      expect(
        lineIssuesToErrors([
          { path: 'claims[0].filedOn', code: 'CLAIM_BEFORE_START', message: 'm', messageEn: 'm' },
        ]),
      ).toEqual([{ field: 'ligne-demandes', message: 'm' }]);
    });
  });
});
