import { findTerritoryByName, parseTerritory } from '@app/common';

const NATIONAL =
  /^(france(?: enti[èe]re| m[ée]tropolitaine)?|national|nationale|- france enti[èe]re -|tout le territoire)$/;

/** The French name of a territory ("63" → Puy-de-Dôme, "R84"); null when the code is unknown. */
export function territoryName(code: string): string | null {
  return parseTerritory(code)?.name ?? null;
}

/**
 * Territory codes for perimeter names as sources write them ("Drôme", "Région Occitanie",
 * "- France entière -", "Clermont Auvergne Métropole", "Thiers"), from the official geography;
 * names we cannot place, or that several communes share, are dropped.
 */
export function territoryCodesFromNames(...names: Array<string | null | undefined>): string[] {
  const codes = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const part of name.split(/[;,]/)) {
      const code = codeOf(part);
      if (code) codes.add(code);
    }
  }
  return [...codes];
}

function codeOf(name: string): string | null {
  const trimmed = name.trim();
  if (NATIONAL.test(trimmed.toLowerCase())) return 'FR';
  const lookup = findTerritoryByName(trimmed);
  return lookup.kind === 'found' ? lookup.territory.code : null;
}
