import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';

/** A Redis the process can use, and how to let go of it. */
export interface RedisHandle {
  url: string;
  /** True when this process started its own redis-server child. */
  private: boolean;
  stop(): Promise<void>;
}

/** Why no Redis could be had, with what to do about it. */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

const HOW_TO_GET_REDIS = [
  'policy-pulse needs Redis (queues). Either:',
  '  - set REDIS_URL=redis://host:6379 to use an existing server, or',
  '  - install redis-server so a private one is started under data/redis:',
  '      Debian/Ubuntu: sudo apt-get install redis-server',
  '      macOS:         brew install redis',
  '      Docker:        docker compose up -d redis   (then REDIS_URL=redis://127.0.0.1:6379)',
].join('\n');

/** True when the `redis-server` binary is on PATH. */
export function hasRedisServerBinary(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new RedisUnavailableError(`redis-server exited with code ${child.exitCode}`);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined); // refused while the server starts: expected, retried below
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      probe.disconnect();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new RedisUnavailableError(`redis-server did not answer within ${timeoutMs} ms`);
}

/**
 * Find Redis: `REDIS_URL` when set; else start a private `redis-server` child bound to
 * 127.0.0.1 with its data (AOF on) under `<dataDir>/redis`; else fail with instructions.
 */
export async function ensureRedis(opts: { redisUrl?: string | undefined; dataDir: string }): Promise<RedisHandle> {
  if (opts.redisUrl) return { url: opts.redisUrl, private: false, stop: async () => undefined };
  if (!hasRedisServerBinary()) throw new RedisUnavailableError(HOW_TO_GET_REDIS);
  const dir = resolve(join(opts.dataDir, 'redis'));
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec',
      '--save', '', '--daemonize', 'no', '--protected-mode', 'yes', '--logfile', join(dir, 'redis.log')],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitForPing(url, child, 10_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  // Other CLI commands (queue stats, failed retry) find the private server through this file.
  const urlFile = join(dir, 'redis.url');
  writeFileSync(urlFile, url + '\n');
  // Never leave an orphan server behind, whatever way the parent ends.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  return {
    url,
    private: true,
    async stop() {
      process.removeListener('exit', killOnExit);
      rmSync(urlFile, { force: true });
      if (child.exitCode !== null) return;
      await new Promise<void>((res) => {
        child.once('exit', () => res());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      });
    },
  };
}

/** Redis URL for a CLI command: `REDIS_URL`, else the private server a running `pulse start` wrote down. */
export function resolveRunningRedisUrl(opts: { redisUrl?: string | undefined; dataDir: string }): string {
  if (opts.redisUrl) return opts.redisUrl;
  try {
    return readFileSync(join(opts.dataDir, 'redis', 'redis.url'), 'utf8').trim();
  } catch {
    throw new RedisUnavailableError('no REDIS_URL set and no running private Redis found under ' + join(opts.dataDir, 'redis') + ' (is `pulse start` running?)');
  }
}
