/** Elasticsearch adapter of the Store port. */
export { createElasticsearchStore } from './elasticsearch-store.js';
export type { ElasticsearchStore, ElasticsearchStoreOptions } from './elasticsearch-store.js';
export type { SignificantTerm, SignificantTermsOptions, ExportOptions } from './analytics.js';
export { runBulk, batches } from './bulk.js';
export type { BulkOperation, BulkOptions, BulkOutcome } from './bulk.js';
export { indexNames, monthlyIndexName, itemsTemplateBody, ITEM_MAPPINGS } from './mappings.js';
export { retentionCutoff } from './retention.js';
export { importKibanaSavedObjects, retargetPattern } from './kibana.js';
export type { KibanaImportOptions, KibanaImportResult } from './kibana.js';
