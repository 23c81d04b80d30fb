/**
 * Runs the press server on its own, for browsing the demo outlets or pointing a crawler at them:
 * `npx tsx src/demo/serve.ts --port 8088 [--seed 7] [--articles 320] [--anchor 2025-03-01T00:00:00Z]`.
 */
import { parseArgs } from 'node:util';
import { startPressServer } from './press-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8088' },
    seed: { type: 'string' },
    articles: { type: 'string' },
    anchor: { type: 'string' },
  },
});

function int(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

const anchor = values.anchor ? new Date(values.anchor) : undefined;
if (anchor && !Number.isFinite(anchor.getTime())) throw new Error(`--anchor is not a date: "${values.anchor}"`);
const seed = int('seed', values.seed);
const articles = int('articles', values.articles);
const press = await startPressServer({
  port: int('port', values.port) ?? 8088,
  ...(anchor ? { anchor } : {}),
  ...(seed !== undefined ? { seed } : {}),
  ...(articles !== undefined ? { articles } : {}),
});
console.log(`Máy chủ báo chí demo: ${press.url}  (${press.corpus.articles.length} bài, ${press.corpus.outlets.length} tòa soạn)`);
for (const s of press.sources) console.log(`  ${s.id.padEnd(28)} ${s.kind.padEnd(8)} ${s.url}`);
const stop = (): void => void press.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
