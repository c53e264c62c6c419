import { parseTerritory, regionOf } from '@app/common';

const DEPARTMENT_CODES: readonly string[] = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter(
    (code) => code !== '20',
  ),
  '2A',
  '2B',
  '971',
  '972',
  '973',
  '974',
  '976',
].filter((code) => parseTerritory(code) !== null);

/**
 * Every call territory that concerns someone working in `places`: a national call concerns
 * everyone, a régional call the départements inside it; a région-wide watcher also wants its
 * départements' calls. Null when the profile has no territory (anywhere).
 */
export function acceptedCallTerritories(places: readonly string[]): Set<string> | null {
  if (places.length === 0 || places.includes('FR')) return null;
  const accepted = new Set<string>(['FR']);
  for (const place of places) {
    accepted.add(place);
    if (place.startsWith('R')) {
      for (const department of DEPARTMENT_CODES) {
        if (regionOf(department) === place) accepted.add(department);
      }
    } else {
      const region = regionOf(place);
      if (region) accepted.add(region);
    }
  }
  return accepted;
}
