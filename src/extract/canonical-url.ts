/**
 * Canonical article URLs and the item id derived from them.
 *
 * The same article reaches us through feeds, social shares (Zalo, Facebook) and newsletters with
 * different tracking parameters; without stripping them one article would become several items.
 * AMP variants (`/amp`, `.amp`) are NOT rewritten here: only the extractor, which sees the page's
 * own `rel=canonical`, can tell an AMP page from a path that merely ends in "amp".
 */
import { createHash } from 'node:crypto';
import { PermanentError } from '../core/errors.js';

/** Exact parameter names (lower-case) that only track the visit. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'ttclid',
  'zarsrc', 'gidzl', 'zl_source', '_ga', '_gl', '_hsenc', '_hsmi', 'mc_cid', 'mc_eid', 'mkt_tok',
  'ref', 'ref_src', 'ref_url', 'spm', 'cmpid', 'ncid', 'sr_share',
  'vn_source', 'vn_medium', 'vn_campaign', 'vn_term', 'vn_content', 'vnexpress', 's_cid', 'itm_source',
  'itm_medium', 'itm_campaign', 'itm_content',
]);

/** Parameter name prefixes (lower-case) that only track the visit. */
const TRACKING_PREFIXES = ['utm_', 'zalo', 'fb_', 'vn_', 'pk_', 'mtm_', 'oly_', 'hmb_', 'at_'];

function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/**
 * Normalise an article URL so that every way of linking to one article gives one string.
 *
 * Lower-cases scheme and host (the WHATWG parser does that and drops default ports), drops the
 * fragment, removes tracking parameters (`utm_*`, `fbclid`, `gclid`, `zarsrc`, Zalo's `gidzl`,
 * `_ga`, `ref`, VnExpress `vn_*` …) and sorts the remaining parameters by name so their order
 * does not matter.
 *
 * @param url absolute URL, or a relative one when `base` is given
 * @param base URL the relative `url` is resolved against (the feed or page URL)
 * @throws PermanentError `invalid_url` when the input is not an http(s) URL
 */
export function canonicalizeUrl(url: string, base?: string): string {
  const trimmed = url.trim().normalize('NFC');
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch (err) {
    const where = base === undefined ? '' : ` (relative to ${base})`;
    throw new PermanentError('invalid_url', `not a valid URL: "${truncate(trimmed)}"${where}`, { cause: err });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new PermanentError('invalid_url', `not an http(s) URL: "${truncate(trimmed)}"`);
  }
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.slice(0, -1);

  const kept = [...parsed.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
  // Stable sort by name only: repeated keys keep their relative order, which may matter.
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  parsed.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  return parsed.toString();
}

/** Item id: sha1 hex of the canonical URL (call {@link canonicalizeUrl} first). */
export function itemIdFor(canonicalUrl: string): string {
  return createHash('sha1').update(canonicalUrl, 'utf8').digest('hex');
}

function truncate(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/**
 * The non-AMP URL of a page already known to be AMP (`<html amp>`) that declares no canonical:
 * drops a trailing `/amp` or `.amp` segment and `amp`/`amp=1` parameters. Never call it on URLs
 * not known to be AMP: a path may legitimately end in "amp".
 */
export function deAmpUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname =
    parsed.pathname.replace(/\/amp\/?$/i, '').replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '') || '/';
  parsed.searchParams.delete('amp');
  parsed.searchParams.delete('outputType');
  return parsed.toString();
}
