import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TARGETS: Record<string, string> = {
  extract_pages_per_s_per_core: '≥ 1,000',
  e2e_articles_per_s: '≥ 500',
  peak_rss_mb: '≤ 400',
  analyse_articles_per_s_per_core: '≥ 3,000',
  es_bulk_docs_per_s: '—',
  api_overview_p95_ms: '≤ 200',
  api_search_p95_ms: '≤ 300',
};

/**
 * Merge measured figures into docs/BENCHMARKS.md's machine-readable block, keeping figures of
 * other runs (each bench command measures a subset).
 */
export function writeBenchmarksDoc(figures: Record<string, number>, file = 'docs/BENCHMARKS.md'): void {
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const m = previous.match(/```json\n([\s\S]*?)\n```/);
  const merged: Record<string, number> = { ...(m ? (JSON.parse(m[1]!) as Record<string, number>) : {}), ...figures };
  const rows = Object.entries(merged)
    .map(([k, v]) => `| \`${k}\` | ${v} | ${TARGETS[k] ?? ''} |`)
    .join('\n');
  const text = `# Benchmarks

Measured by \`npm run bench\` (pipeline, NLP) and the other bench commands on the project's
reference machine (${cpus().length} cores, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}).
Shared, noisy machines: compare medians of several runs, not single numbers.
Last update: ${new Date().toISOString().slice(0, 10)}.

| figure | value | target |
|---|---|---|
${rows}

- *per core* figures run on one thread; \`e2e_articles_per_s\` runs every role in one process
  (fetch, extract, analyse, index) against the local press server over loopback with real Redis
  and SQLite, politeness off for the bench host; \`peak_rss_mb\` is that process's peak RSS
  (the press server runs in the same process and is included).

Machine-readable (merged across runs):

\`\`\`json
${JSON.stringify(merged, null, 2)}
\`\`\`
`;
  writeFileSync(file, text);
}
