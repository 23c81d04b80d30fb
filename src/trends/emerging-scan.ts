/**
 * Emerging issues across ALL coverage, outside any configured topic: terms and stories whose
 * count in the last hours jumps against the previous week (Dunning G², see detector/emerging.ts).
 */
import type { Item } from '../core/item.js';
import type { Store } from '../store/store.js';
import { countPhrases, findEmerging, type EmergingTerm } from './detector/emerging.js';

/** Options of {@link scanEmergingIssues}. */
export interface EmergingScanOptions {
  /** @defaultValue 6 */
  windowHours?: number;
  /** @defaultValue 7 */
  backgroundDays?: number;
  /** Items read per period (newest first). @defaultValue 1000 */
  maxItems?: number;
  /** Minimum articles carrying a term or story in the window. @defaultValue 5 */
  minCount?: number;
}

/** Emerging terms and stories; `stories` keys are story ids, labels their first title. */
export interface EmergingIssues {
  from: string;
  to: string;
  terms: EmergingTerm[];
  stories: EmergingTerm[];
  itemsInWindow: number;
}

const HOUR = 3_600_000;

/** Scan `[now − windowHours, now)` against the `backgroundDays` before it. */
export async function scanEmergingIssues(store: Store, now: Date, options: EmergingScanOptions = {}): Promise<EmergingIssues> {
  const to = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
  const from = new Date(to.getTime() - (options.windowHours ?? 6) * HOUR);
  const bgFrom = new Date(from.getTime() - (options.backgroundDays ?? 7) * 24 * HOUR);
  const max = options.maxItems ?? 1000;
  const current = await newest(store, from.toISOString(), to.toISOString(), max);
  const background = await newest(store, bgFrom.toISOString(), from.toISOString(), max);
  const minCount = options.minCount ?? 5;
  const phrases = countPhrases(current.map((i) => `${i.title}. ${i.lead ?? ''}`));
  const pastPhrases = countPhrases(background.map((i) => `${i.title}. ${i.lead ?? ''}`));
  const storyCounts = (items: Item[]) => {
    const m = new Map<string, number>();
    for (const i of items) if (i.labels?.storyId) m.set(i.labels.storyId, (m.get(i.labels.storyId) ?? 0) + 1);
    return m;
  };
  const storyLabels = new Map<string, string>();
  for (const i of [...current].reverse()) if (i.labels?.storyId && !storyLabels.has(i.labels.storyId)) storyLabels.set(i.labels.storyId, i.title);
  const totals = { currentTotal: current.length, backgroundTotal: Math.max(background.length, 1), minCount };
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    terms: findEmerging(phrases.counts, pastPhrases.counts, { ...totals, labels: phrases.labels }),
    stories: findEmerging(storyCounts(current), storyCounts(background), { ...totals, labels: storyLabels }),
    itemsInWindow: current.length,
  };
}

async function newest(store: Store, from: string, to: string, max: number): Promise<Item[]> {
  const items: Item[] = [];
  for (let offset = 0; items.length < max; offset += 200) {
    const r = await store.search({ from, to, limit: Math.min(200, max - items.length), offset, sort: 'newest' });
    items.push(...r.hits.map((h) => h.item));
    if (r.hits.length < 200) break;
  }
  return items;
}
