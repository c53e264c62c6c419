import { FeedItem } from '../feed/feed-item.types';
import { renderMatchesCsv } from './csv.renderer';

const item = (title: string): FeedItem => ({
  callId: 'c1',
  title,
  url: 'https://financeur.example/a',
  funders: ['Région'],
  excerpt: '',
  score: 0.82,
  themes: ['mediation_numerique'],
  themeLabels: ['Médiation numérique'],
  reasons: [],
  nextDeadline: '2027-04-30',
  deadlines: [],
  rolling: false,
  amountMinCents: null,
  amountMaxCents: 7_200_000,
  matchedAt: new Date(),
  changeSummary: null,
  revision: 0,
  callUpdatedAt: new Date(),
  status: 'shortlisted',
  follow: false,
  notes: null,
  pick: null,
});

describe('renderMatchesCsv', () => {
  it('writes a BOM, semicolons, quoted cells and defused formulas', () => {
    const csv = renderMatchesCsv([item('Appel "A"; édition 2027'), item('=HYPERLINK("x")')]);
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\ufeffTitre;')).toBe(true);
    expect(lines[1]).toBe(
      '"Appel ""A""; édition 2027";Région;2027-04-30;jusqu’à 72\u202f000\u00a0€;82\u00a0%;Médiation numérique;shortlisted;;https://financeur.example/a',
    );
    expect(lines[2].startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
  });
});
