/** Read a JSON-lines file, naming file:line on a line that is not a JSON object. */
import { readFileSync } from 'node:fs';

/** Parse every non-blank line of `file` as a JSON object. @throws Error with file:line. */
export function readJsonl(file: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file}:${i + 1}: expected a JSON object`);
    out.push(value as Record<string, unknown>);
  });
  return out;
}
