import type { TreasuryFile } from '@app/treasury';
import { StreamableFile } from '@nestjs/common';

/** The body's fields that were sent (null kept: it clears a field), as a plain object. */
export function definedFields(dto: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
}

/** A download: right content type, and a file name in ASCII with its UTF-8 form (RFC 6266). */
export function treasuryFile(file: TreasuryFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    length: file.body.length,
  });
}
