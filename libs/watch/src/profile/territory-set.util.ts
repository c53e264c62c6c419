import { territoriesCovering, territoriesInside } from '@app/common';

/**
 * Every call territory that concerns someone working in `places` (see `territoriesCovering`): a
 * national call concerns everyone, a régional call the départements and communes inside it, a
 * call for a commune or an EPCI the département holding it; a commune's watcher sees its EPCI's
 * calls. A région-wide watcher also wants the calls of everything inside its région
 * (départements, EPCI, communes). Null when the profile has no territory (anywhere).
 */
export function acceptedCallTerritories(places: readonly string[]): Set<string> | null {
  if (places.length === 0 || places.includes('FR')) return null;
  const accepted = new Set<string>(['FR']);
  for (const place of places) {
    for (const code of territoriesCovering(place) ?? [place]) accepted.add(code);
    if (place.startsWith('R')) {
      for (const code of territoriesInside(place)) accepted.add(code);
    }
  }
  return accepted;
}
