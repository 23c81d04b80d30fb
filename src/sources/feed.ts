/**
 * RSS 2.0 / Atom / RDF feeds → discovered entries, with the quirks Vietnamese outlets ship:
 * CDATA descriptions full of HTML (VnExpress wraps an `<a><img></a>` before the summary),
 * missing guids, relative links, duplicated items, zone-less or DD/MM/YYYY dates and stray `&`.
 */
import Parser from 'rss-parser';
import { PermanentError } from '../core/errors.js';
import type { DiscoveredEntry } from '../core/item.js';
import { canonicalizeUrl } from '../extract/canonical-url.js';
import { parseVietnameseDate } from '../extract/dates.js';
import { cleanInline, cleanTitle, fragmentToText, repairMojibake } from './text.js';
import { assertNotHtml } from './html-guard.js';
import { describeXmlError, repairCommonXmlDefects } from './xml-repair.js';

/** Called for each feed item that could not become an entry, so nothing vanishes unseen. */
export type SkipReporter = (reason: string) => void;

/** Options for {@link parseFeed}. */
export interface ParseFeedOptions {
  /** Receives a message per item dropped for lack of a usable link. */
  onSkip?: SkipReporter;
  /** Reference time for date sanity checks (tests). */
  now?: Date;
}

type RawItem = Record<string, unknown>;

const PARSER_OPTIONS = {
  customFields: {
    item: [
      'published',
      'updated',
      'pulse-raw-published',
      'pulse-raw-updated',
      'description',
      ['media:content', 'mediaContent', { keepArray: true }],
      ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
    ] as never,
  },
};

/** Longest a single feed may take to parse before it is reported as unreadable. */
const PARSE_DEADLINE_MS = 10_000;

/**
 * Parse with a fresh parser each time: rss-parser keeps one xml2js parser per instance, and a body
 * that breaks off mid-comment leaves it in a state where the next parse never settles. A deadline
 * backs that up, so a hostile feed can never hold a crawl worker.
 */
async function parseOnce(xml: string): Promise<{ items?: unknown }> {
  const parser = new Parser<Record<string, unknown>, RawItem>(PARSER_OPTIONS);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`XML parser did not finish within ${PARSE_DEADLINE_MS} ms`)), PARSE_DEADLINE_MS);
  });
  try {
    return await Promise.race([parser.parseString(xml), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Parse a feed body into entries (absolute URLs, plain-text summaries, UTC dates), collapsing
 * items that point at the same canonical URL.
 *
 * @param xml decoded feed body
 * @param feedUrl URL the body came from; relative links resolve against it
 * @throws PermanentError `not_a_feed` for an HTML page, `feed_unparseable` for XML that cannot
 *   be read even after one repair pass (message names the feed, the reason and the line)
 */
export async function parseFeed(xml: string, feedUrl: string, opts: ParseFeedOptions = {}): Promise<DiscoveredEntry[]> {
  const body = repairMojibake(xml.replace(/^[\ufeff\s]+/, ''));
  assertNotHtml(body, feedUrl);
  const feed = await parseWithOneRepair(body, feedUrl);
  const entries = new Map<string, DiscoveredEntry>();
  const items = Array.isArray(feed.items) ? (feed.items as RawItem[]) : [];
  items.forEach((item, index) => {
    const entry = toEntry(item, feedUrl, opts.now);
    if (typeof entry === 'string') {
      opts.onSkip?.(`${feedUrl}: item ${index + 1} skipped: ${entry}`);
      return;
    }
    const key = canonicalizeUrl(entry.url);
    const earlier = entries.get(key);
    entries.set(key, earlier ? fillMissing(earlier, entry) : entry);
  });
  return [...entries.values()];
}

async function parseWithOneRepair(xml: string, feedUrl: string): Promise<{ items?: unknown }> {
  try {
    return await parseOnce(xml);
  } catch (first) {
    const repaired = repairXml(xml);
    if (repaired !== xml) {
      try {
        return await parseOnce(repaired);
      } catch {
        // Report the original error: it points at the real defect in the body we were given.
      }
    }
    throw new PermanentError('feed_unparseable', `feed ${feedUrl} is not readable RSS/Atom/RDF: ${describeXmlError(first)}`, { cause: first });
  }
}

/**
 * Fix what breaks strict XML parsers in real feeds: bare `&` (in titles, query strings), control
 * characters, and Atom dates that rss-parser feeds to `new Date()` (which throws on
 * Vietnamese formats) — those are renamed so we read them raw.
 */
export function repairXml(xml: string): string {
  return repairCommonXmlDefects(xml).replace(/<(\/?)(published|updated)>/g, '<$1pulse-raw-$2>');
}

function toEntry(item: RawItem, feedUrl: string, now: Date | undefined): DiscoveredEntry | string {
  const guid = stringOf(item.guid) ?? stringOf(item.id);
  const rawLink = stringOf(item.link) ?? (guid && /^https?:\/\//i.test(guid) ? guid : undefined) ?? stringOf(item['rdf:about']);
  if (!rawLink) return 'no link, guid URL or rdf:about';
  let url: string;
  try {
    url = new URL(rawLink.trim(), feedUrl).toString();
    canonicalizeUrl(url);
  } catch {
    return `link "${rawLink.slice(0, 120)}" is not an http(s) URL`;
  }
  const description = stringOf(item.description) ?? stringOf(item.content) ?? stringOf(item.summary) ?? stringOf(item['content:encoded']);
  const fragment = description ? fragmentToText(description) : undefined;
  // Raw strings only: rss-parser's own dates read zone-less times in the server's zone.
  const rawDate = stringOf(item.published) ?? stringOf(item['pulse-raw-published']) ?? stringOf(item.pubDate) ??
    stringOf(item.date) ?? stringOf(item.updated) ?? stringOf(item['pulse-raw-updated']);
  const title = stringOf(item.title);
  return dropUndefined({
    url,
    guid: guid ? cleanInline(guid) : undefined,
    title: title ? cleanTitle(title) || undefined : undefined,
    summary: fragment?.text || undefined,
    publishedAt: rawDate ? parseVietnameseDate(rawDate, now ? { now } : {}) ?? undefined : undefined,
    author: authorOf(item),
    section: sectionOf(item),
    imageUrl: imageOf(item, fragment?.imageSrc, url),
  });
}

function imageOf(item: RawItem, descriptionImage: string | undefined, base: string): string | undefined {
  const enclosure = item.enclosure as { url?: string; type?: string } | undefined;
  const media = [item.mediaContent, item.mediaThumbnail].flatMap((v) => (Array.isArray(v) ? v : []))
    .map((m: { $?: { url?: string; medium?: string; type?: string } }) => m.$)
    .find((a) => a?.url && (a.medium === undefined || a.medium === 'image') && (!a.type || a.type.startsWith('image/')))?.url;
  const candidate = (enclosure?.url && (!enclosure.type || enclosure.type.startsWith('image/')) ? enclosure.url : undefined) ?? media ?? descriptionImage;
  if (!candidate) return undefined;
  try {
    return new URL(candidate.trim(), base).toString();
  } catch {
    return undefined;
  }
}

function authorOf(item: RawItem): string | undefined {
  const raw = stringOf(item.creator) ?? stringOf(item.author);
  if (!raw) return undefined;
  // RSS 2.0 says `email (Name)`; keep the name.
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(raw.trim());
  return cleanInline(named ? named[1]! : raw) || undefined;
}

function sectionOf(item: RawItem): string | undefined {
  const categories = item.categories;
  if (!Array.isArray(categories) || categories.length === 0) return undefined;
  const first = stringOf(categories[0]);
  return first ? cleanTitle(first) || undefined : undefined;
}

/** xml2js gives strings, `{ _: text, $: attrs }` objects or arrays of either. */
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return stringOf(value[0]);
  if (value && typeof value === 'object' && '_' in value) return stringOf((value as { _: unknown })._);
  return undefined;
}

function fillMissing(kept: DiscoveredEntry, later: DiscoveredEntry): DiscoveredEntry {
  const merged: DiscoveredEntry = { ...kept };
  for (const [key, value] of Object.entries(later) as [keyof DiscoveredEntry, string | undefined][]) {
    if (merged[key] === undefined && value !== undefined) merged[key] = value;
  }
  return merged;
}

function dropUndefined(entry: DiscoveredEntry): DiscoveredEntry {
  for (const key of Object.keys(entry) as (keyof DiscoveredEntry)[]) if (entry[key] === undefined) delete entry[key];
  return entry;
}
