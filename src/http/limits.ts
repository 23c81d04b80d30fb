/**
 * Streaming body reader with caps on wire bytes and on decompressed bytes.
 *
 * undici's `request` does not decompress, so we run node:zlib streams ourselves and count on
 * both sides: a gzip bomb is stopped as soon as the decoded side passes its cap, after inflating
 * at most one zlib output chunk beyond it, never after inflating everything.
 */
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { PermanentError } from '../core/errors.js';

/** Caps for {@link readBodyCapped}. */
export interface BodyCaps {
  /** Bytes as received on the wire (before decompression). */
  maxWireBytes: number;
  /** Bytes after decompression. */
  maxDecodedBytes: number;
}

/** A fully read body. */
export interface CappedBody {
  bytes: Buffer;
  wireBytes: number;
}

/** Thrown (as a PermanentError) when a cap is passed; `which` says which side overflowed. */
export function tooLarge(which: 'wire' | 'decoded', limit: number, url: string): PermanentError {
  const side = which === 'wire' ? 'response body' : 'decompressed body';
  return new PermanentError('too_large', `${side} of ${url} exceeds ${limit} bytes`);
}

/** Lenient flushing, like browsers: a gzip stream cut short still yields what it decoded. */
const ZLIB_LENIENT = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

/**
 * Inflates `deflate` bodies, which servers send either zlib-wrapped (per the RFC) or raw
 * (old IIS): the first byte tells which, as undici's fetch also does.
 */
class AutoInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      const zlibWrapped = ((chunk[0] ?? 0) & 0x0f) === 0x08;
      this.inner = zlibWrapped ? zlib.createInflate(ZLIB_LENIENT) : zlib.createInflateRaw(ZLIB_LENIENT);
      this.inner.on('data', (out: Buffer) => this.push(out));
      this.inner.on('error', (err) => this.destroy(err));
    }
    this.inner.write(chunk, () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(err: Error | null, done: (error: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }
}

/** Drops a response body we will not read; undici reports the abort as an error nobody needs. */
export function abandonBody(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** Decoder streams for a Content-Encoding value, in the order to apply them. */
export function decodersFor(contentEncoding: string | null | undefined, url: string): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  // Codings are listed in the order they were applied, so undo them last-first.
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.createGunzip(ZLIB_LENIENT);
      case 'deflate':
        return new AutoInflate();
      case 'br':
        return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
      default:
        throw new PermanentError('bad_encoding', `unsupported Content-Encoding "${coding}" from ${url}`);
    }
  });
}

/**
 * Reads `body` to the end through the decoders for `contentEncoding`, enforcing `caps`.
 * On overflow every stream is destroyed, which also aborts the connection.
 */
export async function readBodyCapped(
  body: Readable,
  contentEncoding: string | null | undefined,
  caps: BodyCaps,
  url: string,
): Promise<CappedBody> {
  let wireBytes = 0;
  let decodedBytes = 0;
  const chunks: Buffer[] = [];
  const wireCounter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      wireBytes += chunk.length;
      if (wireBytes > caps.maxWireBytes) done(tooLarge('wire', caps.maxWireBytes, url));
      else done(null, chunk);
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      decodedBytes += chunk.length;
      if (decodedBytes > caps.maxDecodedBytes) return done(tooLarge('decoded', caps.maxDecodedBytes, url));
      chunks.push(chunk);
      done();
    },
  });
  let decoders: Transform[];
  try {
    decoders = decodersFor(contentEncoding, url);
  } catch (err) {
    abandonBody(body);
    throw err;
  }
  await pipeline([body, wireCounter, ...decoders, sink]);
  return { bytes: Buffer.concat(chunks, decodedBytes), wireBytes };
}
