import { PermanentError, describeError } from '../core/errors.js';
import type { Item } from '../core/item.js';
import type { SourceConfig } from '../config/sources-schema.js';
import type { Fetcher } from '../http/fetcher.js';
import type { FetchJob } from '../queue/jobs.js';
import { canonicalizeUrl, itemIdFor } from '../extract/canonical-url.js';
import { extractArticle } from '../extract/article.js';
import { itemFromArticle, partialItemFromEntry } from './item-builder.js';

/** Dependencies of the fetch stage. */
export interface FetchStageDeps {
  fetcher: Fetcher;
  now?: () => Date;
}

/**
 * Fetch and extract one article into an {@link Item}.
 *
 * The article is never lost: when the page is permanently unusable (404, unparseable, refused),
 * or on the last attempt of a transient failure, the feed's own title and summary are kept as a
 * partial item with the reason. Transient failures before the last attempt are rethrown so the
 * queue retries them with backoff.
 */
export async function fetchArticleItem(
  job: FetchJob,
  source: SourceConfig,
  deps: FetchStageDeps,
  opts: { lastAttempt: boolean },
): Promise<Item> {
  const now = deps.now ?? (() => new Date());
  const partial = (reason: string) =>
    partialItemFromEntry({ id: job.discoveredId, url: job.url, source, entry: job.entry, seenAt: job.seenAt, fetchedAt: now().toISOString(), reason });

  if (!source.fetchArticles) return partial('feed_only_source');
  try {
    const res = await deps.fetcher.fetch({
      url: job.url,
      allowPrivateNetwork: source.allowPrivateNetwork,
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      ...(source.forceCharset ? { forceCharset: source.forceCharset } : {}),
    });
    const article = extractArticle(res.body, res.url);
    // The page's own canonical wins over the feed link (tracking parameters, AMP, mirrors).
    let url = job.url;
    if (article.canonicalUrl) {
      try {
        url = canonicalizeUrl(article.canonicalUrl, res.url);
      } catch {
        url = job.url;
      }
    }
    return itemFromArticle({ id: itemIdFor(url), url, source, entry: job.entry, article, seenAt: job.seenAt, fetchedAt: now().toISOString() });
  } catch (err) {
    if (err instanceof PermanentError) return partial(describeError(err));
    if (opts.lastAttempt) return partial(`gave up after retries: ${describeError(err)}`);
    throw err;
  }
}
