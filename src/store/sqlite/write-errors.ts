/**
 * SQLite failures that belong to the database, not to the item being written: disk or database
 * full, I/O errors, locks. A batch hitting one must fail as a whole (so the index stage can wait
 * and retry it) instead of being reported as a per-item rejection.
 */
export function isDatabaseOutage(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(FULL|IOERR|BUSY|LOCKED)/.test(code)) return true;
  }
  return false;
}
