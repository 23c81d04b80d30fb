import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';

/** A configuration file failed to parse or validate. `problems` lists every bad key with its line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(`Invalid configuration in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Line (1-based) of the YAML node at `path`, or of its nearest existing parent. */
function lineOf(doc: Document, counter: LineCounter, path: PropertyKey[]): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}

/**
 * Parse YAML text and validate it with a zod schema, reporting every problem at once as
 * `file:line path: message` (Crawlee/Immich style: fail at start-up, list everything).
 */
export function parseYamlConfig<S extends z.ZodType>(text: string, file: string, schema: S): z.infer<S> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => `${file}:${counter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    // The yaml library refuses alias bombs (and similar resource attacks) while building values.
    throw new ConfigError(file, [`${file}: cannot be read: ${(err as Error).message}`]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((issue) => {
        const line = lineOf(doc, counter, issue.path);
        const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
        return `${file}:${line ?? '?'} ${where}: ${issue.message}`;
      }),
    );
  }
  return deepFreeze(parsed.data);
}

/** Read and validate a YAML config file. */
export function loadYamlConfig<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [`${file}: cannot read (${(err as Error).message})`]);
  }
  return parseYamlConfig(text, file, schema);
}

/** Freeze a parsed config so no stage can mutate shared settings. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
