/**
 * Runs {@link benchElasticsearch} against ELASTICSEARCH_URL, or, when it is unset, against the
 * test node of tests/elasticsearch-node/ started on ES_TEST_PORT (9270, apart from the test
 * suites' 9250/9260) and stopped afterwards.
 */
import { execFileSync } from 'node:child_process';
import { benchElasticsearch } from './es-bench.js';

/** Options passed through to {@link benchElasticsearch}. */
export interface EsBenchRunOptions {
  items: number;
  runs: number;
  keep: boolean;
}

/** Bench a given cluster, or a test node of our own for the duration of the bench. */
export async function benchElasticsearchWithNode(opts: EsBenchRunOptions): Promise<Record<string, number>> {
  const given = process.env.ELASTICSEARCH_URL;
  if (given) return benchElasticsearch({ url: given, ...opts });
  const port = process.env.ES_TEST_PORT ?? '9270';
  const env = { ...process.env, ES_TEST_PORT: port };
  // Script output goes to stderr so that stdout keeps ending with the --json line.
  const run = (script: string) => execFileSync('bash', [`tests/elasticsearch-node/${script}`], { env, stdio: ['ignore', 2, 2] });
  run('build.sh');
  run('start.sh');
  try {
    return await benchElasticsearch({ url: `http://127.0.0.1:${port}`, ...opts });
  } finally {
    run('stop.sh');
  }
}
