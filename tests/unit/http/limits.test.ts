import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../../src/core/errors.js';
import type { Fetcher } from '../../../src/http/fetcher.js';
import { rejectionOf, reply, startServer, testFetcher, type LocalServer } from './local-server.js';

let server: LocalServer | undefined;
let fetcher: Fetcher | undefined;
afterEach(async () => {
  await fetcher?.close();
  await server?.close();
  fetcher = server = undefined;
});

const MB = 1024 * 1024;

describe('decompression', () => {
  const page = '<html><body>Chính phủ ban hành nghị quyết về chuyển đổi số</body></html>';
  const cases: Array<[string, Buffer]> = [
    ['gzip', zlib.gzipSync(page)],
    ['deflate', zlib.deflateSync(page)],
    ['deflate', zlib.deflateRawSync(page)], // old IIS sends raw deflate under the same name
    ['br', zlib.brotliCompressSync(page)],
  ];
  it.each(cases)('decodes Content-Encoding %s', async (encoding, compressed) => {
    server = await startServer({
      '/p': reply(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding }, compressed),
    });
    fetcher = testFetcher();
    const res = await fetcher.fetch({ url: `${server.origin}/p`, allowPrivateNetwork: true });
    expect(res.body).toBe(page);
    expect(res.bytes).toBe(compressed.length);
    expect(server.hits('/p')[0]!.headers['accept-encoding']).toContain('gzip');
  });

  it('refuses an unknown Content-Encoding with a clear code', async () => {
    server = await startServer({ '/p': reply(200, { 'content-encoding': 'compress' }, 'xx') });
    fetcher = testFetcher();
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/p`, allowPrivateNetwork: true }));
    expect(err).toMatchObject({ code: 'bad_encoding' });
  });
});

describe('size caps', () => {
  it('stops a 100 GiB gzip bomb early, streaming, with bounded memory', async () => {
    // Concatenated gzip members form one valid gzip stream: 6,400 × 16 MiB of zeros = 100 GiB
    // inflated (~100 MiB on the wire), yet the server only ever holds one ~16 KiB member.
    const member = zlib.gzipSync(Buffer.alloc(16 * MB));
    const totalMembers = 6_400;
    let membersWritten = 0;
    server = await startServer({
      '/bomb': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        const pump = (): void => {
          while (membersWritten < totalMembers && !res.destroyed) {
            membersWritten++;
            if (!res.write(member)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      },
    });
    // A huge wire cap, so only the decompressed-bytes cap can stop this.
    fetcher = testFetcher({ maxDecodedBytes: 20 * MB, maxBodyBytes: 1024 * MB });
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/bomb`, allowPrivateNetwork: true }));
    const elapsed = performance.now() - started;
    clearInterval(sampler);

    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/decompressed/);
    expect(elapsed).toBeLessThan(3_000);
    expect(peakRss - rssBefore).toBeLessThan(150 * MB);
    // The client stopped reading: only what fits in socket buffers left the server.
    expect(membersWritten * member.length).toBeLessThan(32 * MB);
  });

  it('refuses an oversize body announced by Content-Length without reading it', async () => {
    server = await startServer({ '/big': reply(200, { 'content-type': 'text/html' }, Buffer.alloc(2 * MB, 0x61)) });
    fetcher = testFetcher({ maxBodyBytes: 1 * MB });
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/big`, allowPrivateNetwork: true }));
    expect(err).toMatchObject({ code: 'too_large' });
  });

  it('refuses an oversize chunked body (no Content-Length) while streaming', async () => {
    server = await startServer({
      '/big': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 32; i++) res.write(Buffer.alloc(64 * 1024, 0x61));
        res.end();
      },
    });
    fetcher = testFetcher({ maxBodyBytes: 1 * MB });
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/big`, allowPrivateNetwork: true }));
    expect(err).toMatchObject({ code: 'too_large' });
    expect(err.message).toMatch(/response body/);
  });

  it('lets a body just under the cap through, and honours per-request maxBytes', async () => {
    server = await startServer({ '/ok': reply(200, { 'content-type': 'text/plain' }, Buffer.alloc(1000, 0x61)) });
    fetcher = testFetcher({ maxBodyBytes: 1000 });
    const res = await fetcher.fetch({ url: `${server.origin}/ok`, allowPrivateNetwork: true });
    expect(res.body).toHaveLength(1000);
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/ok`, allowPrivateNetwork: true, maxBytes: 999 }));
    expect(err).toMatchObject({ code: 'too_large' });
  });
});

describe('timeouts', () => {
  it('a slowloris server dribbling bytes hits the overall deadline', async () => {
    const timers = new Set<NodeJS.Timeout>();
    server = await startServer({
      '/slow': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('.')), 50);
        timers.add(t);
        res.on('close', () => clearInterval(t));
      },
    });
    fetcher = testFetcher({ timeoutMs: 800 });
    const started = performance.now();
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/slow`, allowPrivateNetwork: true }));
    const elapsed = performance.now() - started;
    for (const t of timers) clearInterval(t);
    expect(err).toBeInstanceOf(TransientError);
    expect(err.code).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(750);
    expect(elapsed).toBeLessThan(2_500);
  });

  it('a server that never sends headers hits the idle timeout', async () => {
    server = await startServer({ '/silent': () => undefined });
    fetcher = testFetcher({ timeoutMs: 5_000, idleTimeoutMs: 300 });
    const started = performance.now();
    const err = await rejectionOf(fetcher.fetch({ url: `${server.origin}/silent`, allowPrivateNetwork: true }));
    expect(err).toMatchObject({ code: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
