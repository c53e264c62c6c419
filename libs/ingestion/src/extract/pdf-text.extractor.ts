import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { PDFParse } from 'pdf-parse';
import { normaliseText } from './html-text.util';

let workerPreloaded = false;

/**
 * pdf.js runs its worker in-process by dynamically importing an ES module, which plain Node
 * allows but Jest's sandbox does not. We load that module ourselves once and hand it over as
 * globalThis.pdfjsWorker (which pdf.js checks first): through Node's require(esm) (Node ≥ 20.19),
 * else by evaluating its source as a script (it has one export and one import.meta.url).
 */
function preloadPdfWorker(): void {
  if (workerPreloaded) return;
  workerPreloaded = true;
  const scope = globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } };
  if (scope.pdfjsWorker?.WorkerMessageHandler) return;
  const nodeRequire = createRequire(__filename);
  const workerPath = join(dirname(nodeRequire.resolve('pdf-parse')), 'pdf.worker.mjs');
  try {
    scope.pdfjsWorker = nodeRequire(workerPath) as { WorkerMessageHandler: unknown };
    return;
  } catch {
    // Sandboxed require (Jest) or older Node: evaluate the module's source below.
  }
  try {
    const source = readFileSync(workerPath, 'utf8')
      .replace(/export\s*\{\s*WorkerMessageHandler\s*\};?\s*$/, '')
      .replace(/import\.meta\.url/g, JSON.stringify(pathToFileURL(workerPath).href));
    const script = new Script(`(function () {\n${source}\nreturn { WorkerMessageHandler };\n})()`, {
      filename: workerPath,
    });
    scope.pdfjsWorker = script.runInThisContext() as { WorkerMessageHandler: unknown };
  } catch {
    // pdf.js will try its own dynamic import.
  }
}

export interface PdfTextOptions {
  /** Only the first pages are read: a règlement states its dates and amounts early. */
  maxPages?: number;
  maxBytes?: number;
  maxChars?: number;
}

export class PdfTextError extends Error {}

/** Text of a PDF (règlement, cahier des charges), capped in bytes, pages and characters. */
export async function extractPdfText(data: Buffer, options: PdfTextOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  if (data.length > maxBytes)
    throw new PdfTextError(`PDF of ${data.length} bytes exceeds the ${maxBytes}-byte cap`);
  if (data.subarray(0, 1024).indexOf('%PDF-') < 0)
    throw new PdfTextError('not a PDF (no %PDF- header)');
  preloadPdfWorker();
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const result = await parser.getText({ first: options.maxPages ?? 20 });
    const text = normaliseText(result.text.replace(/^-- \d+ of \d+ --$/gm, ''));
    return text.slice(0, options.maxChars ?? 100_000);
  } catch (error) {
    throw new PdfTextError(`unreadable PDF: ${(error as Error).message}`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
