import { join } from 'node:path';
import { loadYamlConfig, parseYamlConfig } from './yaml-file.js';
import { sourcesFileSchema, type SourcesFile } from './sources-schema.js';

/** Load and validate `sources.yaml` from a config directory. */
export function loadSources(configDir: string): SourcesFile {
  return loadYamlConfig(join(configDir, 'sources.yaml'), sourcesFileSchema);
}

/** Load and validate a sources file at an explicit path (`PULSE_SOURCES_FILE`). */
export function loadSourcesFile(file: string): SourcesFile {
  return loadYamlConfig(file, sourcesFileSchema);
}

/** Validate sources from YAML text (tests, `pulse sources validate -`). */
export function parseSources(text: string, file = 'sources.yaml'): SourcesFile {
  return parseYamlConfig(text, file, sourcesFileSchema);
}
