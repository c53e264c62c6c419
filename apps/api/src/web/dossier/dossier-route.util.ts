const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Dossier and line ids are UUIDs; anything else is a page that does not exist (never a 500). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
