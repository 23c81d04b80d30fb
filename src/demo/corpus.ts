/**
 * Builds the offline demo corpus: a few hundred Vietnamese policy articles from fictional
 * outlets, spread over several weeks before an anchor instant, with syndicated near-copies and
 * negative-spike episodes. Pure and deterministic for a given anchor and seed.
 */
import type { SentimentLabel } from '../core/item.js';
import type { TopicBank } from './corpus/bank.js';
import { composeArticle, type ArticleText } from './corpus/compose.js';
import { EPISODE_PLANS } from './corpus/episodes.js';
import { drawFill, fillTemplate, type StoryFill } from './corpus/fill.js';
import { oldTonePlacement, paraphrase } from './corpus/paraphrase.js';
import { articlePath, slugify } from './corpus/paths.js';
import { PROVINCES } from './corpus/places.js';
import { syndicateText } from './corpus/syndicate.js';
import { DAY_MS, HOUR_MS, newsroomInstant, vnParts } from './corpus/time.js';
import { TOPIC_BANKS, bankById } from './corpus/topics/index.js';
import { DEMO_OUTLETS } from './outlets.js';
import { createRng, type Rng } from './random.js';
import type { DemoArticle, DemoCorpus, DemoCorpusOptions, DemoEpisode, DemoOutlet } from './types.js';

/** Seed used when none is given. */
export const DEFAULT_DEMO_SEED = 20250206;
/** Articles in the default corpus. */
export const DEFAULT_DEMO_ARTICLES = 320;
/** Days covered by the default corpus. */
export const DEFAULT_DEMO_DAYS = 49;

/** What a story is about and how it is told; shared by the original and its copies. */
interface StoryPlan {
  bank: TopicBank;
  sentiment: SentimentLabel;
  fill: StoryFill;
  outlet: DemoOutlet;
  publishedMs: number;
  copies: number;
  topics: string[];
  episode?: string;
}

/**
 * Builds the corpus.
 * @example
 * const corpus = buildDemoCorpus({ anchor: new Date('2025-03-01T00:00:00Z'), seed: 7 });
 */
export function buildDemoCorpus(options: DemoCorpusOptions = {}): DemoCorpus {
  const anchorMs = (options.anchor ?? new Date()).getTime();
  if (!Number.isFinite(anchorMs)) throw new Error('buildDemoCorpus: `anchor` is not a valid Date');
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const total = options.articles ?? DEFAULT_DEMO_ARTICLES;
  const days = options.days ?? DEFAULT_DEMO_DAYS;
  if (!Number.isInteger(total) || total < 1) throw new Error(`buildDemoCorpus: \`articles\` must be a positive integer, got ${total}`);
  if (!(days >= 1)) throw new Error(`buildDemoCorpus: \`days\` must be at least 1, got ${days}`);

  const writer = new CorpusWriter(createRng(seed), anchorMs, total);
  const episodes = writeEpisodes(writer, days, total);
  let storyIndex = 0;
  while (!writer.full()) writer.writeStory(backgroundStory(writer.rng, anchorMs, days, storyIndex++));

  const articles = [...writer.articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  return { anchor: new Date(anchorMs).toISOString(), seed, outlets: [...DEMO_OUTLETS], articles, episodes };
}

function writeEpisodes(writer: CorpusWriter, days: number, total: number): DemoEpisode[] {
  const scale = Math.min(1, total / DEFAULT_DEMO_ARTICLES);
  return EPISODE_PLANS.map((plan) => {
    const bank = bankById(plan.topic);
    const province = PROVINCES.find((p) => p.short === plan.province);
    if (!province) throw new Error(`demo episode ${plan.id}: unknown province ${plan.province}`);
    const ids: string[] = [];
    const stories = Math.max(1, Math.round(plan.stories * scale));
    for (let i = 0; i < stories && !writer.full(); i++) {
      const publishedMs = newsroomInstant(writer.rng, writer.anchorMs, plan.from * days, plan.to * days);
      const fill = drawFill(bank, writer.rng, vnParts(publishedMs).year, { province, subject: plan.subject, ...(plan.commune ? { commune: plan.commune } : {}) });
      const outlet = weightedOutlet(writer.rng, (o) => o.style !== 'gov-portal');
      const topics = [bank.id, ...writer.rng.sample(bank.related, 1)];
      ids.push(...writer.writeStory({ bank, sentiment: 'negative', fill, outlet, publishedMs, copies: plan.copies, topics, episode: plan.id }));
    }
    const times = writer.articles.filter((a) => a.episode === plan.id).map((a) => a.publishedAt).sort();
    return { id: plan.id, topic: plan.topic, from: times[0] ?? '', to: times[times.length - 1] ?? '', articleIds: ids };
  });
}

function backgroundStory(rng: Rng, anchorMs: number, days: number, index: number): StoryPlan {
  const bank = TOPIC_BANKS[index % TOPIC_BANKS.length] ?? rng.pick(TOPIC_BANKS);
  const outlet = weightedOutlet(rng, () => true);
  const roll = rng.next();
  const sentiment: SentimentLabel = outlet.style === 'gov-portal'
    ? (roll < 0.62 ? 'neutral' : roll < 0.95 ? 'positive' : 'negative')
    : (roll < 0.4 ? 'neutral' : roll < 0.7 ? 'positive' : 'negative');
  const publishedMs = newsroomInstant(rng, anchorMs, days, 0);
  // Local outlets mostly write about their own province.
  const home = outlet.province && rng.chance(0.85) ? PROVINCES.find((p) => slugify(p.short) === outlet.province) : undefined;
  const fill = drawFill(bank, rng, vnParts(publishedMs).year, home ? { province: home } : {});
  const copies = rng.chance(0.2) ? (rng.chance(0.3) ? 2 : 1) : 0;
  const topics = rng.chance(0.45) ? [bank.id, rng.pick(bank.related)] : [bank.id];
  return { bank, sentiment, fill, outlet, publishedMs, copies, topics };
}

function weightedOutlet(rng: Rng, accept: (o: DemoOutlet) => boolean): DemoOutlet {
  const candidates = DEMO_OUTLETS.filter(accept);
  let roll = rng.next() * candidates.reduce((sum, o) => sum + o.weight, 0);
  for (const outlet of candidates) {
    roll -= outlet.weight;
    if (roll < 0) return outlet;
  }
  return candidates[candidates.length - 1] as DemoOutlet;
}

/** Rewords the body of an original article (titles stay as the bank wrote them). */
function rewordArticle(text: ArticleText, rng: Rng): ArticleText {
  return { ...text, lead: paraphrase(text.lead, rng), paragraphs: text.paragraphs.map((p) => paraphrase(p, rng)) };
}

/** House style: the regional outlet keeps the old tone placement (`hoà`, `thuỷ`). */
function house(outlet: DemoOutlet, text: string): string {
  return outlet.style === 'rss-quirks' ? oldTonePlacement(text) : text;
}

/** Accumulates articles, keeps ids and paths unique and stops at the requested size. */
class CorpusWriter {
  readonly articles: DemoArticle[] = [];
  private readonly usedNumbers = new Set<number>();
  private readonly usedPaths = new Set<string>();
  private stories = 0;

  constructor(readonly rng: Rng, readonly anchorMs: number, private readonly total: number) {}

  full(): boolean {
    return this.articles.length >= this.total;
  }

  /** Writes the original and up to `plan.copies` syndicated copies; returns the ids written. */
  writeStory(plan: StoryPlan): string[] {
    const storyId = `story-${String(++this.stories).padStart(4, '0')}`;
    const text = rewordArticle(composeArticle(plan.bank, plan.sentiment, plan.fill, this.rng), this.rng);
    const original = this.place(plan, text, plan.outlet, plan.publishedMs, storyId);
    const ids = [original.id];
    const targets = this.rng
      .sample(DEMO_OUTLETS.filter((o) => o.id !== plan.outlet.id && (plan.sentiment !== 'negative' || o.style !== 'gov-portal')), plan.copies);
    for (const outlet of targets) {
      if (this.full()) break;
      const latest = this.anchorMs - 60_000;
      if (plan.publishedMs + 10 * 60_000 >= latest) break;
      const copyMs = Math.min(latest, plan.publishedMs + Math.floor((0.2 + this.rng.next() * 9) * HOUR_MS / 60_000) * 60_000);
      const altLead = fillTemplate(this.rng.pick(plan.bank.leads[plan.sentiment]), plan.fill, this.rng);
      const copyText = syndicateText(text, plan.fill.province.short, altLead, this.rng);
      ids.push(this.place(plan, copyText, outlet, copyMs, storyId, original.id).id);
    }
    return ids;
  }

  private place(plan: StoryPlan, text: ArticleText, outlet: DemoOutlet, publishedMs: number, storyId: string, syndicatedFrom?: string): DemoArticle {
    let num = 0;
    let path = '';
    do {
      num = this.rng.int(1_000_000, 9_999_999);
      path = articlePath(outlet, plan.bank.section.slug, text.title, num, publishedMs);
    } while (this.usedNumbers.has(num) || this.usedPaths.has(path));
    this.usedNumbers.add(num);
    this.usedPaths.add(path);
    const modified = this.rng.chance(0.12) ? publishedMs + this.rng.int(20, 300) * 60_000 : undefined;
    const article: DemoArticle = {
      id: `${outlet.id}-${num}`,
      outletId: outlet.id,
      path,
      section: plan.bank.section.name,
      sectionSlug: plan.bank.section.slug,
      title: house(outlet, text.title),
      lead: house(outlet, text.lead),
      paragraphs: text.paragraphs.map((p) => house(outlet, p)),
      author: this.rng.pick(outlet.authors),
      publishedAt: new Date(publishedMs).toISOString(),
      ...(modified !== undefined && modified < this.anchorMs ? { modifiedAt: new Date(modified).toISOString() } : {}),
      topics: plan.topics,
      sentiment: plan.sentiment,
      storyId,
      ...(syndicatedFrom ? { syndicatedFrom } : {}),
      tags: text.tags,
      imageCaption: text.imageCaption,
      comments: text.comments,
      ...(plan.episode ? { episode: plan.episode } : {}),
    };
    this.articles.push(article);
    return article;
  }
}

/** Milliseconds per day, re-exported for callers that move the press server's clock. */
export { DAY_MS };
