/**
 * Node-only A/B of item mapping and document variants: the same fixture items, serialised once
 * per variant, are bulk-indexed into a fresh index per variant (2 requests in flight, refresh off,
 * a final refresh counted), variants alternating per round. Prints the node's CPU ms per document
 * (`_nodes/_local/stats/process`, so use a node of your own) and the store size per document.
 * The client's cost is left out on purpose: this isolates what a mapping change costs the node.
 *
 *   ES_URL=http://127.0.0.1:9281 N=60000 ROUNDS=2 ONLY=current,v2 npx tsx tests/elasticsearch-node/node-ab.ts
 */
import { Client } from '@elastic/elasticsearch';
import { benchItem, FIXTURE_SEED } from '../../bench/fixtures-1m.js';
import { itemToDocument, labelsHash, type ItemDocument } from '../../src/store/elasticsearch/documents.js';
import { itemsTemplateBody } from '../../src/store/elasticsearch/mappings.js';
import { createRng } from '../../src/trends/random.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Variant {
  name: string;
  /** Edits a copy of the current items mapping. */
  mapping?: (mappings: Json) => void;
  /** The body line of one document. */
  line: (document: ItemDocument) => string;
}

const url = process.env.ES_URL ?? 'http://127.0.0.1:9281';
const docs = Number(process.env.N ?? 60_000);
const rounds = Number(process.env.ROUNDS ?? 2);
const only = (process.env.ONLY ?? '').split(',').filter(Boolean);

/** Mapping version 2 as it was: _source excludes, norms everywhere, full shingles, url doc values. */
const asVersion2 = (m: Json) => {
  m._source = { excludes: ['*_folded'] };
  for (const field of ['title', 'lead', 'text']) delete m.properties[field].norms;
  m.properties.title.fields.shingles = { type: 'text', analyzer: 'pulse_shingles' };
  m.properties.url = { type: 'keyword' };
};
const asJson = (d: ItemDocument) => JSON.stringify(d);
/** Top-level nulls and empty arrays left out (measured: no gain on the node, so not adopted). */
const withoutEmpty = (d: ItemDocument) =>
  JSON.stringify(Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))));
const VARIANTS: Variant[] = [
  { name: 'v2', mapping: asVersion2, line: asJson },
  { name: 'v2-nulls-omitted', mapping: asVersion2, line: withoutEmpty },
  { name: 'v2-no-excludes', mapping: (m) => { asVersion2(m); delete m._source; }, line: asJson },
  { name: 'current', line: asJson },
];

const client = new Client({ node: url, requestTimeout: 600_000 });
const random = createRng(FIXTURE_SEED);
const documents = Array.from({ length: docs }, (_, k) => {
  const item = benchItem(k, 1_000_000, random);
  return itemToDocument(item, labelsHash(item.labels));
});
const variants = VARIANTS.filter((v) => only.length === 0 || only.includes(v.name));

async function nodeCpuMs(): Promise<number> {
  const stats = await client.nodes.stats({ node_id: '_local', metric: 'process' });
  return Object.values(stats.nodes)[0]?.process?.cpu?.total_in_millis ?? Number.NaN;
}

function bodies(variant: Variant, index: string): Buffer[] {
  const out: Buffer[] = [];
  for (let start = 0; start < documents.length; start += 2000) {
    const lines = documents.slice(start, start + 2000).map((d) => `${JSON.stringify({ index: { _index: index, _id: d.id } })}\n${variant.line(d)}\n`);
    out.push(Buffer.from(lines.join('')));
  }
  return out;
}

const results = new Map<string, number[]>();
for (let round = 0; round < rounds; round++) {
  for (const variant of variants) {
    const index = `node-ab-${variant.name}`;
    const template = itemsTemplateBody('node-ab', { replicas: 0, refreshInterval: '30s' });
    const mappings = JSON.parse(JSON.stringify(template.template.mappings)) as Json;
    variant.mapping?.(mappings);
    await client.indices.delete({ index }).catch(() => undefined);
    await client.indices.create({ index, settings: template.template.settings, mappings } as Parameters<Client['indices']['create']>[0]);
    const queue = bodies(variant, index);
    const before = await nodeCpuMs();
    const send = async () => {
      for (let body = queue.shift(); body; body = queue.shift()) {
        const response = (await client.transport.request({ method: 'POST', path: '/_bulk', querystring: { filter_path: 'errors' }, bulkBody: body })) as { errors?: boolean };
        if (response.errors) throw new Error(`node-ab: bulk item errors in variant ${variant.name}`);
      }
    };
    await Promise.all([send(), send()]);
    await client.indices.refresh({ index });
    const msPerDoc = ((await nodeCpuMs()) - before) / docs;
    results.set(variant.name, [...(results.get(variant.name) ?? []), msPerDoc]);
    const stats = await client.indices.stats({ index, metric: 'store' });
    const bytes = stats._all.primaries?.store?.size_in_bytes ?? Number.NaN;
    console.log(`round ${round} ${variant.name.padEnd(18)} node ${msPerDoc.toFixed(4)} ms/doc  store ${Math.round(bytes / docs)} B/doc`);
    await client.indices.delete({ index });
  }
}
for (const [name, values] of results) console.log(`${name.padEnd(18)} mean ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(4)} ms/doc over ${values.length}`);
await client.close();
