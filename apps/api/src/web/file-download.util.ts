import type { Response } from 'express';

/** A file a page offers to download (a cash plan, a funder's report). */
export interface DownloadFile {
  contentType: string;
  filename: string;
  body: Buffer;
}

/**
 * Sends a file as a download, never kept by a shared computer's browser cache; its name in
 * ASCII with its UTF-8 form (RFC 6266).
 */
export function sendDownload(response: Response, file: DownloadFile): void {
  response
    .status(200)
    .setHeader('Content-Type', file.contentType)
    .setHeader(
      'Content-Disposition',
      `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .setHeader('Cache-Control', 'no-store')
    .send(file.body);
}
