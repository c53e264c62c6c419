import { BadRequestException } from '@nestjs/common';

/**
 * The version an edit starts from: `version` in the body, or the `If-Match` header (`"3"`,
 * `W/"3"` or `3`, as our ETag sends it). Absent: the edit applies to whatever is current.
 */
export function expectedVersion(
  bodyVersion: number | undefined,
  ifMatch: string | undefined,
): number | undefined {
  if (bodyVersion !== undefined) return bodyVersion;
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) {
    throw new BadRequestException(
      `En-tête If-Match invalide « ${ifMatch} » : version attendue, ex. "3" / invalid If-Match header: expected a version such as "3"`,
    );
  }
  return Number(match[1]);
}
