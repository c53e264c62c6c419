import type { ClassifiableCall } from '../classifier.types';
import { MAX_FIELD_LENGTH } from '../classifier.constants';
import { containsHtml } from '../text/html.util';
import { guessNonFrench } from '../text/language.util';

export type ParsedLine =
  | { ok: true; call: ClassifiableCall; warnings: string[] }
  | { ok: false; id: string | null; error: string };

function idOf(record: Record<string, unknown>): string | null {
  const id = record.id;
  if (typeof id === 'string' && id.trim() !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}

function capped(field: string, value: string, warnings: string[]): string {
  if (value.length <= MAX_FIELD_LENGTH) return value;
  warnings.push(`${field} tronqué à ${MAX_FIELD_LENGTH} caractères (${value.length} reçus)`);
  return value.slice(0, MAX_FIELD_LENGTH);
}

/**
 * One JSON Lines record → a call to classify, or the reason it cannot be. Problems that still
 * allow a score (HTML, missing description, huge or non-French text) become warnings.
 */
export function parseCallLine(line: string): ParsedLine {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return { ok: false, id: null, error: `JSON illisible (${(error as Error).message})` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return {
      ok: false,
      id: null,
      error: 'attendu un objet JSON {"id", "title", "description", "funder"?}',
    };
  }
  const fields = record as Record<string, unknown>;
  const id = idOf(fields);
  if (id === null) return { ok: false, id: null, error: 'champ « id » manquant ou vide' };
  if (typeof fields.title !== 'string' || fields.title.trim() === '') {
    return { ok: false, id, error: 'champ « title » manquant ou vide' };
  }
  const description = fields.description;
  if (description !== undefined && description !== null && typeof description !== 'string') {
    return { ok: false, id, error: 'champ « description » : attendu un texte' };
  }
  const warnings: string[] = [];
  if (typeof description !== 'string' || description.trim() === '') {
    warnings.push('description absente ou vide : score calculé sur le titre seul');
  }
  let funder: string | null = null;
  if (typeof fields.funder === 'string') funder = capped('funder', fields.funder, warnings);
  else if (fields.funder !== undefined && fields.funder !== null)
    warnings.push('champ « funder » ignoré : attendu un texte');
  const call: ClassifiableCall = {
    id,
    title: capped('title', fields.title, warnings),
    description: capped(
      'description',
      typeof description === 'string' ? description : '',
      warnings,
    ),
    funder,
  };
  if (containsHtml(call.title) || containsHtml(call.description)) {
    warnings.push(
      'HTML trouvé dans le texte : balises retirées et entités décodées avant le score',
    );
  }
  const language = guessNonFrench(`${call.title}\n${call.description}`);
  if (language)
    warnings.push(`le texte ne semble pas être en français (${language}) : score peu fiable`);
  return { ok: true, call, warnings };
}
