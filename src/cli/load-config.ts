import { loadEnv, type Env } from '../config/env.js';
import { loadSourcesFile, loadSources } from '../config/load-sources.js';
import type { SourceConfig } from '../config/sources-schema.js';

/** Env and sources for a CLI command; config errors surface as one readable message. */
export function loadCliConfig(): { env: Env; sources: SourceConfig[] } {
  const env = loadEnv();
  const file = env.PULSE_SOURCES_FILE ? loadSourcesFile(env.PULSE_SOURCES_FILE) : loadSources(env.PULSE_CONFIG_DIR);
  return { env, sources: [...file.sources] };
}
