import type { CallAmounts } from '../call/normalised-call';

// A French amount: "50 000", "50.000", "2,5", "2 200 000" followed by its unit.
const NUMBER = String.raw`\d{1,3}(?:[  .]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?`;
const UNIT = String.raw`(k\s?€|k\s?euros?|K€|M\s?€|Md\s?€|millions?\s+d['’]\s?euros|millions?\s+(?:€|euros?)|milliards?\s+d['’]\s?euros|€|euros?\b|EUR\b)`;
const AMOUNT = new RegExp(String.raw`(${NUMBER})\s*${UNIT}`, 'gi');
const RANGE = new RegExp(
  String.raw`(?:entre|de)\s+(${NUMBER})\s*${UNIT}?\s+(?:et|à)\s+(${NUMBER})\s*${UNIT}`,
  'gi',
);
const ENVELOPE_AFTER =
  /^\s*(?:à répartir|au total|sont mobilis[ée]s|est mobilis[ée]e?|de cr[ée]dits)/i;
const RATE = /(\d{1,3}(?:[,.]\d+)?)\s?%/g;

const ENVELOPE_CONTEXT =
  /(enveloppe|budget|dotation (?:globale|totale)|à répartir|montant total|crédits|fonds dot[ée]|cr[ée]dits? (?:de|d'un montant))[^.€%]{0,40}$/i;
const MAX_CONTEXT =
  /(jusqu['’]à|plafonn[ée]e?s?(?: à)?|maximum|maximal[e]?|au plus|dans la limite de|ne (?:peut|pourra) (?:pas )?(?:exc[ée]der|d[ée]passer)|plafond(?: de)?|limit[ée]e? à|aide de|subvention de|montant de l'aide|montant de|prix de|dot[ée] de|d'un montant de)[^.€%]{0,25}$/i;
const MIN_CONTEXT =
  /(minimum|minimal[e]?|au moins|à partir de|plancher|sup[ée]rieur(?:e)? à|d'au moins)[^.€%]{0,25}$/i;
const RATE_CONTEXT =
  /(taux|subvention|aide|financement|financ[ée]e?s?|hauteur|plafonn[ée]e?|maximum|jusqu['’]à|cofinancement|intervention|prise en charge|couvrir|dans la limite)[^.%]{0,40}$/i;
const RATE_AFTER = /^\s*(?:maximum\s*)?(?:des|du)\s+(?:d[ée]penses|co[uû]ts?|montant|budget)/i;

/** Amounts in cents and the maximum subsidy rate, read from French prose; never throws. */
export function extractAmounts(text: string | null | undefined): CallAmounts {
  const result: CallAmounts = {
    minCents: null,
    maxCents: null,
    envelopeCents: null,
    ratePct: null,
  };
  if (!text) return result;
  try {
    const normalised = text.replace(/[’]/g, "'").replace(/[\u00a0\u202f]/g, ' ');
    const consumed: Array<[number, number]> = [];
    for (const match of normalised.matchAll(RANGE)) {
      const low = toCents(match[1], match[2] ?? match[4]);
      const high = toCents(match[3], match[4]);
      if (low === null || high === null || low > high) continue;
      if (ENVELOPE_CONTEXT.test(normalised.slice(Math.max(0, match.index - 60), match.index)))
        continue;
      result.minCents ??= low;
      result.maxCents ??= high;
      consumed.push([match.index, match.index + match[0].length]);
    }
    for (const match of normalised.matchAll(AMOUNT)) {
      if (consumed.some(([start, end]) => match.index >= start && match.index < end)) continue;
      const cents = toCents(match[1], match[2]);
      if (cents === null) continue;
      const before = normalised.slice(Math.max(0, match.index - 70), match.index);
      const after = normalised.slice(
        match.index + match[0].length,
        match.index + match[0].length + 30,
      );
      if (ENVELOPE_CONTEXT.test(before) || ENVELOPE_AFTER.test(after))
        result.envelopeCents = Math.max(result.envelopeCents ?? 0, cents);
      else if (MIN_CONTEXT.test(before)) result.minCents ??= cents;
      else if (MAX_CONTEXT.test(before)) result.maxCents = Math.max(result.maxCents ?? 0, cents);
    }
    result.ratePct = extractRate(normalised);
  } catch {
    return { minCents: null, maxCents: null, envelopeCents: null, ratePct: null };
  }
  return result;
}

function extractRate(text: string): number | null {
  let best: number | null = null;
  for (const match of text.matchAll(RATE)) {
    const value = Number(match[1].replace(',', '.'));
    if (!Number.isFinite(value) || value <= 0 || value > 100) continue;
    const before = text.slice(Math.max(0, match.index - 60), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (!RATE_CONTEXT.test(before) && !RATE_AFTER.test(after)) continue;
    best = Math.max(best ?? 0, value);
  }
  return best;
}

/** "2,5" + "M€" → 250 000 000 cents; null when the number is not one. */
export function toCents(number: string, unit: string | undefined): number | null {
  const compact = number.replace(/[  ]/g, '');
  // "50.000" is a thousands separator, "2.5" a decimal point.
  const decimalDot = /^\d+\.\d{1,2}$/.test(compact);
  const value = Number(decimalDot ? compact : compact.replace(/\./g, '').replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const multiplier = unitMultiplier(unit ?? '€');
  const cents = Math.round(value * multiplier * 100);
  return cents > 0 && cents <= 1e15 ? cents : null;
}

function unitMultiplier(unit: string): number {
  const lower = unit.toLowerCase().replace(/\s/g, '');
  if (lower.startsWith('md') || lower.startsWith('milliard')) return 1e9;
  if (lower.startsWith('m')) return 1e6;
  if (lower.startsWith('k')) return 1e3;
  return 1;
}
