import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { PermanentError, RetryLaterError, describeError } from '../core/errors.js';
import { asStoreRetry, isStoreOutage } from '../pipeline/store-outage.js';

/**
 * Run a stage inside a BullMQ processor and translate our typed errors into BullMQ control flow:
 * - {@link PermanentError} → `UnrecoverableError`: no more attempts, the job stays in the failed
 *   set (quarantine) with its reason, listable and retryable from the CLI;
 * - {@link RetryLaterError} → the job is moved to delayed until the server's Retry-After, without
 *   spending an attempt;
 * - a store outage (see `isStoreOutage`) → a {@link RetryLaterError}, so the cases above apply;
 * - anything else → a normal failure, retried with exponential backoff and jitter.
 */
export async function runStage<T>(job: Job, token: string | undefined, stage: () => Promise<T>): Promise<T> {
  try {
    return await stage();
  } catch (thrown) {
    // A store outage (disk full, locked, node down) waits without spending attempts, in any stage.
    const err = isStoreOutage(thrown) ? asStoreRetry(thrown) : thrown;
    if (err instanceof PermanentError) {
      throw new UnrecoverableError(`${err.code}: ${err.message}`);
    }
    if (err instanceof RetryLaterError && token) {
      await job.moveToDelayed(Date.now() + err.delayMs, token);
      throw new DelayedError(describeError(err));
    }
    throw err;
  }
}

/** True when this run is the job's last allowed attempt (so a stage can fall back instead of failing). */
export function isLastAttempt(job: Job): boolean {
  const attempts = job.opts.attempts ?? 1;
  return job.attemptsMade + 1 >= attempts;
}
