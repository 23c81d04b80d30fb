import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBody, detectCharset } from '../../../src/http/charset.js';
import type { Fetcher } from '../../../src/http/fetcher.js';
import { reply, startServer, testFetcher, type LocalServer } from './local-server.js';

const VI = 'Thủ tướng chỉ đạo đẩy nhanh tiến độ dự án đường sắt tốc độ cao Bắc – Nam; người dân đồng tình.';

/**
 * Windows-1258 stores base letters with their vowel marks precomposed (â ê ô ơ ư ă đ) but tone
 * marks as separate combining characters, so text must be brought to that form before encoding.
 */
function toWindows1258(text: string): Buffer {
  const form = text
    .normalize('NFD')
    .replace(/([aeoAEO])(\u0323?)\u0302/g, (_m, base: string, dot: string) => `${(base + '\u0302').normalize('NFC')}${dot}`)
    .replace(/([aA])(\u0323?)\u0306/g, (_m, base: string, dot: string) => `${(base + '\u0306').normalize('NFC')}${dot}`)
    .replace(/([ouOU])\u031B/g, (_m, base: string) => (base + '\u031B').normalize('NFC'));
  const bytes = iconv.encode(form, 'windows-1258');
  if (iconv.decode(bytes, 'windows-1258').normalize('NFC') !== text.normalize('NFC')) {
    throw new Error('test fixture: text not representable in windows-1258');
  }
  return bytes;
}

const html = (head: string, body: string): string => `<!doctype html><html><head>${head}<title>t</title></head><body>${body}</body></html>`;

describe('detectCharset (pure)', () => {
  it('prefers forced › BOM › header › meta › default', () => {
    const utf8 = Buffer.from(html('<meta charset="windows-1258">', VI));
    expect(detectCharset(utf8, 'text/html; charset=utf-8', 'windows-1258')).toMatchObject({ charset: 'windows-1258', source: 'forced' });
    expect(detectCharset(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'text/html; charset=windows-1258')).toMatchObject({ source: 'bom' });
    expect(detectCharset(Buffer.from('<p>x</p>'), 'text/html; charset="Windows-1258"')).toMatchObject({ charset: 'windows-1258', source: 'header' });
    expect(detectCharset(Buffer.from(html('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">', 'x')), 'text/html')).toMatchObject({ charset: 'windows-1258', source: 'meta' });
    expect(detectCharset(Buffer.from('<?xml version="1.0" encoding="windows-1258"?><rss/>'), null)).toMatchObject({ charset: 'windows-1258', source: 'meta' });
    expect(detectCharset(Buffer.from('<p>x</p>'), 'text/html')).toMatchObject({ charset: 'utf-8', source: 'default' });
  });

  it('falls through an unknown label and reports it', () => {
    const found = detectCharset(Buffer.from(html('<meta charset="windows-1258">', 'x')), 'text/html; charset=klingon-8');
    expect(found).toMatchObject({ charset: 'windows-1258', source: 'meta', unknownLabel: 'klingon-8' });
  });

  it('keeps real Latin-1 text as Windows-1252 (no UTF-8 override without valid multi-byte UTF-8)', () => {
    const bytes = iconv.encode('Café crème à Hà Nội?', 'latin1'); // ộ is not in Latin-1: becomes "?"
    const decoded = decodeBody(bytes, 'text/html; charset=iso-8859-1');
    expect(decoded).toMatchObject({ charset: 'windows-1252', source: 'header' });
    expect(decoded.text.startsWith('Café crème à')).toBe(true);
  });

  it('rejects an unknown forced charset', () => {
    expect(() => detectCharset(Buffer.from('x'), null, 'nope-1')).toThrow(/forceCharset/);
  });

  it('outputs NFC even when the source is decomposed UTF-8', () => {
    const decomposed = Buffer.from(VI.normalize('NFD'));
    expect(decodeBody(decomposed, 'text/html; charset=utf-8').text).toBe(VI.normalize('NFC'));
  });
});

describe('fetched pages in Vietnamese', () => {
  let server: LocalServer | undefined;
  let fetcher: Fetcher | undefined;
  afterEach(async () => {
    await fetcher?.close();
    await server?.close();
    fetcher = server = undefined;
  });

  const page = html('', `<p>${VI}</p>`);
  const expected = `<p>${VI}</p>`;

  it.each([
    ['windows-1258 declared in the header', { 'content-type': 'text/html; charset=windows-1258' }, toWindows1258(page), 'windows-1258'],
    ['windows-1258 declared by <meta charset>', { 'content-type': 'text/html' }, toWindows1258(html('<meta charset="windows-1258">', `<p>${VI}</p>`)), 'windows-1258'],
    [
      'windows-1258 declared by <meta http-equiv>',
      { 'content-type': 'text/html' },
      toWindows1258(html('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">', `<p>${VI}</p>`)),
      'windows-1258',
    ],
    ['UTF-8 mislabelled as iso-8859-1', { 'content-type': 'text/html; charset=iso-8859-1' }, Buffer.from(page), 'utf-8'],
    ['UTF-8 mislabelled by a latin1 <meta>', { 'content-type': 'text/html' }, Buffer.from(html('<meta charset="ISO-8859-1">', `<p>${VI}</p>`)), 'utf-8'],
    ['UTF-8 with BOM under a wrong header', { 'content-type': 'text/html; charset=windows-1258' }, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page)]), 'utf-8'],
    ['UTF-16LE with BOM', { 'content-type': 'text/html' }, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page, 'utf-16le')]), 'utf-16le'],
    ['no declaration at all (UTF-8 default)', { 'content-type': 'text/html' }, Buffer.from(page), 'utf-8'],
  ] as const)('decodes %s', async (_name, headers, bytes, charset) => {
    server = await startServer({ '/p': reply(200, headers, bytes) });
    fetcher = testFetcher();
    const res = await fetcher.fetch({ url: `${server.origin}/p`, allowPrivateNetwork: true });
    expect(res.charset).toBe(charset);
    expect(res.body).toContain(expected);
    expect(res.body.charCodeAt(0)).not.toBe(0xfeff);
    expect(res.body).toBe(res.body.normalize('NFC'));
  });

  it('forceCharset overrides a wrong declaration', async () => {
    server = await startServer({ '/p': reply(200, { 'content-type': 'text/html; charset=utf-8' }, toWindows1258(page)) });
    fetcher = testFetcher();
    const wrong = await fetcher.fetch({ url: `${server.origin}/p`, allowPrivateNetwork: true });
    expect(wrong.body).not.toContain(VI);
    const forced = await fetcher.fetch({ url: `${server.origin}/p`, allowPrivateNetwork: true, forceCharset: 'windows-1258' });
    expect(forced.body).toContain(expected);
  });
});
