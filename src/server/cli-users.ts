import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { loadEnv } from '../config/env.js';
import { createSqliteUserRepository } from './auth/sqlite-users.js';
import { ROLES, type UserRepository, type UserRole } from './auth/types.js';

/** Read the password from the first line of stdin (so it never appears in shell history or `ps`). */
async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu / password (then Enter, input is not hidden; prefer a pipe): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
}

async function withUsers<T>(work: (users: UserRepository) => Promise<T>): Promise<T> {
  const env = loadEnv();
  if (env.PULSE_SQLITE_PATH !== ':memory:') mkdirSync(dirname(env.PULSE_SQLITE_PATH), { recursive: true });
  const users = createSqliteUserRepository({ path: env.PULSE_SQLITE_PATH });
  try {
    return await work(users);
  } finally {
    await users.close();
  }
}

/**
 * `pulse users add|list|token`: manage dashboard accounts in the SQLite file at
 * `PULSE_SQLITE_PATH`. Every change is written to the audit log as actor `cli`.
 * @example
 * echo 'a-long-password' | pulse users add lan.nguyen --role admin
 */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('tài khoản người dùng / dashboard users');
  users
    .command('add <username>')
    .description('thêm người dùng / add a user (password read from stdin)')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'viewer')
    .action(async (username: string, opts: { role: string }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) throw new Error(`--role ${opts.role}: must be one of ${ROLES.join(', ')}`);
      const password = await readPasswordFromStdin();
      await withUsers(async (repo) => {
        const user = await repo.createUser({ username, password, role: opts.role as UserRole });
        await repo.audit({ actor: 'cli', action: 'user.create', target: user.id, details: { username: user.username, role: user.role } });
        process.stdout.write(`đã tạo / created ${user.username} (${user.role})\n`);
      });
    });
  users
    .command('list')
    .description('liệt kê người dùng / list users')
    .action(async () => {
      await withUsers(async (repo) => {
        for (const u of await repo.listUsers()) process.stdout.write(`${u.username}\t${u.role}${u.disabled ? '\tdisabled' : ''}\t${u.createdAt}\n`);
      });
    });
  users
    .command('token <username> <name>')
    .description('tạo API token / create an API token for a user (printed once)')
    .action(async (username: string, name: string) => {
      await withUsers(async (repo) => {
        const user = (await repo.listUsers()).find((u) => u.username.toLowerCase() === username.toLowerCase());
        if (!user) throw new Error(`no user named ${username}`);
        const { token, info } = await repo.createToken(user.id, name);
        await repo.audit({ actor: 'cli', action: 'token.create', target: info.id, details: { name, userId: user.id } });
        process.stdout.write(`${token}\n`);
      });
    });
}
