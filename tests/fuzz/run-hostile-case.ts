/**
 * Child-process runner of one hostile case: `node --import tsx tests/fuzz/run-hostile-case.ts "<name>"`.
 * Prints one JSON line: outcome (`ok` or `threw`), the error's class, code and message, wall time
 * and peak RSS. The parent kills it when it overruns its time budget.
 */
import { HOSTILE_CASES } from './hostile-cases.js';

const name = process.argv[2] ?? '';
const run = HOSTILE_CASES[name];
if (!run) {
  process.stderr.write(`unknown hostile case "${name}"\n`);
  process.exit(2);
}
const started = performance.now();
const report = (fields: Record<string, unknown>): void => {
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ...fields, ms: Math.round(performance.now() - started), peakRssMb })}\n`);
};
try {
  const value = await run();
  report({ outcome: 'ok', summary: JSON.stringify(value)?.slice(0, 300) });
} catch (err) {
  const e = err as Error & { code?: unknown };
  report({ outcome: 'threw', errorName: e?.constructor?.name ?? typeof err, code: typeof e?.code === 'string' ? e.code : undefined, message: String(e?.message ?? err).slice(0, 500) });
}
