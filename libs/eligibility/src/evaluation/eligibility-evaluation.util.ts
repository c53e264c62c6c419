import { readFileSync } from 'node:fs';
import { extractEligibility } from '../eligibility.extractor';
import type { EligibilityVerdictValue, EligibilityVocabulary } from '../eligibility.types';
import { eligibilityVerdict } from '../eligibility.verdict';
import type { LegalForm } from '../legal-form.constants';

/** A labelled call of ../shared/data/calls-dev.jsonl, with the fields eligibility reads. */
export interface LabelledEligibilityCall {
  id: string;
  title: string;
  description: string;
  relevant: boolean;
  /** The source's structured « Bénéficiaire » labels, when the raw payload has them. */
  audienceLabels: string[];
}

export interface EligibilityMeasure {
  legalForm: LegalForm;
  relevant: Record<EligibilityVerdictValue, number>;
  notRelevant: Record<EligibilityVerdictValue, number>;
  /** Relevant calls the verdict would hide: must stay (close to) zero. */
  wronglyExcluded: Array<{ id: string; summary: string }>;
  /** Non-relevant calls caught, with why: the TPE, school and business calls. */
  caught: Array<{ id: string; summary: string }>;
}

/**
 * The labelled calls, joined by title with the « Bénéficiaire » column of the aides-territoires
 * export they were read from (what ingestion sees as the source's audience labels).
 */
export function readLabelledEligibilityCalls(
  jsonlPath: string,
  aidesTerritoiresCsvPath?: string,
): LabelledEligibilityCall[] {
  const labels = new Map<string, string[]>();
  if (aidesTerritoiresCsvPath) {
    const [header, ...rows] = parseCsv(readFileSync(aidesTerritoiresCsvPath, 'utf8'));
    const name = header.indexOf('Nom');
    const beneficiaries = header.indexOf('Bénéficiaire');
    for (const row of rows) {
      if (row[name])
        labels.set(row[name].trim(), (row[beneficiaries] ?? '').split(';').filter(Boolean));
    }
  }
  return readFileSync(jsonlPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const row = JSON.parse(line) as {
        id: string;
        title: string;
        description: string;
        label: string;
      };
      return {
        id: row.id,
        title: row.title,
        description: row.description,
        relevant: row.label === 'relevant',
        audienceLabels: labels.get(row.title.trim()) ?? [],
      };
    });
}

export function measureEligibility(
  vocabulary: EligibilityVocabulary,
  calls: readonly LabelledEligibilityCall[],
  legalForm: LegalForm,
): EligibilityMeasure {
  const zero = (): Record<EligibilityVerdictValue, number> => ({
    eligible: 0,
    not_eligible: 0,
    unknown: 0,
  });
  const measure: EligibilityMeasure = {
    legalForm,
    relevant: zero(),
    notRelevant: zero(),
    wronglyExcluded: [],
    caught: [],
  };
  for (const call of calls) {
    const beneficiaries = extractEligibility(vocabulary, call);
    const result = eligibilityVerdict(legalForm, beneficiaries);
    (call.relevant ? measure.relevant : measure.notRelevant)[result.verdict]++;
    if (result.verdict === 'not_eligible') {
      (call.relevant ? measure.wronglyExcluded : measure.caught).push({
        id: call.id,
        summary: result.summary,
      });
    }
  }
  return measure;
}

export function formatEligibilityMeasure(measure: EligibilityMeasure): string {
  const line = (name: string, counts: Record<EligibilityVerdictValue, number>) => {
    const total = counts.eligible + counts.not_eligible + counts.unknown;
    return `${name} (${total}) : éligible ${counts.eligible}, non éligible ${counts.not_eligible}, non précisé ${counts.unknown}`;
  };
  return [
    `Éligibilité pour une structure « ${measure.legalForm} »`,
    line('appels pertinents', measure.relevant),
    line('appels non pertinents', measure.notRelevant),
    `pertinents écartés à tort : ${measure.wronglyExcluded.length}`,
    ...measure.wronglyExcluded.map((c) => `  ✗ ${c.id} — ${c.summary}`),
  ].join('\n');
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
