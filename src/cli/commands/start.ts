import type { Command } from 'commander';
import { bootProcess } from '../../app/boot.js';
import { parseRoles } from '../../app/roles.js';
import { loadCliConfig } from '../load-config.js';

/** `pulse start [--roles …]`: run the monitor (all roles by default) until SIGTERM/SIGINT. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('chạy hệ thống / run the monitor (all roles, or --roles crawl,fetch,analyse,index,scheduler)')
    .option('--roles <list>', 'comma-separated roles (default: PULSE_ROLES or all)')
    .action(async (opts: { roles?: string }) => {
      const { env, sources } = loadCliConfig();
      const roles = parseRoles(opts.roles ?? env.PULSE_ROLES);
      const booted = await bootProcess({ env, roles, sources, handleSignals: true });
      process.stdout.write(
        `policy-pulse đang chạy / running: roles=${roles.join(',')} store=${env.PULSE_STORE} ` +
          `redis=${booted.redis.private ? 'private ' : ''}${booted.redis.url} sources=${sources.filter((s) => s.enabled).length}\n` +
          (booted.serverUrl ? `Bảng điều khiển / dashboard: ${booted.serverUrl}\n` : '') +
          `Ctrl+C để dừng / to stop. \`npm run pulse -- sources check\` shows each source's health.\n`,
      );
    });
}
