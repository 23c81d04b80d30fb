/**
 * One role per process: `tsx workers/role.ts fetch` (or several: `crawl,scheduler`), for
 * deployments that scale roles separately (docker-compose runs one service per role).
 */
import { parseRoles } from '../src/app/roles.js';
import { exitOnStartFailure, runRolesFromEnv } from './main.js';

try {
  runRolesFromEnv(parseRoles(process.argv[2] ?? process.env.PULSE_ROLES ?? 'all')).catch(exitOnStartFailure);
} catch (err) {
  exitOnStartFailure(err);
}
