/**
 * An Elasticsearch test node of the fault suite's own (tests/elasticsearch-node/start.sh on a
 * free port, run dir in a temp folder), which a case may stop and start again on the same data.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A private node: `start()` (first: fresh data; later: keeps it), `stop()`, `remove()`. */
export class OwnElasticsearchNode {
  readonly runDir = mkdtempSync(join(tmpdir(), 'pulse-fault-es-'));
  private started = false;
  constructor(readonly port: number) {}
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** Start and wait until yellow; a restart keeps the data dir (`ES_TEST_KEEP_DATA=1`). Throws with the script's output. */
  async start(): Promise<number> {
    const began = Date.now();
    try {
      await run('bash', ['tests/elasticsearch-node/start.sh'], { env: this.scriptEnv({ ES_TEST_KEEP_DATA: this.started ? '1' : '0' }), timeout: 180_000 });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      throw new Error(`Elasticsearch test node did not start on port ${this.port}: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    }
    this.started = true;
    return Date.now() - began;
  }
  /** Graceful stop (SIGTERM, then SIGKILL after 30 s), as stop.sh does. */
  async stop(): Promise<void> {
    await run('bash', ['tests/elasticsearch-node/stop.sh'], { env: this.scriptEnv({}), timeout: 60_000 });
  }
  /** SIGKILL the JVM (a crash: no flush, no goodbye), then let stop.sh clear its pid file. */
  async kill(): Promise<void> {
    const pid = Number(readFileSync(join(this.runDir, 'node.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.stop();
  }
  async remove(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.runDir, { recursive: true, force: true });
  }
  private scriptEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
    return { ...process.env, ES_TEST_PORT: String(this.port), ES_TEST_RUN_DIR: this.runDir, ES_TEST_HEAP: process.env.ES_TEST_HEAP ?? '512m', ...extra };
  }
}
