import type { EuFund } from '../call/normalised-call';

// Ordered: the most specific programme first, so "FEADER (LEADER)" is not read as FEDER.
const RULES: Array<[EuFund, RegExp]> = [
  [
    'FEADER_LEADER',
    /\bFEADER\b|\bLEADER\b|fonds europ[ée]en agricole pour le d[ée]veloppement rural|\bGAL\b/,
  ],
  ['FSE_PLUS', /\bFSE\s?\+|\bFSE\b|fonds social europ[ée]en/i],
  ['INTERREG', /\bInterreg\b/i],
  ['FEDER', /\bFEDER\b|fonds europ[ée]en de d[ée]veloppement r[ée]gional/i],
  ['ERASMUS_PLUS', /\bErasmus\s?\+|\bErasmus\b/i],
  [
    'CERV',
    /\bCERV\b|citoyens, [ée]galit[ée], droits et valeurs|citizens, equality, rights and values/i,
  ],
  ['DIGITAL_EUROPE', /\bDigital Europe\b|Europe num[ée]rique|\bDIGITAL-/i],
  ['HORIZON_EUROPE', /\bHorizon Europe\b|\bHORIZON-/i],
  [
    'OTHER_EU',
    /\bfonds europ[ée]ens?\b|\bUnion europ[ée]enne\b|\bCommission europ[ée]enne\b|\bEU funding\b/i,
  ],
];

/** The EU fund a call draws on, from its text and identifiers; null for national/local money. */
export function extractEuFund(...texts: Array<string | null | undefined>): EuFund | null {
  const text = texts.filter(Boolean).join('\n');
  return RULES.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}
