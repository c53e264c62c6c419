import { ambiguousTerritoryMessage, findTerritoryByName, parseTerritory } from '@app/common';
import { territoryCodesFromNames } from '@app/ingestion';

export type TerritoryInput =
  { kind: 'code'; code: string } | { kind: 'ambiguous'; message: string } | { kind: 'unknown' };

/**
 * One territory as a person types it, the same way on every page (calls filter, watch form):
 * a code (63, 2a, R84, 246300701), a name (« Puy-de-Dôme », « Clermont Auvergne Métropole »)
 * or the ingestion's words for the whole country (« France entière »). A name several
 * communes share is refused with its candidates rather than guessed.
 */
export function readTerritoryInput(item: string): TerritoryInput {
  const code = parseTerritory(item)?.code;
  if (code) return { kind: 'code', code };
  const lookup = findTerritoryByName(item);
  if (lookup.kind === 'found') return { kind: 'code', code: lookup.territory.code };
  if (lookup.kind === 'ambiguous') {
    return { kind: 'ambiguous', message: ambiguousTerritoryMessage(item, lookup.candidates) };
  }
  const named = territoryCodesFromNames(item);
  return named.length === 1 ? { kind: 'code', code: named[0] } : { kind: 'unknown' };
}
