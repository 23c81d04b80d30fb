import type { Env } from '../config/env.js';
import type { Logger } from '../core/logger.js';
import type { UserRepository } from './auth/types.js';
import { isDevLocal } from './deps.js';

/**
 * Make sure someone can administer the server before it listens:
 * - an admin exists → nothing to do;
 * - `PULSE_ADMIN_USER` + `PULSE_ADMIN_PASSWORD` set → create that admin (audited);
 * - localhost-only development mode → allowed without users (requests act as a local admin);
 * - otherwise refuse to start, saying how to create one.
 */
export async function ensureAdmin(users: UserRepository, env: Env, logger: Logger): Promise<'exists' | 'created' | 'dev-local'> {
  if ((await users.countUsers('admin')) > 0) return 'exists';
  if (env.PULSE_ADMIN_USER && env.PULSE_ADMIN_PASSWORD) {
    const user = await users.createUser({ username: env.PULSE_ADMIN_USER, password: env.PULSE_ADMIN_PASSWORD, role: 'admin' });
    await users.audit({ actor: 'system', action: 'user.create', target: user.id, details: { username: user.username, role: 'admin', from: 'env' } });
    logger.info({ username: user.username }, 'created the first admin from PULSE_ADMIN_USER');
    return 'created';
  }
  if (isDevLocal(env)) {
    logger.warn({ host: env.HOST }, 'development mode on localhost: login is skipped, every request acts as a local admin');
    return 'dev-local';
  }
  throw new Error(
    `no admin user exists and the server is bound to ${env.HOST} in ${env.NODE_ENV} mode, where login is required. ` +
      'Create one with `pulse users add <name> --role admin`, or set PULSE_ADMIN_USER and PULSE_ADMIN_PASSWORD (≥ 10 characters) for the first start.',
  );
}
