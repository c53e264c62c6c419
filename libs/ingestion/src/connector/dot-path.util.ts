/**
 * Value at a dot path; through arrays it collects ("tags.title" on [{title}, {title}] gives
 * both titles). An empty path is the value itself.
 */
export function readPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) {
      current = current.flatMap((element) => {
        const next = readPath(element, key);
        return next === undefined || next === null ? [] : next;
      });
      continue;
    }
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The value as a list of non-empty strings (numbers and booleans stringified). */
export function asStrings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(asStrings);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const label = record.name ?? record.title ?? record.label ?? record.libelle ?? record.value;
    return label === undefined ? [] : asStrings(label);
  }
  const text = String(value).trim();
  return text ? [text] : [];
}

export function asString(value: unknown, separator = '\n'): string | null {
  const strings = asStrings(value);
  return strings.length ? strings.join(separator) : null;
}
