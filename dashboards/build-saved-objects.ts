/**
 * Source of dashboards/policy-pulse.ndjson: the Kibana saved objects (data view, visualisations,
 * saved search, dashboard) for an Elasticsearch deployment. Regenerate after editing:
 *
 *   npx tsx dashboards/build-saved-objects.ts > dashboards/policy-pulse.ndjson
 *
 * Aggregation-based visualisations and one Vega spec are used because they are plain JSON that
 * Kibana 8.x migrates on import; the Vega panel runs `significant_text` on title shingles, which
 * no point-and-click editor offers.
 */

/** Data view id every object references. */
export const DATA_VIEW_ID = 'pulse-items-data-view';
/** Index pattern of the data view for the default prefix `pulse`. */
export const DEFAULT_PATTERN = 'pulse-items*';

type SavedObject = {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  references: { type: string; id: string; name: string }[];
  coreMigrationVersion?: string;
};

const dataViewRef = [{ type: 'index-pattern', id: DATA_VIEW_ID, name: 'kibanaSavedObjectMeta.searchSourceJSON.index' }];

function searchSource(query = '', filter: unknown[] = []): { searchSourceJSON: string } {
  return {
    searchSourceJSON: JSON.stringify({ query: { query, language: 'kuery' }, filter, indexRefName: 'kibanaSavedObjectMeta.searchSourceJSON.index' }),
  };
}

function visualization(id: string, title: string, description: string, visState: Record<string, unknown>, query = ''): SavedObject {
  return {
    type: 'visualization',
    id,
    attributes: {
      title,
      description,
      visState: JSON.stringify({ title, ...visState }),
      uiStateJSON: '{}',
      version: 1,
      kibanaSavedObjectMeta: searchSource(query),
    },
    references: dataViewRef,
  };
}

const dateHistogram = { id: '2', enabled: true, type: 'date_histogram', schema: 'segment', params: { field: 'publishedAt', interval: 'auto', min_doc_count: 1, extended_bounds: {} } };
const count = { id: '1', enabled: true, type: 'count', schema: 'metric', params: {} };
const terms = (id: string, field: string, size: number, schema: string) => ({
  id, enabled: true, type: 'terms', schema, params: { field, size, order: 'desc', orderBy: '1', otherBucket: false, missingBucket: false },
});

const volumeByTopic = visualization('pulse-volume-by-topic', 'Khối lượng tin theo chủ đề / Volume by topic', 'Items per time bucket split by topic (unlabelled = not analysed yet).', {
  type: 'histogram',
  params: { type: 'histogram', addLegend: true, legendPosition: 'right', addTooltip: true, seriesParams: [{ data: { id: '1', label: 'Count' }, mode: 'stacked', type: 'histogram', show: true, valueAxis: 'ValueAxis-1' }] },
  aggs: [count, dateHistogram, terms('3', 'topicKeys', 10, 'group')],
});

const sentimentShare = visualization('pulse-sentiment-share', 'Tỷ lệ sắc thái / Sentiment share', 'Share of positive, negative, neutral and unlabelled items.', {
  type: 'pie',
  params: { type: 'pie', addLegend: true, legendPosition: 'right', isDonut: true, labels: { show: true, values: true, percentDecimals: 1 } },
  aggs: [count, terms('2', 'sentimentKey', 5, 'segment')],
});

const negativeByOutlet = visualization('pulse-negative-by-outlet', 'Tin tiêu cực theo cơ quan báo chí / Negative volume by outlet', 'Negative items per outlet.', {
  type: 'horizontal_bar',
  params: { type: 'histogram', addLegend: false, addTooltip: true },
  aggs: [count, terms('2', 'sourceName', 20, 'segment'), terms('3', 'tier', 5, 'group')],
}, 'sentiment : "negative"');

const provinceTable = visualization('pulse-by-province', 'Theo tỉnh, thành / By province', 'Items per province (post-2025 units), split by sentiment.', {
  type: 'table',
  params: { perPage: 34, showPartialRows: false, showMetricsAtAllLevels: false, showTotal: true, totalFunc: 'sum' },
  aggs: [count, terms('2', 'provinces', 40, 'bucket'), terms('3', 'sentimentKey', 4, 'split')],
});

const negativeStoriesTable = visualization('pulse-top-negative-stories', 'Chuỗi tin tiêu cực nổi bật / Top negative stories', 'Near-duplicate stories with the most negative items, with their outlets.', {
  type: 'table',
  params: { perPage: 20, showPartialRows: false, showMetricsAtAllLevels: false, showTotal: false },
  aggs: [
    count,
    terms('2', 'storyId', 20, 'bucket'),
    { id: '3', enabled: true, type: 'cardinality', schema: 'metric', params: { field: 'sourceId', customLabel: 'Outlets' } },
    { id: '4', enabled: true, type: 'top_hits', schema: 'metric', params: { field: 'title.raw', aggregate: 'concat', size: 1, sortField: 'publishedAt', sortOrder: 'desc', customLabel: 'Latest title' } },
  ],
}, 'sentiment : "negative"');

const significantTermsVega: SavedObject = {
  type: 'visualization',
  id: 'pulse-significant-terms',
  attributes: {
    title: 'Cụm từ nổi lên / Emerging phrases',
    description: 'significant_text on 2–3 syllable title shingles: phrases over-represented in the selected time range.',
    visState: JSON.stringify({
      title: 'Cụm từ nổi lên / Emerging phrases',
      type: 'vega',
      aggs: [],
      params: {
        spec: JSON.stringify({
          $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
          data: {
            url: {
              index: DEFAULT_PATTERN,
              '%context%': true,
              '%timefield%': 'publishedAt',
              body: {
                size: 0,
                aggs: {
                  sample: {
                    sampler: { shard_size: 2000 },
                    aggs: { phrases: { significant_text: { field: 'title.shingles', source_fields: ['title'], size: 25, filter_duplicate_text: true } } },
                  },
                },
              },
            },
            format: { property: 'aggregations.sample.phrases.buckets' },
          },
          mark: 'bar',
          encoding: {
            y: { field: 'key', type: 'nominal', sort: '-x', title: null },
            x: { field: 'score', type: 'quantitative', title: 'significance' },
            tooltip: [{ field: 'key' }, { field: 'doc_count', title: 'items' }, { field: 'bg_count', title: 'background' }],
          },
        }, null, 2),
      },
    }),
    uiStateJSON: '{}',
    version: 1,
    kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }) },
  },
  references: [],
};

const negativeSearch: SavedObject = {
  type: 'search',
  id: 'pulse-negative-items',
  attributes: {
    title: 'Tin tiêu cực mới nhất / Latest negative items',
    description: 'Negative items, newest first.',
    columns: ['title', 'sourceName', 'tier', 'topics', 'provinces', 'sentimentScore', 'url'],
    sort: [['publishedAt', 'desc']],
    kibanaSavedObjectMeta: searchSource('sentiment : "negative"'),
  },
  references: dataViewRef,
};

const dataView: SavedObject = {
  type: 'index-pattern',
  id: DATA_VIEW_ID,
  attributes: { title: DEFAULT_PATTERN, name: 'policy-pulse items', timeFieldName: 'publishedAt' },
  references: [],
};

const panels = [volumeByTopic, sentimentShare, negativeByOutlet, significantTermsVega, negativeStoriesTable, provinceTable, negativeSearch];
const layout = [
  { x: 0, y: 0, w: 32, h: 15 }, { x: 32, y: 0, w: 16, h: 15 },
  { x: 0, y: 15, w: 24, h: 15 }, { x: 24, y: 15, w: 24, h: 15 },
  { x: 0, y: 30, w: 24, h: 18 }, { x: 24, y: 30, w: 24, h: 18 },
  { x: 0, y: 48, w: 48, h: 18 },
];

const dashboard: SavedObject = {
  type: 'dashboard',
  id: 'pulse-overview',
  attributes: {
    title: 'policy-pulse: Tổng quan truyền thông chính sách / Overview',
    description: 'Volume, sentiment, outlets, stories, emerging phrases and provinces.',
    timeRestore: true,
    timeFrom: 'now-7d',
    timeTo: 'now',
    refreshInterval: { pause: false, value: 300000 },
    optionsJSON: JSON.stringify({ useMargins: true, syncColors: false, hidePanelTitles: false }),
    panelsJSON: JSON.stringify(
      panels.map((_, i) => ({ version: '8.19.0', type: panels[i]?.type, gridData: { ...layout[i], i: String(i + 1) }, panelIndex: String(i + 1), embeddableConfig: {}, panelRefName: `panel_${i}` })),
    ),
    kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }) },
  },
  references: panels.map((p, i) => ({ type: p.type, id: p.id, name: `panel_${i}` })),
};

/** Every saved object, dependencies first (Kibana's export order). */
export const SAVED_OBJECTS: SavedObject[] = [dataView, ...panels, dashboard];

/** The NDJSON text written to dashboards/policy-pulse.ndjson. */
export function renderNdjson(): string {
  return SAVED_OBJECTS.map((o) => JSON.stringify(o)).join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(renderNdjson());
