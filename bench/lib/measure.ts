/** Small helpers shared by the benchmark drivers. */

/** Run `fn` repeatedly for at least `minMs` (after one warm-up pass); returns calls per second. */
export function throughput(fn: () => number, minMs = 3_000): { perSecond: number; calls: number; ms: number } {
  fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    calls += fn();
    elapsed = performance.now() - start;
  }
  return { perSecond: (calls / elapsed) * 1000, calls, ms: elapsed };
}

/**
 * Like {@link throughput} but per CPU-second of this process: on a shared machine wall time
 * measures the neighbours, CPU time measures the code.
 */
export function cpuThroughput(fn: () => number, minMs = 3_000): { perSecond: number; calls: number } {
  fn();
  const cpu0 = process.cpuUsage();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) calls += fn();
  const cpu = process.cpuUsage(cpu0);
  return { perSecond: calls / ((cpu.user + cpu.system) / 1e6), calls };
}

/** Samples this process's RSS every `everyMs`; `stop()` returns the peak in MB. */
export function sampleRss(everyMs = 100) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return {
    peakMb: () => Math.round((Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) * 10) / 10,
    stop() {
      clearInterval(timer);
      return this.peakMb();
    },
  };
}

/** Round for display. */
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}
