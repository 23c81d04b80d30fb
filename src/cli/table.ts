/** Print rows as an aligned plain-text table (no colours: output is often piped to files). */
export function printTable(rows: Record<string, unknown>[], out: NodeJS.WritableStream = process.stdout): void {
  if (rows.length === 0) return;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => [...cell(r[c])].length)));
  const line = (vals: string[]) => vals.map((v, i) => v + ' '.repeat(width[i]! - [...v].length)).join('  ').trimEnd();
  out.write(line(cols) + '\n' + line(width.map((w) => '-'.repeat(w))) + '\n');
  for (const r of rows) out.write(line(cols.map((c) => cell(r[c]))) + '\n');
}
