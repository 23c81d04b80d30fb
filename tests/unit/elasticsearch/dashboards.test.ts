/**
 * dashboards/policy-pulse.ndjson: parses, is up to date with its generator, every reference
 * resolves, and every field a saved object uses exists in the items index template with a type
 * that fits its use (aggregations on keyword/date/numeric, full text on text). Plus the Kibana
 * import call against a local stand-in of Kibana's API.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderNdjson } from '../../../dashboards/build-saved-objects.js';
import { ITEM_MAPPINGS, importKibanaSavedObjects, retargetPattern } from '../../../src/store/elasticsearch/index.js';

const file = fileURLToPath(new URL('../../../dashboards/policy-pulse.ndjson', import.meta.url));
const ndjson = readFileSync(file, 'utf8');
const objects = ndjson.trim().split('\n').map((line) => JSON.parse(line) as SavedObject);

interface SavedObject {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  references: { type: string; id: string; name: string }[];
}

/** Flatten the template mappings to `path → type`, subfields included (`title.raw`). */
function mappedFields(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (props: Record<string, any>, prefix: string) => {
    for (const [name, def] of Object.entries(props)) {
      const path = `${prefix}${name}`;
      out.set(path, def.type ?? 'object');
      if (def.properties) walk(def.properties, `${path}.`);
      for (const [sub, subDef] of Object.entries<any>(def.fields ?? {})) out.set(`${path}.${sub}`, subDef.type);
    }
  };
  walk(ITEM_MAPPINGS.properties as Record<string, any>, '');
  return out;
}

const fields = mappedFields();
const AGGREGATABLE = new Set(['keyword', 'date', 'float', 'integer', 'long', 'boolean']);

/** Every field name a saved object uses, with how it is used. */
function usedFields(o: SavedObject): { field: string; use: 'aggregate' | 'text' | 'display' | 'date' }[] {
  const used: { field: string; use: 'aggregate' | 'text' | 'display' | 'date' }[] = [];
  const kuery = (q: string) => {
    for (const m of q.matchAll(/([A-Za-z_][\w.]*)\s*:/g)) used.push({ field: m[1] as string, use: 'aggregate' });
  };
  const meta = o.attributes.kibanaSavedObjectMeta as { searchSourceJSON?: string } | undefined;
  if (meta?.searchSourceJSON) kuery((JSON.parse(meta.searchSourceJSON).query?.query as string) ?? '');
  if (o.type === 'index-pattern') used.push({ field: o.attributes.timeFieldName as string, use: 'date' });
  if (o.type === 'search') {
    for (const c of o.attributes.columns as string[]) used.push({ field: c, use: 'display' });
    for (const [f] of o.attributes.sort as [string, string][]) used.push({ field: f, use: 'aggregate' });
  }
  if (o.type === 'visualization') {
    const vis = JSON.parse(o.attributes.visState as string);
    for (const agg of vis.aggs as { type: string; params: Record<string, string> }[]) {
      if (agg.params.field) used.push({ field: agg.params.field, use: agg.type === 'date_histogram' ? 'date' : 'aggregate' });
      if (agg.params.sortField) used.push({ field: agg.params.sortField, use: 'aggregate' });
    }
    if (vis.type === 'vega') {
      const spec = JSON.parse(vis.params.spec);
      used.push({ field: spec.data.url['%timefield%'], use: 'date' });
      const walk = (node: any) => {
        if (node && typeof node === 'object') {
          if (node.significant_text) {
            used.push({ field: node.significant_text.field, use: 'text' });
            for (const f of node.significant_text.source_fields) used.push({ field: f, use: 'text' });
          }
          Object.values(node).forEach(walk);
        }
      };
      walk(spec.data.url.body);
    }
  }
  return used;
}

describe('dashboards/policy-pulse.ndjson', () => {
  it('is exactly what dashboards/build-saved-objects.ts renders (regenerate after edits)', () => {
    expect(ndjson).toBe(renderNdjson());
  });

  it('holds a data view, the six panels and one dashboard assembling them', () => {
    const byType = (t: string) => objects.filter((o) => o.type === t).map((o) => o.id);
    expect(byType('index-pattern')).toEqual(['pulse-items-data-view']);
    expect(byType('visualization').sort()).toEqual(
      ['pulse-by-province', 'pulse-negative-by-outlet', 'pulse-sentiment-share', 'pulse-significant-terms', 'pulse-top-negative-stories', 'pulse-volume-by-topic'],
    );
    const dashboard = objects.find((o) => o.type === 'dashboard');
    const panels = JSON.parse(dashboard?.attributes.panelsJSON as string) as { panelRefName: string }[];
    expect(panels.map((p) => p.panelRefName).sort()).toEqual(dashboard?.references.map((r) => r.name).sort());
    expect(dashboard?.references).toHaveLength(objects.length - 2);
  });

  it('resolves every reference to an object in the file', () => {
    const ids = new Set(objects.map((o) => `${o.type}:${o.id}`));
    for (const o of objects) for (const r of o.references) expect(ids, `${o.id} → ${r.type}:${r.id}`).toContain(`${r.type}:${r.id}`);
  });

  it.each(objects.map((o) => [o.id, o] as const))('%s uses only fields of the index template, of a fitting type', (_id, o) => {
    for (const { field, use } of usedFields(o)) {
      const type = fields.get(field);
      expect(type, `${o.id} uses unknown field ${field}`).toBeDefined();
      if (use === 'aggregate') expect(AGGREGATABLE, `${o.id}: ${field} (${type}) cannot be aggregated`).toContain(type);
      if (use === 'date') expect(type).toBe('date');
      if (use === 'text') expect(type).toBe('text');
    }
  });

  it('the field check itself catches an unknown field', () => {
    const broken = structuredClone(objects.find((o) => o.id === 'pulse-sentiment-share')) as SavedObject;
    broken.attributes.visState = (broken.attributes.visState as string).replace('sentimentKey', 'sentimentLabel');
    expect(usedFields(broken).some(({ field }) => !fields.has(field))).toBe(true);
  });
});

describe('importKibanaSavedObjects', () => {
  it('posts the NDJSON as multipart with kbn-xsrf, retargeted to the prefix, and reports success', async () => {
    let seen: { url?: string; xsrf?: string; auth?: string; body: string } = { body: '' };
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      seen = { url: req.url, xsrf: req.headers['kbn-xsrf'] as string, auth: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: true, successCount: objects.length }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const kibanaUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const result = await importKibanaSavedObjects({ kibanaUrl, file, indexPrefix: 'bo-tt', space: 'press', auth: { apiKey: 'k1' } });
      expect(result).toEqual({ success: true, successCount: objects.length, errors: [] });
      expect(seen.url).toBe('/s/press/api/saved_objects/_import?overwrite=true');
      expect(seen.xsrf).toBeTruthy();
      expect(seen.auth).toBe('ApiKey k1');
      expect(seen.body).toContain('filename="policy-pulse.ndjson"');
      expect(seen.body).toContain('"title":"bo-tt-items*"');
      expect(seen.body).not.toContain('pulse-items*');
    } finally {
      server.close();
    }
  });

  it('throws with Kibana’s errors when an object is refused', async () => {
    const fakeFetch = (async () => new Response(JSON.stringify({ success: false, successCount: 0, errors: [{ id: 'x', type: 'visualization', error: { type: 'missing_references' } }] }))) as typeof fetch;
    await expect(importKibanaSavedObjects({ kibanaUrl: 'http://kibana.invalid', file, fetchImpl: fakeFetch })).rejects.toThrow(/refused 1 saved objects.*missing_references/);
    expect(retargetPattern('{"title":"pulse-items*"}', 'pulse')).toBe('{"title":"pulse-items*"}');
  });
});
