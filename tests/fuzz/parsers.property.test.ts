/**
 * Property-based fuzzing (fast-check) of every parser that reads untrusted input: for any input
 * the parser returns a well-formed result or throws one of our typed errors naming the input,
 * within a time bound per case. Seeds are printed by fast-check on failure for replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../src/config/load-sources.js';
import { ConfigError } from '../../src/config/yaml-file.js';
import { PermanentError } from '../../src/core/errors.js';
import { extractArticle } from '../../src/extract/article.js';
import { canonicalizeUrl } from '../../src/extract/canonical-url.js';
import { parseVietnameseDate } from '../../src/extract/dates.js';
import { parseFeed } from '../../src/sources/feed.js';
import { parseListing } from '../../src/sources/listing.js';
import { parseSitemap } from '../../src/sources/sitemap.js';

const PAGE = 'http://fuzz.example.vn/trang';
const NOW = new Date('2025-06-01T00:00:00Z');
/** Per-case wall-time bound: these inputs are small, so anything slower means a pathological path. */
const CASE_MS = 1_500;
const RUNS = Number(process.env.PULSE_FUZZ_RUNS ?? 150);

/** Text with the characters that break parsers: markup, entities, NUL, controls, RTL, zero-width, surrogates, Vietnamese. */
const nastyChar = fc.constantFrom('<', '>', '&', '"', "'", ';', '/', '\u0000', '\u0007', '\u202e', '\u200b', '\ufeff', '\ud800', '\udfff', 'đ', 'ư', 'ờ', 'ệ', 'Đ', ' ', '\n', ']]>', '<![CDATA[', '&amp;', '&#0;', '&#xD800;', '&lol;', '<!--', '-->', '<?xml', '<!DOCTYPE x [<!ENTITY lol "x">]>');
const nastyText = fc.array(fc.oneof(fc.string({ maxLength: 20 }), nastyChar), { maxLength: 40 }).map((parts) => parts.join(''));

/** A tag soup built from real element names, so the parsers' structural paths are exercised. */
const tag = fc.constantFrom('rss', 'channel', 'item', 'title', 'link', 'guid', 'description', 'pubDate', 'feed', 'entry', 'urlset', 'url', 'loc', 'lastmod', 'news:publication_date', 'html', 'body', 'div', 'p', 'a', 'h1', 'time', 'meta', 'script', 'article', 'span');
const soupNode: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyText,
    fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 }), fc.boolean(), nastyText).map(([t, kids, close, attr]) => `<${t} href="${attr}" content="${attr}">${kids.join('')}${close ? `</${t}>` : ''}`),
  ),
})).node;

function timed<T>(fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  if (ms > CASE_MS) throw new Error(`took ${ms.toFixed(0)} ms (bound ${CASE_MS} ms)`);
  return out;
}

function expectTypedNaming(err: unknown, what: string): void {
  if (!(err instanceof PermanentError || err instanceof ConfigError)) throw err;
  expect(err.message).toContain(what);
}

/**
 * Replace lone surrogates: parse5 (under cheerio) throws RangeError on two lone low surrogates in
 * a row, but bodies reach the parsers through the fetcher's decoders (TextDecoder, iconv-lite),
 * which never produce lone surrogates. Direct callers are covered by the extractor's own fuzzing.
 */
const wellFormed = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> => arb.map((s) => s.replace(/[\ud800-\udfff]/g, '\ufffd'));

/** Resolve to 'hang' when a promise has not settled within `ms` (the parser's callback never came). */
function settleWithin(p: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([p.then((v) => v, (e: unknown) => e), new Promise((r) => setTimeout(() => r('hang'), ms))]);
}

const isHttpUrl = (u: string): boolean => /^https?:\/\//.test(u) && URL.canParse(u);

describe('parsers under property-based fuzzing', () => {
  // KNOWN BUG (src/sources/feed.ts, owner still at work): one module-wide rss-parser instance
  // holds one stateful xml2js parser; after some malformed feeds (e.g. one cut inside a comment)
  // a later parseString never calls back, so the crawl job awaits forever. Minimal sequence:
  // `<!-- cut <![CDATA[` then `<!DOCTYPE x [<!ENTITY lol "x">]>` (also a hostile case, run in a
  // fresh process). Fix: a new Parser per call, or a deadline around parseString.
  // Fixed seed: the sequence that wedges the parser must be the same on every run.
  it('parseFeed: entries with absolute http(s) URLs, or PermanentError naming the feed (never a wedged parser)', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormed(fc.oneof(soupNode, soupNode.map((s) => `<rss version="2.0"><channel><title>t</title>${s}</channel></rss>`), soupNode.map((s) => `<rss version="2.0"><channel><item><title>${s}</title><link>${PAGE}/${s}</link><description>${s}</description><pubDate>${s}</pubDate></item></channel></rss>`))), async (xml) => {
        const t0 = performance.now();
        const outcome = await settleWithin(parseFeed(xml, PAGE, { now: NOW }), 3_000);
        if (outcome === 'hang') throw new Error(`parseFeed never settled on ${JSON.stringify(xml).slice(0, 200)}`);
        if (Array.isArray(outcome)) for (const e of outcome as { url: string }[]) expect(isHttpUrl(e.url), e.url).toBe(true);
        else expectTypedNaming(outcome, PAGE);
        expect(performance.now() - t0).toBeLessThan(CASE_MS);
      }),
      { numRuns: 400, seed: 1 },
    );
  }, 120_000);

  // KNOWN BUG (src/sources/sitemap.ts, owner still at work): XMLValidator accepts what XMLParser
  // then rejects with a plain Error (e.g. two <!DOCTYPE>s, or 100k nested tags), so the error is
  // untyped and does not name the sitemap. Counterexample: `<urlset><!DOCTYPE x [<!ENTITY l "x">]><!DOCTYPE y [<!ENTITY l "x">]></urlset>`.
  it('parseSitemap: entries with http(s) URLs, or PermanentError naming the sitemap', () => {
    fc.assert(
      fc.property(fc.oneof(soupNode, soupNode.map((s) => `<urlset><url><loc>${PAGE}/${s}</loc><lastmod>${s}</lastmod></url>${s}</urlset>`)), (xml) => {
        try {
          const r = timed(() => parseSitemap(xml, PAGE, { now: NOW }));
          for (const e of r.entries) expect(isHttpUrl(e.url), e.url).toBe(true);
          for (const s of r.sitemaps) expect(isHttpUrl(s), s).toBe(true);
        } catch (err) {
          expectTypedNaming(err, PAGE);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('parseListing: never throws on any HTML; every entry has an http(s) URL', () => {
    fc.assert(
      fc.property(wellFormed(soupNode), (html) => {
        const entries = timed(() => parseListing(`<html><body>${html}<div class="i"><a href="${html.slice(0, 30)}">x</a></div></body></html>`, PAGE, { item: '.i, div', link: 'a' }, { now: NOW }));
        for (const e of entries) expect(isHttpUrl(e.url), e.url).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('extractArticle: an article with a title, or PermanentError "unparseable" naming the page', () => {
    fc.assert(
      fc.property(soupNode, (html) => {
        try {
          const a = timed(() => extractArticle(`<html><head><title>${html.slice(0, 40)}</title></head><body>${html}</body></html>`, PAGE));
          expect(typeof a.title).toBe('string');
          expect(typeof a.text).toBe('string');
        } catch (err) {
          expectTypedNaming(err, PAGE);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('parseVietnameseDate: null or an ISO UTC instant between 1990 and now + 2 days, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(nastyText, fc.string(), fc.stringMatching(/^[0-9 :/.\-+hTZGMTngàytháng]{0,40}$/)), (s) => {
        const iso = timed(() => parseVietnameseDate(s, { now: NOW }));
        if (iso === null) return;
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        const t = Date.parse(iso);
        expect(t).toBeGreaterThanOrEqual(Date.UTC(1989, 11, 31));
        expect(t).toBeLessThanOrEqual(NOW.getTime() + 2 * 24 * 3600_000);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('parseVietnameseDate reads every real DD/MM/YYYY HH:mm (+07) date back exactly', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-02T00:00:00Z'), max: new Date('2025-05-30T00:00:00Z'), noInvalidDate: true }), (d) => {
        const local = new Date(d.getTime() + 7 * 3600_000);
        const p2 = (n: number): string => String(n).padStart(2, '0');
        const text = `${p2(local.getUTCDate())}/${p2(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}`;
        const expected = new Date(Math.floor(d.getTime() / 60_000) * 60_000).toISOString();
        expect(parseVietnameseDate(text, { now: NOW })).toBe(expected);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('canonicalizeUrl: idempotent, no fragment or tracking parameters, and blind to parameter order and utm_*', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string({ maxLength: 10 }), (url, junk) => {
        const canon = canonicalizeUrl(url);
        expect(canonicalizeUrl(canon)).toBe(canon);
        expect(canon).not.toContain('#');
        const withTracking = new URL(url);
        withTracking.searchParams.append('utm_source', junk);
        withTracking.searchParams.append('fbclid', junk);
        expect(canonicalizeUrl(withTracking.toString())).toBe(canon);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('canonicalizeUrl: any string gives an http(s) URL or PermanentError "invalid_url"', () => {
    fc.assert(
      fc.property(fc.oneof(nastyText, nastyText.map((s) => `http://${s}`), nastyText.map((s) => `${PAGE}/${s}`)), (s) => {
        try {
          const canon = timed(() => canonicalizeUrl(s));
          expect(isHttpUrl(canon)).toBe(true);
          expect(canon).not.toMatch(/[\u0000\u202e\u200b\s]/);
        } catch (err) {
          expect(err).toBeInstanceOf(PermanentError);
          expect((err as PermanentError).code).toBe('invalid_url');
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('parseSources: a frozen valid config or a ConfigError naming the file, for any text', () => {
    const yamlish = fc.array(fc.oneof(nastyText, fc.constantFrom('sources:', '\n  - ', 'id: ', 'url: ', 'kind: rss', '&a ', '*a', '!!binary ', '{', '[', '- ', ': ', '\t', '%YAML 1.2\n---\n')), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(yamlish, (text) => {
        try {
          const file = timed(() => parseSources(text, 'fuzz-sources.yaml'));
          expect(Array.isArray(file.sources)).toBe(true);
          expect(Object.isFrozen(file)).toBe(true);
        } catch (err) {
          expectTypedNaming(err, 'fuzz-sources.yaml');
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
