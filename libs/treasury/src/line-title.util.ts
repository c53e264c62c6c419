/**
 * « FSE+ – Département du Puy-de-Dôme »; a funder already named after its fund keeps its own name
 * (« FSE+ – FSE+ Auvergne » would repeat it). One helper for the dossier page, the movements of
 * the projection and its exports, so that a line reads the same everywhere.
 */
export function lineTitle(kindLabel: string, funder: string): string {
  return funder.toLowerCase().startsWith(kindLabel.toLowerCase())
    ? funder
    : `${kindLabel} – ${funder}`;
}
