/** Every role in one process: `tsx workers/all.ts` (what `pulse start` does on one machine). */
import { ROLES } from '../src/app/roles.js';
import { exitOnStartFailure, runRolesFromEnv } from './main.js';

runRolesFromEnv(ROLES).catch(exitOnStartFailure);
