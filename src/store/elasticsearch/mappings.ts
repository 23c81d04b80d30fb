/**
 * Index names, the items index template and the side indices (sources, quarantine).
 *
 * Everything here works on a bare Elasticsearch core node: only the `standard` analyzer and the
 * core `lowercase` and `shingle` token filters are used. Accent folding happens in the
 * application (`*_folded` fields), because `asciifolding` lives in the analysis-common module and
 * would not map `đ` to `d` anyway.
 */

/** Names derived from the configured prefix. */
export interface IndexNames {
  /** Alias over every monthly items index; reads and id look-ups go through it. */
  itemsAlias: string;
  /** Pattern matching the monthly indices. */
  itemsPattern: string;
  /** Name of the composable index template. */
  itemsTemplate: string;
  /** One document per source, id = sourceId. */
  sources: string;
  /** Items Elasticsearch refused to index (mapping errors), kept with the reason. */
  quarantine: string;
}

/** Index names for a prefix such as `pulse`. */
export function indexNames(prefix: string): IndexNames {
  return {
    itemsAlias: `${prefix}-items`,
    itemsPattern: `${prefix}-items-*`,
    itemsTemplate: `${prefix}-items`,
    sources: `${prefix}-sources`,
    quarantine: `${prefix}-quarantine`,
  };
}

/** Monthly index for an instant: `<prefix>-items-YYYY.MM`, by UTC month. */
export function monthlyIndexName(prefix: string, publishedAt: string): string {
  const date = new Date(publishedAt);
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${prefix}-items-${date.getUTCFullYear()}.${month}`;
}

/** Parse the month out of a monthly index name; `null` when the name is not one. */
export function monthOfIndex(prefix: string, index: string): { year: number; month: number } | null {
  const match = new RegExp(`^${escapeRegExp(prefix)}-items-(\\d{4})\\.(\\d{2})$`).exec(index);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const KEYWORD = { type: 'keyword' } as const;
/** Stored in _source only: round-trip exact values without indexing them. */
const NOT_INDEXED_KEYWORD = { type: 'keyword', index: false, doc_values: false } as const;

/**
 * Accent-kept text: standard tokenizer + lowercase (the exact-accent ranking tier). These fields
 * are only ever queried inside `constant_score` (a yes/no tier), never scored, so they carry no
 * norms (mapping version 3).
 */
function exactText(extra: Record<string, unknown> = {}) {
  return { type: 'text', analyzer: 'standard', norms: false, ...extra };
}

/**
 * A shingle subfield: 2–3 syllable phrases, for phrase statistics (significant terms on titles).
 * Only the title has one: nothing queries lead shingles, and analysing every lead a second time
 * for them was a measurable part of the bulk cost (mapping version 2).
 */
const SHINGLES = {
  // significant_text counts documents per phrase: no frequencies, positions or norms needed (v3).
  shingles: { type: 'text', analyzer: 'pulse_shingles', index_options: 'docs', norms: false },
} as const;

/**
 * Application-folded text (đ→d, no diacritics), copied into `all_folded` for matching. Kept in
 * _source (see ITEM_MAPPINGS). `indexed: false` skips the field's own index when only the
 * combined copy is needed (body text: it is the bulk of the indexing cost). The indexed ones (title, lead) only feed BM25
 * scoring (`multi_match` most_fields), which reads term frequencies and norms, never positions:
 * `index_options: freqs` gives identical scores without writing positions.
 */
function foldedText(indexed = true) {
  return { type: 'text', analyzer: 'standard', copy_to: 'all_folded', ...(indexed ? { index_options: 'freqs' } : { index: false }) };
}

/**
 * Version of the items template (`version` of the index template and `_meta.mappingVersion`).
 * A template applies to indices created after it, i.e. the next monthly index; older monthly
 * indices keep the mapping they were created with and stay readable (see docs/ELASTICSEARCH.md,
 * "Mapping versions"). Bump on every mapping or analysis change.
 *
 * 1: first release. 2: no `lead.shingles`; `title_folded`/`lead_folded` without positions.
 * 3: no `_source` excludes; no norms on the unscored exact-accent fields; `title.shingles` with
 * `index_options: docs`; `url` without doc values.
 */
export const ITEMS_TEMPLATE_VERSION = 3;

/** Field mappings of an item document; `dynamic: strict` turns unknown fields into mapping errors. */
export const ITEM_MAPPINGS = {
  dynamic: 'strict',
  // No `_source.excludes` (mapping version 3): filtering the source makes the node parse every
  // document into a map and write it again, and it then also stores the unfiltered original as
  // `_recovery_source` for replica recovery, so the excludes cost ~20 % of the node's indexing CPU
  // and made the store *larger* (2.30 vs 1.66 kB per bench item). Reads ask for
  // ITEM_SOURCE_FIELDS only, so the folded copies never leave the node.
  properties: {
    id: KEYWORD,
    /** Never sorted or aggregated (tables show it from _source), so no doc values (v3). */
    url: { type: 'keyword', doc_values: false },
    sourceId: KEYWORD,
    sourceName: KEYWORD,
    tier: KEYWORD,
    sourceProvince: KEYWORD,
    title: exactText({ fields: { ...SHINGLES, raw: { type: 'keyword', ignore_above: 1024 } } }),
    lead: exactText(),
    text: exactText(),
    title_folded: foldedText(),
    lead_folded: foldedText(),
    text_folded: foldedText(false),
    /** Folded title + lead + text: every query term must occur here. */
    all_folded: { type: 'text', analyzer: 'standard' },
    author: KEYWORD,
    section: KEYWORD,
    tags: KEYWORD,
    publishedAt: { type: 'date', format: 'strict_date_optional_time' },
    modifiedAt: { type: 'date', format: 'strict_date_optional_time' },
    fetchedAt: { type: 'date', format: 'strict_date_optional_time' },
    imageUrl: NOT_INDEXED_KEYWORD,
    partial: { type: 'boolean' },
    partialReason: KEYWORD,
    contentHash: KEYWORD,
    /** The analyser's labels exactly as given (evidence, byTopic…), for a lossless round trip. */
    labels: { type: 'object', enabled: false },
    /** sha1 of the canonical labels JSON: tells an unchanged re-upsert from a relabel. */
    labelsHash: KEYWORD,
    labelled: { type: 'boolean' },
    modelVersion: KEYWORD,
    /**
     * Facets flattened out of labels for filters, terms aggregations and Kibana. Plain keywords,
     * not nested objects: nested entries are extra Lucene documents per item and Kibana's editors
     * cannot aggregate them.
     */
    topics: KEYWORD,
    /** Topic ids, or `unlabelled` when the item has no labels yet (series key). */
    topicKeys: KEYWORD,
    sentiment: KEYWORD,
    /** Sentiment label, or `unlabelled` (series key). */
    sentimentKey: KEYWORD,
    sentimentScore: { type: 'float' },
    sentimentConfidence: { type: 'float' },
    policies: KEYWORD,
    provinces: KEYWORD,
    storyId: KEYWORD,
    simhash: KEYWORD,
    /** `type:id` of every entity (e.g. `agency:bo-gtvt`); the names stay in `labels`. */
    entityIds: KEYWORD,
  },
} as const;

/** Analysis settings: only core token filters, so a bare node accepts them. */
export const ITEM_ANALYSIS = {
  filter: {
    pulse_shingle: { type: 'shingle', min_shingle_size: 2, max_shingle_size: 3, output_unigrams: false },
  },
  analyzer: {
    pulse_shingles: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'pulse_shingle'] },
  },
} as const;

/** Index-level knobs the deployment may tune. */
export interface IndexSettingsOptions {
  shards?: number;
  replicas?: number;
  refreshInterval?: string;
  /**
   * `index.translog.durability`. `request` (Elasticsearch's default) fsyncs the translog before a
   * write is acknowledged; `async` fsyncs every 5 s, so a node crash can lose the last seconds of
   * acknowledged writes: for a bulk load that can be re-run, never for the pipeline's writes.
   */
  translogDurability?: 'request' | 'async';
}

/** Body of `PUT _index_template/<prefix>-items`. Every new monthly index joins the alias. */
export function itemsTemplateBody(prefix: string, options: IndexSettingsOptions = {}) {
  const names = indexNames(prefix);
  return {
    name: names.itemsTemplate,
    index_patterns: [names.itemsPattern],
    // Above the built-in templates (priority ≤ 100) so a prefix like `logs` cannot be captured.
    priority: 500,
    template: {
      settings: {
        number_of_shards: options.shards ?? 1,
        ...(options.replicas === undefined ? {} : { number_of_replicas: options.replicas }),
        refresh_interval: options.refreshInterval ?? '1s',
        ...(options.translogDurability ? { 'translog.durability': options.translogDurability } : {}),
        analysis: ITEM_ANALYSIS,
      },
      mappings: { ...ITEM_MAPPINGS, _meta: { mappingVersion: ITEMS_TEMPLATE_VERSION } },
      aliases: { [names.itemsAlias]: {} },
    },
    version: ITEMS_TEMPLATE_VERSION,
    _meta: { description: 'policy-pulse items, one index per UTC month', mappingVersion: ITEMS_TEMPLATE_VERSION },
  };
}

/** Mappings of the source-health index; values are kept verbatim (ISO strings stay strings). */
export const SOURCES_MAPPINGS = {
  dynamic: 'strict',
  properties: {
    sourceId: KEYWORD,
    lastPollAt: KEYWORD,
    lastSuccessAt: KEYWORD,
    lastStatus: KEYWORD,
    lastError: { type: 'text', fields: { raw: { type: 'keyword', ignore_above: 1024 } } },
    consecutiveFailures: { type: 'integer' },
    lastEntries: { type: 'integer' },
    lastNew: { type: 'integer' },
    etag: NOT_INDEXED_KEYWORD,
    lastModified: NOT_INDEXED_KEYWORD,
    pollIntervalSec: { type: 'integer' },
    nextPollAt: KEYWORD,
    errorCounts: { type: 'object', enabled: false },
  },
} as const;

/** Mappings of the quarantine index: the refused item kept whole as JSON text. */
export const QUARANTINE_MAPPINGS = {
  dynamic: 'strict',
  properties: {
    itemId: KEYWORD,
    targetIndex: KEYWORD,
    errorType: KEYWORD,
    reason: { type: 'text' },
    quarantinedAt: { type: 'date' },
    itemJson: NOT_INDEXED_KEYWORD,
  },
} as const;
