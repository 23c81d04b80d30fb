/**
 * Hostile inputs, one named case each, run in a child process by `run-hostile-case.ts` so that a
 * hang can be killed and memory measured without taking the test runner down.
 *
 * Each case returns a short summary when the parser copes, or throws. The test file decides what
 * is acceptable: a result, or one of our typed errors whose message names the input.
 */
import { parseSources } from '../../src/config/load-sources.js';
import { canonicalizeUrl } from '../../src/extract/canonical-url.js';
import { extractArticle } from '../../src/extract/article.js';
import { parseVietnameseDate } from '../../src/extract/dates.js';
import { parseFeed } from '../../src/sources/feed.js';
import { parseListing } from '../../src/sources/listing.js';
import { parseSitemap } from '../../src/sources/sitemap.js';

/** The URL every hostile document claims to come from; typed errors must name it. */
export const HOSTILE_URL = 'http://hostile.example.vn/input';
/** File name handed to the config loader; its errors must name it. */
export const HOSTILE_FILE = 'hostile-sources.yaml';

const DEPTH = 100_000;
const nestedDivs = (n: number): string => '<div>'.repeat(n) + 'x' + '</div>'.repeat(n);

/** Billion laughs: ten levels of ten-fold entity expansion (10^9 "lol"s if expanded). */
const LAUGHS_DTD = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [',
  ' <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
].join('\n');

const rss = (item: string, head = ''): string =>
  `${head}<rss version="2.0"><channel><title>t</title><link>${HOSTILE_URL}</link>${item}</channel></rss>`;
const article = (head: string, body: string): string => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const lead = '<p>' + 'Bộ Tài chính công bố chính sách mới về thuế thu nhập cá nhân. '.repeat(4) + '</p>';

/** Invalid UTF-8 decoded the way the fetcher's fallback would (replacement characters). */
const invalidUtf8 = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe]).toString('utf8');

/** Alias bomb: each level references the previous nine times (9^9 nodes if expanded). */
const yamlAliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(Array.from({ length: 8 }, (_, i) => {
    const prev = String.fromCharCode(97 + i);
    const name = String.fromCharCode(98 + i);
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }))
  .concat(['sources: []'])
  .join('\n');

/** Case name → what to run. */
export const HOSTILE_CASES: Record<string, () => unknown> = {
  'feed: billion laughs': async () => (await parseFeed(rss(`<item><title>&lol9;</title><link>${HOSTILE_URL}/a</link><description>&lol9;</description></item>`, LAUGHS_DTD), HOSTILE_URL)).length,
  'feed: external entity (XXE)': async () =>
    (await parseFeed(rss(`<item><title>&x;</title><link>${HOSTILE_URL}/a</link></item>`, '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'), HOSTILE_URL)).map((e) => e.title),
  'feed: 100k nested XML elements': async () => (await parseFeed(rss(`<item><title>a</title><link>${HOSTILE_URL}/a</link><description>${'<a>'.repeat(DEPTH)}${'</a>'.repeat(DEPTH)}</description></item>`), HOSTILE_URL)).length,
  // The item must survive whole: title, link and the description's text.
  'feed: 100k nested HTML in a CDATA description': async () => (await parseFeed(rss(`<item><title>a</title><link>${HOSTILE_URL}/a</link><description><![CDATA[${nestedDivs(DEPTH)}]]></description></item>`), HOSTILE_URL))
    .map((e) => `${e.title}|${e.url}|${e.summary}`),
  'feed: 10 MB attribute and NUL bytes': async () => (await parseFeed(rss(`<item><title>a\u0000b</title><link>${HOSTILE_URL}/a</link><enclosure url="${'A'.repeat(10_000_000)}"/></item>`), HOSTILE_URL)).length,
  'feed: 20k items': async () => (await parseFeed(rss(Array.from({ length: 20_000 }, (_, i) => `<item><title>Tin ${i}</title><link>${HOSTILE_URL}/${i}</link></item>`).join('')), HOSTILE_URL)).length,
  'feed: a DOCTYPE-only body after a feed cut inside a comment': async () => {
    await parseFeed('<!-- cut <![CDATA[', HOSTILE_URL).catch(() => undefined);
    // When wedged the parser never calls back: a deadline turns "never settles" into a failure.
    const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('parseFeed never settled (xml2js wedged)')), 3_000));
    return (await Promise.race([parseFeed('<!DOCTYPE x [<!ENTITY lol "x">]>', HOSTILE_URL), deadline])).length;
  },
  'sitemap: billion laughs': () => parseSitemap(`${LAUGHS_DTD}<urlset><url><loc>${HOSTILE_URL}/&lol9;</loc></url></urlset>`, HOSTILE_URL).entries.length,
  'sitemap: 100k nested elements': () => parseSitemap(`<urlset><url><loc>${HOSTILE_URL}/a</loc>${'<a>'.repeat(DEPTH)}${'</a>'.repeat(DEPTH)}</url></urlset>`, HOSTILE_URL).entries.length,
  'sitemap: 50k urls': () => parseSitemap(`<urlset>${Array.from({ length: 50_000 }, (_, i) => `<url><loc>${HOSTILE_URL}/${i}</loc></url>`).join('')}</urlset>`, HOSTILE_URL).entries.length,
  'listing: 100k nested HTML': () => parseListing(`<html><body>${nestedDivs(DEPTH)}<div class="i"><a href="/x">T</a></div></body></html>`, HOSTILE_URL, { item: '.i', link: 'a' })
    .map((e) => `${e.title}|${e.url}`),
  'listing: 10 MB attribute': () => parseListing(`<html><body><div class="i" data-x="${'x'.repeat(10_000_000)}"><a href="/x">T</a></div></body></html>`, HOSTILE_URL, { item: '.i', link: 'a' }).length,
  'article: 100k nested divs': () => extractArticle(article('<title>Tiêu đề</title>', nestedDivs(DEPTH) + lead), HOSTILE_URL).title,
  'article: 100k unclosed nested tags': () => extractArticle(article('<title>Tiêu đề</title>', '<div><span>'.repeat(DEPTH) + lead), HOSTILE_URL).title,
  'article: 20 MB page (the fetcher cap)': () => extractArticle(article('<title>Trang lớn</title>', '<p>Đoạn văn bản dài về chính sách. </p>'.repeat(520_000)), HOSTILE_URL).text.length,
  'article: 20 MB attribute value': () => extractArticle(article(`<title>Tiêu đề</title><meta property="og:title" content="${'A'.repeat(20_000_000)}">`, lead), HOSTILE_URL).title.length,
  'article: NUL bytes and invalid UTF-8': () => extractArticle(article(`<title>T\u0000iêu ${invalidUtf8} đề</title>`, lead.replace('mới', `m\u0000ới ${invalidUtf8}`)), HOSTILE_URL).title,
  'article: RTL override and zero-width characters': () => extractArticle(article('<title>\u202eđề tiêu\u200b\u200d</title>', `<a href="/\u202egnp.exe">x</a>${lead}`), HOSTILE_URL).title,
  'article: lone surrogates': () => extractArticle(article('<title>\ud800 tiêu đề \udfff</title>', lead), HOSTILE_URL).title,
  'article: 1 MB script of tags': () => extractArticle(article('<title>Tiêu đề</title>', `<script>${'<div>'.repeat(200_000)}</script>${lead}`), HOSTILE_URL).title,
  'dates: absurd values': () =>
    ['99999-01-01', '+275760-09-13T00:00:00Z', '0000-00-00', '31/02/2025', '29/02/2023', '1/1/1', '9'.repeat(10_000), '2025-13-45T25:61:61Z', '\u0000', 'Thứ năm, 6/2/2025, 99:99', '-271821-04-20', '1e309', 'ngày 6 tháng 2 năm 99999999999', '06/02/2025 20:30 GMT+99']
      .map((s) => parseVietnameseDate(s, { now: new Date('2025-06-01T00:00:00Z') })),
  'dates: 1 MB of near-matches': () => [parseVietnameseDate('ngày '.repeat(200_000) + '06/02/2025'), parseVietnameseDate('1/'.repeat(500_000)), parseVietnameseDate('12:'.repeat(300_000)), parseVietnameseDate('tháng '.repeat(150_000))],
  'url: 10 MB URL': () => canonicalizeUrl(`${HOSTILE_URL}/${'a'.repeat(10_000_000)}`).length,
  'url: 200k query parameters': () => canonicalizeUrl(`${HOSTILE_URL}?${Array.from({ length: 200_000 }, (_, i) => `p${i}=${i}&utm_source=x`).join('&')}`).length,
  'url: RTL, zero-width and NUL characters': () => [`${HOSTILE_URL}/\u202egnp.exe?utm_source=x&b=\u200b`, 'http://a\u200b.vn/x', `${HOSTILE_URL}/\u0000x`].map((u) => canonicalizeUrl(u)),
  'url: RTL override in the host': () => canonicalizeUrl('http://\u202ehostile.example.vn/x'),
  'url: javascript scheme': () => canonicalizeUrl('javascript:alert(1)//hostile.example.vn'),
  'config: YAML alias bomb': () => parseSources(yamlAliasBomb, HOSTILE_FILE).sources.length,
  'config: 100k nested flow sequences': () => parseSources('sources: ' + '['.repeat(DEPTH) + ']'.repeat(DEPTH), HOSTILE_FILE).sources.length,
  'config: NUL bytes and invalid UTF-8': () => parseSources(`sources:\n  - id: "a\u0000"\n    name: ${invalidUtf8}\n`, HOSTILE_FILE).sources.length,
  'config: 10 MB scalar': () => parseSources(`sources:\n  - id: x${'x'.repeat(10_000_000)}\n`, HOSTILE_FILE).sources.length,
  'config: unsafe YAML tags': () => parseSources('sources: !!js/function "function(){ process.exit(7) }"\n', HOSTILE_FILE).sources.length,
};
