import { parseTerritory } from '@app/common';

/**
 * True for a territory code as stored: a commune's INSEE code (63113), an EPCI's SIREN
 * (246300701), a département (63, 2A, 974), an R-prefixed région (R84) or FR, written exactly as
 * the official geography has it (the caller upper-cases; « 1 » is not « 01 » here).
 */
export function isTerritoryCode(code: string): boolean {
  return parseTerritory(code)?.code === code;
}
