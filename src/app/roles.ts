/** Process roles; `all` runs every role in one process (single machine). */
export const ROLES = ['crawl', 'fetch', 'analyse', 'index', 'scheduler', 'trends', 'server'] as const;
export type Role = (typeof ROLES)[number];

/** The ingestion roles alone (no alerts, no HTTP): tests and throughput benchmarks. */
export const PIPELINE_ROLES: readonly Role[] = ['crawl', 'fetch', 'analyse', 'index', 'scheduler'];

/** Parse `PULSE_ROLES` / `--roles` (comma-separated, or `all`). Throws on an unknown role. */
export function parseRoles(spec: string): Role[] {
  const parts = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0 || parts.includes('all')) return [...ROLES];
  const bad = parts.filter((p) => !(ROLES as readonly string[]).includes(p));
  if (bad.length > 0) throw new Error(`unknown role(s): ${bad.join(', ')} (known: all, ${ROLES.join(', ')})`);
  return parts as Role[];
}
