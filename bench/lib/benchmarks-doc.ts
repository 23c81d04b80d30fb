import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TARGETS: Record<string, string> = {
  extract_pages_per_s_per_core: '≥ 1,000',
  e2e_articles_per_s: '≥ 500',
  peak_rss_mb: '≤ 400',
  analyse_articles_per_s_per_core: '≥ 3,000',
  es_bulk_docs_per_s: '≥ 5,000',
  api_overview_p95_ms: '≤ 200',
  api_search_p95_ms: '≤ 300',
};

/**
 * Merge measured figures into docs/BENCHMARKS.md's table and machine-readable block, keeping
 * figures of other runs (each bench command measures a subset) and every hand-written section.
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

- *per core* figures run on one thread and divide by the process's CPU time (user + system), so a busy
  neighbour does not lower them; \`e2e_articles_per_s\` runs every role in one process
  (fetch, extract, analyse, index) against the local press server over loopback with real Redis
  and SQLite, politeness off for the bench host; \`peak_rss_mb\` is that process's peak RSS
  (the press server runs in the same process and is included).

## Alert detection latency (feed publish → alert delivered)

Measured by \`tests/integration/alerts-pipeline.test.ts\` on the real pipeline (press server, Redis,
SQLite, NLP, the \`trends\` worker, a local webhook receiver and SMTP server): **1.6–3.1 s** from the
spike's articles appearing in the feeds to the signed webhook arriving (ingestion 1.1–2.5 s, tick +
delivery 0.5–1.0 s). In production the hourly buckets dominate: a sharp spike is delivered
**10–75 min** after the first article of the hour that crosses the threshold (rest of the hour,
10-minute settle window, 5-minute tick); breakdown in \`docs/ALERTS.md\`. Detector quality
(\`npm run bench:alerts\`): recall 0.949 at 0.045 false alarms per topic-week, median delay 3 h,
against 0.654 / 0.455 / 6 h for a tuned ElastAlert-style spike rule; forecast MASE 0.797,
80 % interval coverage 0.814.

Machine-readable (merged across runs):

\`\`\`json
${JSON.stringify(merged, null, 2)}
\`\`\`
`;
  writeFileSync(file, previous && m && TABLE.test(previous) ? mergeInto(previous, rows, merged) : text);
}

const TABLE = /(\| figure \| value \| target \|\n\|---\|---\|---\|\n)(?:\|[^\n]*\n)*/;

/**
 * Update only the generated parts (date, figures table, JSON block) of an existing file, so the
 * sections written by hand or by other bench commands (API latency, alert latency) survive.
 */
function mergeInto(previous: string, rows: string, merged: Record<string, number>): string {
  return previous
    .replace(/Last update: \d{4}-\d{2}-\d{2}\./, `Last update: ${new Date().toISOString().slice(0, 10)}.`)
    .replace(TABLE, (_all, head: string) => `${head}${rows}\n`)
    .replace(/```json\n[\s\S]*?\n```/, () => '```json\n' + JSON.stringify(merged, null, 2) + '\n```');
}
