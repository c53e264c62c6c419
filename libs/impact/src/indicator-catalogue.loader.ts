import type { IndicatorCatalogue, IndicatorDefinition, IndicatorRole } from './impact.types';
import { configPath, readConfigText, YamlReader } from './yaml-reader.util';

const KEY_RE = /^[a-z][a-z0-9_]{1,63}$/;
const ROLES: readonly IndicatorRole[] = ['people', 'hours'];

export function defaultIndicatorCataloguePath(): string {
  return configPath('indicators.yaml');
}

/** Reads config/indicators.yaml; a bad entry stops the start with the file, line and field. */
export function loadIndicatorCatalogue(
  path: string = defaultIndicatorCataloguePath(),
): IndicatorCatalogue {
  return parseIndicatorCatalogue(readConfigText(path), path);
}

export function parseIndicatorCatalogue(text: string, file: string): IndicatorCatalogue {
  const yaml = new YamlReader(text, file);
  const version = yaml.number(['version']);
  const indicators: IndicatorDefinition[] = [];
  const roles = new Set<IndicatorRole>();
  for (const key of yaml.keys(['indicators'])) {
    const at = ['indicators', key];
    if (!KEY_RE.test(key))
      throw yaml.error(at, 'key must be lower case letters, digits and _ (2–64)');
    const role = yaml.optionalString([...at, 'role']) as IndicatorRole | undefined;
    if (role !== undefined) {
      if (!ROLES.includes(role))
        throw yaml.error([...at, 'role'], `must be one of ${ROLES.join(', ')}`);
      if (roles.has(role))
        throw yaml.error([...at, 'role'], `only one indicator may have role ${role}`);
      roles.add(role);
    }
    const askedBy = [];
    for (let i = 0; i < yaml.length([...at, 'askedBy']); i++) {
      const asker = [...at, 'askedBy', i];
      askedBy.push({
        funder: yaml.string([...asker, 'funder']),
        programme: yaml.string([...asker, 'programme']),
        reference: yaml.string([...asker, 'reference']),
      });
    }
    if (askedBy.length === 0) throw yaml.error([...at, 'askedBy'], 'name at least one funder');
    indicators.push({
      key,
      label: yaml.string([...at, 'label']),
      unit: yaml.string([...at, 'unit']),
      definition: yaml.string([...at, 'definition']),
      ...(role ? { role } : {}),
      askedBy,
      origin: 'catalogue',
    });
  }
  return { version, sourcePath: file, indicators };
}
