import type { CheerioAPI } from 'cheerio';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';

const ERROR_TITLE =
  /\b(?:erreur|error)\s*(?:40\d|50\d)\b|\b40[34]\b.*(?:introuvable|not found|interdit)|page (?:introuvable|non trouv[ée]e|inexistante)|not found|service (?:indisponible|unavailable)|site en maintenance|en cours de maintenance|acc[èe]s refus[ée]|access denied|forbidden|internal server error|une erreur (?:est survenue|s'est produite)/i;

/** A page served with status 200 that is in fact an error page (CMS "page introuvable", maintenance). */
export function assertNotErrorPage($: CheerioAPI, url: string): void {
  const heading = [$('title').first().text(), $('h1').first().text()]
    .map((t) => t.trim())
    .filter(Boolean);
  const hit = heading.find((text) => ERROR_TITLE.test(text));
  if (hit) {
    throw new IngestionException(
      IngestionExceptionCode.ERROR_PAGE,
      `${url} is an error page served with status 200 ("${hit.slice(0, 80)}")`,
      {
        url,
      },
    );
  }
}

/** Parses a JSON body or explains what came instead (an HTML page, a cut body). */
export function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const start = text.trimStart().slice(0, 200);
    const html = start.startsWith('<');
    const what = html
      ? `an HTML page ("${start.replace(/\s+/g, ' ').slice(0, 80)}…")`
      : `invalid JSON (${(error as Error).message})`;
    throw new IngestionException(
      IngestionExceptionCode.MALFORMED_PAYLOAD,
      `${url}: expected JSON, got ${what} — réponse inattendue : du JSON était attendu, ${html ? 'une page HTML est arrivée' : 'le JSON reçu est illisible'}`,
      { url },
    );
  }
}
