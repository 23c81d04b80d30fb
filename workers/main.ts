import { pathToFileURL } from 'node:url';
import { bootProcess } from '../src/app/boot.js';
import type { Role } from '../src/app/roles.js';
import { loadCliConfig } from '../src/cli/load-config.js';

/**
 * Run roles as this process's whole job, from env + config, until SIGTERM (graceful) or SIGKILL.
 * Role entry files call it when executed directly: `tsx workers/fetch.ts`, `tsx workers/all.ts`.
 */
export async function runRolesFromEnv(roles: readonly Role[]): Promise<void> {
  const { env, sources } = loadCliConfig();
  await bootProcess({ env, roles, sources, handleSignals: true });
}

/** True when `moduleUrl` is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === moduleUrl;
}

/** Report a start-up failure and exit non-zero (config errors list every bad key). */
export function exitOnStartFailure(err: unknown): never {
  process.stderr.write(`policy-pulse worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
