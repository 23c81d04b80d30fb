import { readFile } from 'node:fs/promises';

/** Pattern the shipped saved objects use for the default index prefix `pulse`. */
export const SHIPPED_ITEMS_PATTERN = 'pulse-items*';

/** Options of {@link importKibanaSavedObjects}. */
export interface KibanaImportOptions {
  /** Kibana base URL, e.g. `http://127.0.0.1:5601`. */
  kibanaUrl: string;
  /** NDJSON file of saved objects (dashboards/policy-pulse.ndjson). */
  file: string;
  /** Index prefix of this deployment; the data view and Vega queries are rewritten to it. @defaultValue 'pulse' */
  indexPrefix?: string;
  /** Kibana space; default space when absent. */
  space?: string;
  auth?: { username: string; password: string } | { apiKey: string };
  /** Injected for tests. */
  fetchImpl?: typeof fetch;
}

/** Kibana's answer to an import. */
export interface KibanaImportResult {
  success: boolean;
  successCount: number;
  errors: { id: string; type: string; error: unknown }[];
}

/**
 * Load the saved objects into Kibana through `POST /api/saved_objects/_import?overwrite=true`
 * (what `pulse kibana import` calls). Re-running replaces the objects, so it is idempotent.
 * Throws with Kibana's message when the request fails or any object is refused.
 */
export async function importKibanaSavedObjects(options: KibanaImportOptions): Promise<KibanaImportResult> {
  const prefix = options.indexPrefix ?? 'pulse';
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(prefix)) throw new Error(`Kibana import: bad index prefix ${JSON.stringify(prefix)}`);
  const ndjson = retargetPattern(await readFile(options.file, 'utf8'), prefix);
  const form = new FormData();
  form.append('file', new Blob([ndjson], { type: 'application/ndjson' }), 'policy-pulse.ndjson');
  const base = options.kibanaUrl.replace(/\/+$/, '');
  const space = options.space ? `/s/${encodeURIComponent(options.space)}` : '';
  const headers: Record<string, string> = { 'kbn-xsrf': 'policy-pulse' };
  if (options.auth && 'apiKey' in options.auth) headers.authorization = `ApiKey ${options.auth.apiKey}`;
  else if (options.auth) headers.authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;

  const response = await (options.fetchImpl ?? fetch)(`${base}${space}/api/saved_objects/_import?overwrite=true`, { method: 'POST', headers, body: form });
  const text = await response.text();
  if (!response.ok) throw new Error(`Kibana import failed: HTTP ${response.status} from ${base}: ${text.slice(0, 500)}`);
  const body = JSON.parse(text) as Partial<KibanaImportResult>;
  const result = { success: body.success === true, successCount: body.successCount ?? 0, errors: body.errors ?? [] };
  if (!result.success || result.errors.length > 0) {
    throw new Error(`Kibana refused ${result.errors.length} saved objects: ${JSON.stringify(result.errors).slice(0, 1000)}`);
  }
  return result;
}

/** Point the shipped objects at `<prefix>-items*` (data view title and Vega `index`). */
export function retargetPattern(ndjson: string, prefix: string): string {
  return prefix === 'pulse' ? ndjson : ndjson.split(SHIPPED_ITEMS_PATTERN).join(`${prefix}-items*`);
}
