import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A topic as the dashboard lists it. */
export interface TopicEntry {
  id: string;
  name: { vi: string; en: string };
  subtopics: { id: string; name: string }[];
}

/** A named policy as the dashboard lists it. */
export interface PolicyEntry {
  id: string;
  name: string;
  topics: string[];
}

/** Topics and policies read from the config folder; empty lists when the files are absent. */
export interface Catalog {
  topics: TopicEntry[];
  policies: PolicyEntry[];
}

function readYaml(file: string): unknown {
  if (!existsSync(file)) return null;
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.normalize('NFC') : fallback;
}

/**
 * Read the display parts of `topics.yaml` and `policies.yaml` (ids and names only: the
 * classifier validates the full files). Missing files give empty lists so a fresh install runs.
 */
export function loadCatalog(configDir: string): Catalog {
  const topicsDoc = readYaml(join(configDir, 'topics.yaml')) as { topics?: unknown[] } | null;
  const policiesDoc = readYaml(join(configDir, 'policies.yaml')) as { policies?: unknown[] } | null;
  const topics = (topicsDoc?.topics ?? []).map((raw) => {
    const t = raw as { id?: unknown; name?: unknown; subtopics?: unknown[] };
    const id = text(t.id, '');
    const name = typeof t.name === 'object' && t.name !== null ? (t.name as Record<string, unknown>) : { vi: t.name, en: t.name };
    return {
      id,
      name: { vi: text(name.vi, id), en: text(name.en, text(name.vi, id)) },
      subtopics: (t.subtopics ?? []).map((s) => ({ id: text((s as { id?: unknown }).id, ''), name: text((s as { name?: unknown }).name, '') })),
    };
  });
  const policies = (policiesDoc?.policies ?? []).map((raw) => {
    const p = raw as { id?: unknown; name?: unknown; topics?: unknown };
    return { id: text(p.id, ''), name: text(p.name, text(p.id, '')), topics: Array.isArray(p.topics) ? p.topics.map((x) => text(x, '')) : [] };
  });
  return { topics: topics.filter((t) => t.id), policies: policies.filter((p) => p.id) };
}
