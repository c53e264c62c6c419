let counter = 0;

/** A valid source definition as the admin API takes it (JSON, the fields of config/sources.yaml). */
export function sourceDefinition(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    id: `test-source-${counter}-${process.pid}`,
    name: `Source de test ${counter}`,
    kind: 'rss',
    url: `https://aides.example.org/flux-${counter}.xml`,
    funder: 'Région de test',
    territory: ['R84'],
    schedule: '0 6 * * *',
    ...overrides,
  };
}
