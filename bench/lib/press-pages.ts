import type { PressServer } from '../../src/demo/press-server.js';

/** Every article page and feed body of a press server, fetched once over loopback. */
export async function collectPressBodies(press: PressServer): Promise<{ pages: { url: string; html: string }[]; feeds: { sourceId: string; url: string; body: string }[] }> {
  const pages: { url: string; html: string }[] = [];
  for (const a of press.publishedArticles()) {
    const url = press.url + a.path;
    pages.push({ url, html: await (await fetch(url)).text() });
  }
  const feeds: { sourceId: string; url: string; body: string }[] = [];
  for (const s of press.sources) feeds.push({ sourceId: s.id, url: s.url, body: await (await fetch(s.url)).text() });
  return { pages, feeds };
}
