/**
 * Child process of the alert fault case: the real `trends` role (workers/trends.ts via
 * bootProcess) ticking every second, configured from the environment like any worker.
 * `node --import tsx tests/faults/run-trends-role.ts`; SIGKILL is the point.
 */
import { bootProcess } from '../../src/app/boot.js';
import { loadEnv } from '../../src/config/env.js';

const booted = await bootProcess({ env: loadEnv(process.env), roles: ['trends'], sources: [], analyser: null, trends: { everyMs: 1_000 } });
process.once('SIGTERM', () => void booted.shutdown().then(() => process.exit(0)));
