import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../core/logger.js';
import type { Analyser } from '../pipeline/analyse-stage.js';

/** Where the analyse role keeps its story-clustering window between restarts. */
export function storyStateFile(dataDir: string): string {
  return join(dataDir, 'stories', 'story-index.json');
}

/** Restore the story window saved by a previous run, so a restart does not split stories. */
export function restoreStoryState(analyser: Analyser, file: string, logger: Logger): void {
  if (!analyser.storyIndex || !existsSync(file)) return;
  try {
    analyser.storyIndex.importState(JSON.parse(readFileSync(file, 'utf8')) as never);
    logger.info({ file, items: analyser.storyIndex.size }, 'story index restored');
  } catch (err) {
    // A corrupt file costs story continuity, not items: start a fresh window and say so.
    logger.warn({ file, err: (err as Error).message }, 'story index state unreadable; starting a fresh window');
  }
}

/** Save the story window atomically (write + rename), so a crash never leaves half a file. */
export function saveStoryState(analyser: Analyser, file: string): void {
  if (!analyser.storyIndex) return;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(analyser.storyIndex.exportState()));
  renameSync(tmp, file);
}
