import type {
  ImpactEstimateRule,
  ImpactReference,
  ImpactReferences,
  IndicatorCatalogue,
} from './impact.types';
import { configPath, readConfigText, YamlReader, type YamlPath } from './yaml-reader.util';

const ID_RE = /^[a-z][a-z0-9_]{1,63}$/;
const DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function defaultImpactReferencesPath(): string {
  return configPath('impact-references.yaml');
}

/**
 * Reads config/impact-references.yaml. A value without its source (title, publisher, date),
 * its date or its population is refused with the file, line and field: an estimate built on it
 * could not be defended in front of a funder.
 */
export function loadImpactReferences(
  catalogue: IndicatorCatalogue,
  path: string = defaultImpactReferencesPath(),
): ImpactReferences {
  return parseImpactReferences(readConfigText(path), path, catalogue);
}

export function parseImpactReferences(
  text: string,
  file: string,
  catalogue: IndicatorCatalogue,
): ImpactReferences {
  const yaml = new YamlReader(text, file);
  const version = yaml.number(['version']);
  const references = yaml.keys(['references']).map((id) => readReference(yaml, id));
  const ids = new Set(references.map((r) => r.id));
  const indicators = new Set(catalogue.indicators.map((i) => i.key));
  const estimates: ImpactEstimateRule[] = [];
  for (const id of yaml.has(['estimates']) ? yaml.keys(['estimates']) : []) {
    const at: YamlPath = ['estimates', id];
    if (!ID_RE.test(id)) throw yaml.error(at, 'id must be lower case letters, digits and _');
    const indicator = yaml.string([...at, 'indicator']);
    if (!indicators.has(indicator))
      throw yaml.error([...at, 'indicator'], `unknown indicator (not in ${catalogue.sourcePath})`);
    const factors: string[] = [];
    for (let i = 0; i < yaml.length([...at, 'factors']); i++) {
      const factor = yaml.string([...at, 'factors', i]);
      if (!ids.has(factor)) throw yaml.error([...at, 'factors', i], 'unknown reference value');
      factors.push(factor);
    }
    if (factors.length === 0) throw yaml.error([...at, 'factors'], 'name at least one reference');
    if (factors.filter((f) => references.find((r) => r.id === f)?.money).length !== 1)
      throw yaml.error([...at, 'factors'], 'exactly one factor must be an amount in euros');
    estimates.push({
      id,
      label: yaml.string([...at, 'label']),
      beneficiary: yaml.string([...at, 'beneficiary']),
      indicator,
      factors,
      words: yaml.string([...at, 'words']),
      ...optional('caveat', yaml.optionalString([...at, 'caveat'])),
    });
  }
  return { version, sourcePath: file, references, estimates };
}

function readReference(yaml: YamlReader, id: string): ImpactReference {
  const at: YamlPath = ['references', id];
  if (!ID_RE.test(id)) throw yaml.error(at, 'id must be lower case letters, digits and _');
  const value = yaml.number([...at, 'value']);
  if (value < 0) throw yaml.error([...at, 'value'], 'must not be negative');
  if (!yaml.has([...at, 'source']))
    throw yaml.error([...at, 'source'], 'a reference value needs its source: no source, no use');
  const date = yaml.string([...at, 'date']);
  if (!DATE_RE.test(date))
    throw yaml.error([...at, 'date'], 'expected YYYY, YYYY-MM or YYYY-MM-DD');
  const published = yaml.string([...at, 'source', 'published']);
  if (!DATE_RE.test(published))
    throw yaml.error([...at, 'source', 'published'], 'expected YYYY, YYYY-MM or YYYY-MM-DD');
  return {
    id,
    label: yaml.string([...at, 'label']),
    value,
    unit: yaml.string([...at, 'unit']),
    money: yaml.boolean([...at, 'money']),
    date,
    population: yaml.string([...at, 'population']),
    source: {
      title: yaml.string([...at, 'source', 'title']),
      publisher: yaml.string([...at, 'source', 'publisher']),
      ...optional('url', yaml.optionalString([...at, 'source', 'url'])),
      published,
    },
    ...optional('uncertain', yaml.optionalString([...at, 'uncertain'])),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
