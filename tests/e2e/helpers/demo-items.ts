import { createHash } from 'node:crypto';
import type { EvidencePhrase, Item, SentimentLabel } from '../../../src/core/item.js';
import { buildDemoCorpus } from '../../../src/demo/corpus.js';
import { DEMO_OUTLETS } from '../../../src/demo/outlets.js';
import type { DemoArticle } from '../../../src/demo/types.js';

/** Phrases whose offsets become evidence (ground-truth stand-in for the sentiment analyser). */
const EVIDENCE_PHRASES: [string, SentimentLabel][] = [
  ['bức xúc', 'negative'], ['chậm tiến độ', 'negative'], ['lãng phí', 'negative'], ['sai phạm', 'negative'], ['khiếu kiện', 'negative'],
  ['chuyển biến còn chậm', 'negative'], ['thiệt hại', 'negative'], ['hoàn thành', 'positive'], ['vượt kế hoạch', 'positive'], ['đồng tình', 'positive'],
];

/** Every occurrence of the evidence phrases in one field, as offsets into that field. */
export function findEvidence(text: string, field: EvidencePhrase['field']): EvidencePhrase[] {
  const out: EvidencePhrase[] = [];
  const lower = text.toLowerCase();
  for (const [phrase, polarity] of EVIDENCE_PHRASES) {
    for (let at = lower.indexOf(phrase); at !== -1; at = lower.indexOf(phrase, at + phrase.length)) {
      out.push({ text: text.slice(at, at + phrase.length), field, start: at, end: at + phrase.length, polarity, weight: 1 });
    }
  }
  return out;
}

/** Map one demo article to a stored Item, labels taken from the ground truth. */
export function demoArticleToItem(a: DemoArticle, fetchedAt: string): Item {
  const outlet = DEMO_OUTLETS.find((o) => o.id === a.outletId);
  if (!outlet) throw new Error(`demo article ${a.id}: unknown outlet ${a.outletId}`);
  const url = `http://${outlet.host}${a.path}`;
  const text = a.paragraphs.join('\n\n');
  const evidence = [...findEvidence(a.title, 'title'), ...findEvidence(a.lead, 'lead'), ...findEvidence(text, 'text')];
  return {
    id: createHash('sha1').update(url).digest('hex'),
    url,
    sourceId: outlet.id,
    sourceName: outlet.name,
    tier: outlet.tier,
    sourceProvince: outlet.province ?? null,
    title: a.title,
    lead: a.lead,
    text,
    author: a.author,
    section: a.section,
    tags: a.tags,
    publishedAt: a.publishedAt,
    modifiedAt: a.modifiedAt ?? null,
    fetchedAt,
    imageUrl: null,
    partial: false,
    partialReason: null,
    contentHash: createHash('sha1').update(`${a.title}\n${text}`).digest('hex'),
    labels: {
      modelVersion: 'demo-ground-truth',
      topics: a.topics.map((id, i) => ({ id, score: Math.max(0.3, 0.9 - i * 0.3) })),
      policies: [],
      sentiment: { label: a.sentiment, score: a.sentiment === 'negative' ? -0.7 : a.sentiment === 'positive' ? 0.6 : 0, confidence: 0.85, evidence },
      entities: [],
      provinces: outlet.province ? [outlet.province] : [],
      storyId: a.storyId,
      simhash: null,
    },
  };
}

/** The demo corpus ending at `anchor`, as Items. */
export function demoItems(anchor: Date = new Date()): Item[] {
  const corpus = buildDemoCorpus({ anchor });
  const fetchedAt = anchor.toISOString();
  return corpus.articles.map((a) => demoArticleToItem(a, fetchedAt));
}

/** A crawled title carrying script and onerror payloads; it must stay inert everywhere. */
export const XSS_TITLE = 'Đường sắt <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> bị tấn công';

/** An item whose title, lead and text carry XSS payloads. */
export function xssItem(anchor: Date = new Date()): Item {
  const [base] = demoItems(anchor).slice(-1);
  if (!base) throw new Error('demo corpus is empty');
  return {
    ...base,
    id: 'xss0000000000000000000000000000000000001',
    url: 'http://tinnhanhviet.demo/xss',
    title: XSS_TITLE,
    lead: '<svg onload="window.__pwned=3">Tóm tắt</svg>',
    text: 'Nội dung <iframe src="javascript:window.__pwned=4"></iframe> bức xúc.',
    publishedAt: new Date(anchor.getTime() - 3600_000).toISOString(),
    labels: base.labels ? { ...base.labels, storyId: 'story-xss', sentiment: { ...base.labels.sentiment, label: 'negative', evidence: findEvidence('Nội dung <iframe src="javascript:window.__pwned=4"></iframe> bức xúc.', 'text') } } : null,
  };
}
