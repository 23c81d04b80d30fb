import { load } from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import robotsParserModule from 'robots-parser';
import Parser from 'rss-parser';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema, type SourceConfig } from '../../../src/config/sources-schema.js';
import { startPressServer, type PressServer } from '../../../src/demo/press-server.js';
import type { DemoArticle } from '../../../src/demo/types.js';
import { rawGet } from './http-helper.js';

const ANCHOR = new Date('2025-03-01T03:00:00Z');
// The package is CommonJS with a default-export typing: unwrap either shape.
type RobotsParser = (url: string, txt: string) => { isAllowed(url: string, ua?: string): boolean | undefined };
const robotsParser: RobotsParser =
  (robotsParserModule as unknown as { default?: RobotsParser }).default ?? (robotsParserModule as unknown as RobotsParser);
let press: PressServer;

beforeAll(async () => {
  press = await startPressServer({ anchor: ANCHOR });
});
afterAll(async () => {
  await press.close();
});

/** Strips query and fragment so feed links compare with article paths. */
const pathOf = (url: string, base: string): string => new URL(url, base).pathname.replace(/^\/mientrung\/amp\//, '/mientrung/');

/** Fetches a source's document and returns the article URLs it links, decoded as a crawler would. */
async function discover(source: SourceConfig): Promise<{ urls: string[]; guids: string[] }> {
  const res = await rawGet(source.url);
  expect(res.status, source.url).toBe(200);
  const charset = /charset=([\w-]+)/.exec(String(res.headers['content-type']))?.[1] ?? 'utf-8';
  const text = iconv.decode(res.body, charset === 'windows-1258' ? 'windows1258' : 'utf8');
  if (source.kind === 'rss') {
    const feed = await new Parser().parseString(text);
    return { urls: feed.items.map((i) => new URL(i.link ?? '', source.url).href), guids: feed.items.map((i) => i.guid ?? (i as { id?: string }).id ?? '') };
  }
  if (source.kind === 'sitemap') {
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ isArray: (name) => name === 'url' }).parse(text) as { urlset: { url: { loc: string }[] } };
    return { urls: doc.urlset.url.map((u) => u.loc), guids: [] };
  }
  const $ = load(text);
  const sel = source.listing;
  if (!sel) throw new Error('listing source without selectors');
  const urls = $(sel.item).map((_, el) => new URL($(el).find(sel.link).attr('href') ?? '', source.url).href).get();
  return { urls, guids: [] };
}

describe('press server sources and discovery', () => {
  it('offers valid source configs for every outlet, allowed on loopback', () => {
    expect(new Set(press.sources.map((s) => s.id)).size).toBe(press.sources.length);
    for (const s of press.sources) {
      expect(sourceSchema.parse(s)).toEqual(s);
      expect(s.allowPrivateNetwork).toBe(true);
      expect(s.url.startsWith(press.url)).toBe(true);
    }
    const outletsCovered = new Set(press.sources.map((s) => new URL(s.url).pathname.split('/')[1]));
    expect(outletsCovered.size).toBe(press.corpus.outlets.length);
  });

  it('lists every article exactly once per outlet across feeds, sitemap and listings (after canonicalising)', async () => {
    const found = new Map<string, Set<string>>();
    let rawLinks = 0;
    for (const source of press.sources) {
      const { urls } = await discover(source);
      rawLinks += urls.length;
      const outlet = new URL(source.url).pathname.split('/')[1] ?? '';
      const set = found.get(outlet) ?? new Set<string>();
      for (const u of urls) set.add(pathOf(u, press.url));
      found.set(outlet, set);
    }
    for (const outlet of press.corpus.outlets) {
      const expected = press.corpus.articles.filter((a) => a.outletId === outlet.id).map((a) => a.path).sort();
      expect([...(found.get(outlet.id) ?? [])].sort(), outlet.id).toEqual(expected);
    }
    // The quirky feed lists some entries twice.
    expect(rawLinks).toBeGreaterThan(press.corpus.articles.length);
  });

  it('serves every linked article page, also with tracking parameters and as AMP', async () => {
    for (const source of press.sources) {
      const { urls } = await discover(source);
      for (const url of urls) {
        const res = await rawGet(url);
        expect(res.status, url).toBe(200);
      }
    }
    const stats = press.stats();
    expect(stats.requests).toBeGreaterThan(press.corpus.articles.length);
    expect([...stats.byPath.keys()].some((p) => p.startsWith('/mientrung/amp/'))).toBe(true);
  });

  it('parses the quirky feeds: dates without standard zones, relative links, no guid', async () => {
    const gov = await new Parser().parseURL(`${press.url}/chinhsach/rss/chinh-sach-moi.rss`);
    expect(gov.items.some((i) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(i.pubDate ?? ''))).toBe(true);
    const quirky = (await rawGet(`${press.url}/mientrung/rss/home.rss`)).body.toString('utf8');
    expect(quirky).not.toContain('<guid');
    expect(quirky).toMatch(/<pubDate>[^<]+ \+07<\/pubDate>/);
    expect(quirky).toMatch(/<link>\/mientrung\//);
    const tnv = (await rawGet(`${press.url}/tinnhanhviet/rss/tin-moi-nhat.rss`)).body.toString('utf8');
    expect(tnv).toMatch(/<description><!\[CDATA\[<a href="[^"]+"><img src="[^"]+" ><\/a><\/br>/);
  });

  it('serves the provincial portal in windows-1258', async () => {
    const article = press.corpus.articles.find((a) => a.outletId === 'songlam') as DemoArticle;
    const res = await rawGet(press.url + article.path);
    expect(res.headers['content-type']).toBe('text/html; charset=windows-1258');
    expect(res.body.toString('utf8')).not.toContain(article.title);
    const html = iconv.decode(res.body, 'windows1258').normalize('NFC');
    expect(load(html)('h1').text()).toBe(article.title);
  });

  it('has a robots.txt that disallows the private sections but no article', async () => {
    const txt = (await rawGet(`${press.url}/robots.txt`)).body.toString('utf8');
    const robots = robotsParser(`${press.url}/robots.txt`, txt);
    expect(robots.isAllowed(`${press.url}/phothi/private/bao-cao-noi-bo.html`, 'policy-pulse')).toBe(false);
    expect(robots.isAllowed(`${press.url}/phothi/admin/`, 'policy-pulse')).toBe(false);
    for (const a of press.corpus.articles) expect(robots.isAllowed(press.url + a.path, 'policy-pulse'), a.path).toBe(true);
    expect(press.corpus.articles.some((a) => a.path.includes('/private/') || a.path.includes('/admin/'))).toBe(false);
  });
});

describe('press server HTTP behaviour', () => {
  const feed = (): string => `${press.url}/tinnhanhviet/rss/tin-moi-nhat.rss`;

  it('answers 304 to If-None-Match and If-Modified-Since, 200 when the feed changed', async () => {
    const first = await rawGet(feed());
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect((await rawGet(feed(), { 'if-none-match': etag })).status).toBe(304);
    expect((await rawGet(feed(), { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await rawGet(feed(), { 'if-none-match': '"other"' })).status).toBe(200);
    expect((await rawGet(feed(), { 'if-modified-since': new Date(Date.parse(lastModified) - 60_000).toUTCString() })).status).toBe(200);
  });

  it('compresses with gzip when the client accepts it', async () => {
    const plain = await rawGet(feed());
    const zipped = await rawGet(feed(), { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect((await rawGet(feed(), { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();
  });

  it('moves its clock: a second crawl adds nothing, new articles appear after publishUpTo', async () => {
    const early = new Date(ANCHOR.getTime() - 10 * 86_400_000);
    press.publishUpTo(early);
    try {
      const parser = new Parser();
      const before = await parser.parseURL(feed());
      const again = await parser.parseURL(feed());
      expect(again.items.map((i) => i.link)).toEqual(before.items.map((i) => i.link));
      const etag = String((await rawGet(feed())).headers.etag);
      const later = press.corpus.articles.find((a) => a.outletId === 'tinnhanhviet' && Date.parse(a.publishedAt) > early.getTime()) as DemoArticle;
      expect((await rawGet(press.url + later.path)).status).toBe(404);

      press.publishUpTo(ANCHOR);
      const changed = await rawGet(feed(), { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      const after = await parser.parseString(changed.body.toString('utf8'));
      expect(after.items.length).toBeGreaterThan(before.items.length);
      expect((await rawGet(press.url + later.path)).status).toBe(200);
    } finally {
      press.publishUpTo(ANCHOR);
    }
  });
});
