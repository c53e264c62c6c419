import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { FetchException, FetchExceptionCode } from './fetch.exception';

export interface BodyLimits {
  /** Largest body accepted, on the wire and after decompression. */
  maxBytes: number;
  /** Keep the first maxBytes instead of failing (robots.txt: RFC 9309 lets us ignore the rest). */
  truncate?: boolean;
}

export interface ReadBody {
  body: Buffer;
  /** Bytes received on the wire, before decompression. */
  wireBytes: number;
}

/**
 * Reads a response body, decompressing it, and stops the moment either the wire bytes or the
 * decompressed bytes pass the cap: the stream is destroyed, so a 50 MB body (or a zip bomb) is
 * never buffered.
 */
export async function readBody(
  source: Readable,
  contentEncoding: string | null,
  limits: BodyLimits,
  url: string,
): Promise<ReadBody> {
  const decoders = decodersFor(contentEncoding, url);
  const chunks: Buffer[] = [];
  let wireBytes = 0;
  let decodedBytes = 0;
  let truncated = false;
  const countWire = async function* (input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of input) {
      wireBytes += chunk.length;
      if (wireBytes > limits.maxBytes && !limits.truncate) throw tooLarge(limits.maxBytes, url);
      yield chunk;
    }
  };
  const collect = async (input: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of input) {
      const room = limits.maxBytes - decodedBytes;
      if (chunk.length > room) {
        if (!limits.truncate) throw tooLarge(limits.maxBytes, url);
        chunks.push(chunk.subarray(0, room));
        truncated = true;
        // Leaving the loop destroys the pipeline: nothing more is read from the socket.
        return;
      }
      decodedBytes += chunk.length;
      chunks.push(chunk);
    }
  };
  try {
    await runPipeline(source, countWire, ...decoders, collect);
  } catch (error) {
    if (error instanceof FetchException) throw error;
    if (!truncated && isZlibError(error)) {
      throw new FetchException(
        FetchExceptionCode.DECODING,
        `Could not decompress the ${contentEncoding} body`,
        { url },
        error,
      );
    }
    if (!truncated) throw error;
  }
  return { body: Buffer.concat(chunks), wireBytes };
}

/** stream.pipeline accepts generator stages, but its typings only list streams. */
const runPipeline = pipeline as unknown as (...stages: unknown[]) => Promise<void>;

/** Content-Encoding lists codings in the order applied: undo them in reverse. */
function decodersFor(contentEncoding: string | null, url: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return createGunzip();
      case 'deflate':
        return new AutoInflate();
      case 'br':
        return createBrotliDecompress();
      default:
        throw new FetchException(
          FetchExceptionCode.DECODING,
          `Unsupported Content-Encoding "${coding}"`,
          { url },
        );
    }
  });
}

/**
 * "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate: decide on the
 * first two bytes, as browsers do.
 */
class AutoInflate extends Transform {
  private inner: Transform | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inner) {
      const wrapped =
        chunk.length >= 2 && (chunk[0] & 0x0f) === 8 && ((chunk[0] << 8) | chunk[1]) % 31 === 0;
      this.inner = wrapped ? createInflate() : createInflateRaw();
      this.inner.on('data', (data: Buffer) => this.push(data));
      this.inner.on('error', (error) => this.destroy(error));
    }
    this.inner.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inner) return callback();
    this.inner.once('end', () => callback());
    this.inner.end();
  }
}

function isZlibError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return (
    code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1'
  );
}

function tooLarge(maxBytes: number, url: string): FetchException {
  return new FetchException(
    FetchExceptionCode.TOO_LARGE,
    `Body larger than ${maxBytes} bytes; download stopped`,
    {
      url,
      maxBytes,
    },
  );
}
