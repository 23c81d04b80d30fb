/**
 * Retry a read the node refused for load (429 circuit breaker, 503): a busy node must slow the
 * indexer down, not fail the batch. Other errors go straight through.
 */
export async function withLoadRetry<T>(call: () => Promise<T>, opts: { attempts?: number; baseDelayMs?: number } = {}): Promise<T> {
  const attempts = opts.attempts ?? 6;
  const base = opts.baseDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const status = (err as { meta?: { statusCode?: number } }).meta?.statusCode;
      if ((status !== 429 && status !== 503) || attempt >= attempts) throw err;
      // Exponential back-off with jitter so parallel indexers do not return in step.
      const delay = base * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
