import { load, type CheerioAPI } from 'cheerio';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPressServer, type PressServer } from '../../../src/demo/press-server.js';
import type { DemoArticle } from '../../../src/demo/types.js';
import { rawGet } from './http-helper.js';

const ANCHOR = new Date('2025-03-01T03:00:00Z');
let press: PressServer;
const pages = new Map<string, { article: DemoArticle; $: CheerioAPI; html: string }>();

/** Sapo (lead) selector of each outlet's template, as an operator would find it in the browser. */
const SAPO: Record<string, string> = {
  tinnhanhviet: 'p.description', phuongnam: 'h2.detail-sapo', songhong: 'h2.singular-sapo', phothi: 'div.sapo',
  chinhsach: 'h2.detail__sapo', mientrung: 'div.post-sapo', songlam: 'div.summary',
};

beforeAll(async () => {
  press = await startPressServer({ anchor: ANCHOR, articles: 150 });
  for (const outlet of press.corpus.outlets) {
    // A late article, so that "Tin liên quan" has earlier siblings to show.
    const article = press.corpus.articles.filter((a) => a.outletId === outlet.id && a.comments.length > 0).at(-1) as DemoArticle;
    const res = await rawGet(press.url + article.path);
    const html = iconv.decode(res.body, outlet.style === 'rdf-provincial' ? 'windows1258' : 'utf8').normalize('NFC');
    pages.set(outlet.id, { article, $: load(html), html });
  }
});
afterAll(async () => {
  await press.close();
});

describe('article page markup', () => {
  it('has one h1 with the title, a sapo with the lead, and every paragraph', () => {
    for (const [outletId, { article, $ }] of pages) {
      expect($('h1').length, outletId).toBe(1);
      expect($('h1').text().trim(), outletId).toBe(article.title);
      expect($(SAPO[outletId] ?? '').text(), outletId).toContain(article.lead);
      const body = $('body').text();
      for (const p of article.paragraphs) expect(body, outletId).toContain(p);
    }
  });

  it('declares a canonical URL without tracking parameters', () => {
    for (const [outletId, { article, $ }] of pages) {
      expect($('link[rel=canonical]').attr('href'), outletId).toBe(press.url + article.path);
    }
    expect(pages.get('mientrung')?.$('link[rel=amphtml]').attr('href')).toContain('/mientrung/amp/');
  });

  it('carries boilerplate a real page has: navigation, ads, related news, comments, footer', () => {
    const commercial = ['tinnhanhviet', 'phuongnam', 'songhong', 'phothi', 'mientrung'];
    for (const outletId of commercial) {
      const { html, article } = pages.get(outletId) ?? { html: '', article: undefined };
      expect(html, outletId).toContain('Quảng cáo');
      expect(html, outletId).toMatch(/Ý kiến bạn đọc|Bình luận/);
      for (const c of article?.comments ?? []) expect(html, outletId).toContain(c.text);
    }
    const withRelated = [...pages.values()].filter(({ html }) => html.includes('Tin liên quan'));
    expect(withRelated.length).toBeGreaterThanOrEqual(4);
    expect(pages.get('chinhsach')?.html).not.toContain('Quảng cáo');
  });

  it('writes dates the way Vietnamese sites do', () => {
    expect(pages.get('tinnhanhviet')?.$('span.date').text()).toMatch(/^Thứ (hai|ba|tư|năm|sáu|bảy), \d{1,2}\/\d{1,2}\/\d{4}, \d{2}:\d{2} \(GMT\+7\)$|^Chủ nhật, /);
    expect(pages.get('phuongnam')?.$('[data-role=publishdate]').text()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} GMT\+7$/);
    expect(pages.get('songhong')?.$('time.author-time').attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(pages.get('phothi')?.$('.article-meta .date').text()).toMatch(/^\d{2}:\d{2} \| \d{2}\/\d{2}\/\d{4}$/);
    // The local time shown is UTC+7 of the stored instant.
    const { article, $ } = pages.get('chinhsach') ?? ({} as never);
    const local = new Date(Date.parse(article.publishedAt) + 7 * 3_600_000);
    const dd = String(local.getUTCDate()).padStart(2, '0');
    expect($('.detail-time').text()).toContain(`${dd}/${String(local.getUTCMonth() + 1).padStart(2, '0')}/${local.getUTCFullYear()}`);
  });

  it('embeds JSON-LD NewsArticle on some outlets and OG tags on most', () => {
    for (const outletId of ['tinnhanhviet', 'songhong']) {
      const { article, $ } = pages.get(outletId) ?? ({} as never);
      const ld = JSON.parse($('script[type="application/ld+json"]').first().text()) as Record<string, unknown>;
      expect(ld['@type']).toBe('NewsArticle');
      expect(ld.headline).toBe(article.title);
      expect(Date.parse(String(ld.datePublished))).toBe(Date.parse(article.publishedAt));
    }
    const withOg = [...pages.values()].filter(({ $ }) => $('meta[property="og:title"]').length > 0);
    expect(withOg.length).toBeGreaterThanOrEqual(5);
    expect(pages.get('phothi')?.$('meta[property="og:title"]').length).toBe(0);
  });

  it('escapes text so markup in content cannot break the page', async () => {
    const { esc } = await import('../../../src/demo/templates/common.js');
    expect(esc('<script>"a" & \'b\'</script>')).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
  });
});

describe('listing pages', () => {
  it('pages the main listing with relative links and a next-page link', async () => {
    const html = (await rawGet(`${press.url}/phothi/tin-tuc`)).body.toString('utf8');
    const $ = load(html);
    const items = $('div.list-news article.news-item');
    expect(items.length).toBe(20);
    expect(items.first().find('h3.news-title a').attr('href')).toMatch(/^\/phothi\/tin-tuc\/.+\.html$/);
    expect($('ul.pagination li.next a').attr('href')).toBe('/phothi/tin-tuc?page=2');
    const page2 = load((await rawGet(`${press.url}/phothi/tin-tuc?page=2`)).body.toString('utf8'));
    expect(page2('article.news-item').first().find('h3 a').text()).not.toBe(items.first().find('h3 a').text());
    expect((await rawGet(`${press.url}/phothi/tin-tuc?page=99`)).status).toBe(404);
  });
});
