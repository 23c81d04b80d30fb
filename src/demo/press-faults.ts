/** Faults the press server can inject per outlet, for tests of the crawler's error handling. */

/** Faults of one outlet. All off by default. */
export interface OutletFaults {
  /** The feed/sitemap is malformed XML (truncated mid-element); a listing page loses its list. */
  broken?: boolean;
  /** The feed/sitemap/listing answers 500. */
  status500?: boolean;
  /** The feed/sitemap/listing answers 429 with `Retry-After: <seconds>`. */
  tooManyRequests?: number;
  /** Every response of the outlet is delayed by this many milliseconds. */
  slow?: number;
  /** Every request of the outlet hangs: headers are never sent (closed only by `close()`). */
  hang?: boolean;
  /** Feeds carry different guids/ids for the same articles (a CMS migration). */
  changeGuids?: boolean;
  /** The feed works but article pages (and AMP pages) answer 404. */
  articlePage404?: boolean;
  /** Text responses claim `charset=iso-8859-1` while the bytes are UTF-8 (fixed by `forceCharset`). */
  mislabelledCharset?: boolean;
}

/** Faults by outlet id. */
export type PressFaults = Record<string, OutletFaults>;

/** Makes XML malformed the way a crashed CMS does: cut mid-element, with an unescaped ampersand. */
export function breakXml(xml: string): string {
  const cut = Math.max(80, Math.floor(xml.length * 0.6));
  return `${xml.slice(0, cut)}<item><title>Lỗi & hệ thống</titl`;
}
