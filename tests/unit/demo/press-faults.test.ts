import { XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPressServer, type PressServer } from '../../../src/demo/press-server.js';
import type { DemoArticle } from '../../../src/demo/types.js';
import { rawGet } from './http-helper.js';

const ANCHOR = new Date('2025-03-01T03:00:00Z');
let press: PressServer;

beforeAll(async () => {
  press = await startPressServer({ anchor: ANCHOR, articles: 120, faults: { phuongnam: { status500: true } } });
});
afterAll(async () => {
  await press.close();
});

const firstOf = (outletId: string): DemoArticle => press.corpus.articles.find((a) => a.outletId === outletId) as DemoArticle;
const feedOf = (id: string): string => press.sources.find((s) => s.id === id)?.url ?? '';

describe('press server faults', () => {
  it('applies faults given at start and clears them with setFault(null)', async () => {
    expect((await rawGet(feedOf('phuongnam'))).status).toBe(500);
    expect((await rawGet(`${press.url}/tinnhanhviet/rss/tin-moi-nhat.rss`)).status).toBe(200);
    press.setFault('phuongnam', null);
    expect((await rawGet(feedOf('phuongnam'))).status).toBe(200);
  });

  it('broken: serves malformed XML that a strict parser rejects', async () => {
    press.setFault('tinnhanhviet', { broken: true });
    const body = (await rawGet(feedOf('tinnhanhviet'))).body.toString('utf8');
    expect(XMLValidator.validate(body)).not.toBe(true);
    await expect(new Parser().parseString(body)).rejects.toThrow();
    press.setFault('songhong', { broken: true });
    expect(XMLValidator.validate((await rawGet(feedOf('songhong'))).body.toString('utf8'))).not.toBe(true);
    press.setFault('tinnhanhviet', null);
    press.setFault('songhong', null);
  });

  it('tooManyRequests: answers 429 with Retry-After', async () => {
    press.setFault('chinhsach', { tooManyRequests: 120 });
    const res = await rawGet(feedOf('chinhsach'));
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('120');
    press.setFault('chinhsach', null);
  });

  it('slow: delays responses by the given milliseconds', async () => {
    press.setFault('songlam', { slow: 300 });
    const t0 = Date.now();
    expect((await rawGet(feedOf('songlam'))).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    press.setFault('songlam', null);
  });

  it('hang: never answers, while other outlets keep answering', async () => {
    press.setFault('mientrung', { hang: true });
    await expect(rawGet(feedOf('mientrung'), {}, 300)).rejects.toThrow(/timeout/);
    expect((await rawGet(feedOf('tinnhanhviet'))).status).toBe(200);
    press.setFault('mientrung', null);
  });

  it('changeGuids: same links, different guids', async () => {
    const parser = new Parser();
    const before = await parser.parseURL(feedOf('tinnhanhviet'));
    press.setFault('tinnhanhviet', { changeGuids: true });
    const after = await parser.parseURL(feedOf('tinnhanhviet'));
    press.setFault('tinnhanhviet', null);
    expect(after.items.map((i) => i.link)).toEqual(before.items.map((i) => i.link));
    const beforeGuids = new Set(before.items.map((i) => i.guid));
    expect(after.items.every((i) => !beforeGuids.has(i.guid))).toBe(true);
  });

  it('articlePage404: the feed still works but article pages are gone', async () => {
    press.setFault('tinnhanhviet', { articlePage404: true });
    expect((await rawGet(feedOf('tinnhanhviet'))).status).toBe(200);
    expect((await rawGet(press.url + firstOf('tinnhanhviet').path)).status).toBe(404);
    press.setFault('tinnhanhviet', null);
    expect((await rawGet(press.url + firstOf('tinnhanhviet').path)).status).toBe(200);
  });

  it('mislabelledCharset: claims ISO-8859-1 for UTF-8 bytes', async () => {
    press.setFault('mientrung', { mislabelledCharset: true });
    const res = await rawGet(press.url + firstOf('mientrung').path);
    expect(res.headers['content-type']).toBe('text/html; charset=iso-8859-1');
    expect(res.body.toString('utf8')).toContain('<h1');
    press.setFault('mientrung', null);
  });

  it('refuses faults for unknown outlets', () => {
    expect(() => press.setFault('khong-ton-tai', { broken: true })).toThrow(/unknown outlet "khong-ton-tai"/);
  });

  it('close() ends hanging connections', async () => {
    const other = await startPressServer({ anchor: ANCHOR, articles: 20, faults: { songhong: { hang: true } } });
    const pending = rawGet(`${other.url}/songhong/sitemaps/news.xml`, {}, 10_000).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    await other.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
