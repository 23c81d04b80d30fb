/**
 * The discovery parsers and the extractor against the team's generated demo press (src/demo):
 * every article of the corpus must be discovered from its outlet's feed/sitemap/listing and
 * extracted with the ground-truth title, lead, paragraphs, author, date and canonical URL.
 */
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../../src/extract/canonical-url.js';
import { extractArticle } from '../../../src/extract/article.js';
import { discoverEntries } from '../../../src/sources/discover.js';
import { buildDemoCorpus } from '../../../src/demo/corpus.js';
import { createPressState, route } from '../../../src/demo/press-routes.js';
import { buildPressSources } from '../../../src/demo/press-sources.js';

const ORIGIN = 'http://127.0.0.1:40000';
const NOW = Date.parse('2025-03-01T00:00:00Z');

async function loadPress() {
  const corpus = buildDemoCorpus({ anchor: new Date(NOW) });
  const state = createPressState(corpus, ORIGIN, NOW);
  const get = (url: string): { status: number; body: string } => {
    const u = new URL(url);
    const res = route(state, u.pathname, u.searchParams);
    return { status: res.status, body: typeof res.body === 'string' ? res.body : res.body.toString('utf8') };
  };
  return { corpus, get, sources: buildPressSources(ORIGIN, corpus) };
}

describe('demo press corpus', () => {
  it('discovers every article from the feeds, sitemaps and listing pages', async () => {
    const { corpus, get, sources } = await loadPress();
    const found = new Set<string>();
    const queue = sources.map((source) => ({ source, url: source.url }));
    while (queue.length > 0) {
      const { source, url } = queue.shift()!;
      const { status, body } = get(url);
      expect(status, url).toBe(200);
      const result = await discoverEntries(source, body, url);
      expect(result.skipped, url).toEqual([]);
      queue.push(...result.childUrls.map((child) => ({ source, url: child })));
      for (const entry of result.entries) {
        const canonical = canonicalizeUrl(entry.url);
        // Some feeds link AMP variants: the extractor must lead back to the canonical article.
        found.add(/\/amp\//.test(canonical) ? ampCanonical(get, canonical) : canonical);
      }
    }
    const missing = corpus.articles.filter((a) => !found.has(`${ORIGIN}${a.path}`)).map((a) => a.path);
    expect(missing).toEqual([]);
  });

  it('extracts every article page with its ground truth', async () => {
    const { corpus, get } = await loadPress();
    const failures: string[] = [];
    for (const article of corpus.articles) {
      const url = `${ORIGIN}${article.path}`;
      const { status, body } = get(url);
      if (status !== 200) {
        failures.push(`${url}: HTTP ${status}`);
        continue;
      }
      const x = extractArticle(body, url, { now: new Date(NOW + 86_400_000) });
      const problems = [
        x.title !== article.title && `title "${x.title}"`,
        !(x.lead ?? '').includes(article.lead) && `lead "${x.lead}"`,
        !inOrder(x.text, article.paragraphs) && 'paragraphs missing or out of order',
        article.comments.some((c) => x.text.includes(c.text)) && 'comment text leaked',
        x.author !== article.author && `author "${x.author}"`,
        x.publishedAt !== new Date(article.publishedAt).toISOString() && `publishedAt ${x.publishedAt}`,
        x.canonicalUrl !== url && `canonical ${x.canonicalUrl}`,
      ].filter(Boolean);
      if (problems.length > 0) failures.push(`${url}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});

function ampCanonical(get: (url: string) => { status: number; body: string }, ampUrl: string): string {
  const page = get(ampUrl);
  const article = extractArticle(page.body, ampUrl, { now: new Date(NOW + 86_400_000) });
  expect(article.ampUrl).toBe(ampUrl);
  return article.canonicalUrl ?? ampUrl;
}

function inOrder(text: string, paragraphs: string[]): boolean {
  let from = 0;
  for (const p of paragraphs) {
    const at = text.indexOf(p, from);
    if (at < 0) return false;
    from = at + p.length;
  }
  return true;
}
