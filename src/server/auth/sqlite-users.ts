import { createHash, randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords.js';
import { ROLES, type ApiTokenInfo, type AuditEntry, type User, type UserRepository, type UserRole } from './types.js';

/**
 * Schema of the auth tables. They live in the same SQLite file as the items store, under their
 * own `auth_` prefix and their own version table, so the store's migrations never see them.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE auth_users (
     id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE, role TEXT NOT NULL,
     password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
   CREATE TABLE auth_sessions (
     token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES auth_users(id) ON DELETE CASCADE,
     csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
   CREATE INDEX auth_sessions_user ON auth_sessions(user_id);
   CREATE TABLE auth_tokens (
     id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES auth_users(id) ON DELETE CASCADE,
     name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL, created_at TEXT NOT NULL,
     last_used_at TEXT, revoked_at TEXT);
   CREATE TABLE auth_audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
     target TEXT, details TEXT);
   CREATE INDEX auth_audit_at ON auth_audit(at);`,
];

/** Raw tokens are 32 random bytes; only their SHA-256 is stored (a DB leak yields no live session). */
function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

interface UserRow { id: string; username: string; role: string; password_hash: string; disabled: number; created_at: string }
interface TokenRow { id: string; user_id: string; name: string; prefix: string; created_at: string; last_used_at: string | null; revoked_at: string | null }

function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, role: row.role as UserRole, disabled: row.disabled === 1, createdAt: row.created_at };
}

function toTokenInfo(row: TokenRow): ApiTokenInfo {
  return { id: row.id, userId: row.user_id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

/** Usernames: letters, digits, `._-@`, 2–64 characters. */
const USERNAME = /^[\p{L}\p{N}._@-]{2,64}$/u;

/** Run pending auth migrations (idempotent). */
export function migrateAuthTables(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS auth_schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM auth_schema_version').get() as { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > MIGRATIONS.length) throw new Error(`auth tables are at version ${current}, this build knows ${MIGRATIONS.length}`);
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v] as string);
    db.prepare('DELETE FROM auth_schema_version').run();
    db.prepare('INSERT INTO auth_schema_version(version) VALUES (?)').run(MIGRATIONS.length);
  })();
}

/**
 * Users, sessions, tokens and audit log in SQLite. Opens its own connection (WAL) to the file, so
 * it works whichever Store adapter serves the items.
 * @example
 * const users = createSqliteUserRepository({ path: 'data/pulse.db' });
 */
export function createSqliteUserRepository(opts: { path: string }): UserRepository {
  const db = new Database(opts.path);
  db.pragma('busy_timeout = 5000');
  if (opts.path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrateAuthTables(db);
  const now = () => new Date().toISOString();
  const userById = db.prepare('SELECT * FROM auth_users WHERE id = ?');
  const userByName = db.prepare('SELECT * FROM auth_users WHERE username = ?');

  return {
    async countUsers(role) {
      const row = (role
        ? db.prepare('SELECT count(*) AS n FROM auth_users WHERE role = ? AND disabled = 0').get(role)
        : db.prepare('SELECT count(*) AS n FROM auth_users').get()) as { n: number };
      return row.n;
    },
    async createUser({ username, password, role }) {
      const name = username.normalize('NFC').trim();
      if (!USERNAME.test(name)) throw new RangeError(`username "${name}": use 2–64 letters, digits or . _ @ -`);
      if (!(ROLES as readonly string[]).includes(role)) throw new RangeError(`role "${role}": must be one of ${ROLES.join(', ')}`);
      const problem = passwordProblem(password);
      if (problem) throw new RangeError(problem);
      if (userByName.get(name)) throw new RangeError(`username "${name}" is already taken`);
      const row: UserRow = { id: randomUUID(), username: name, role, password_hash: await hashPassword(password), disabled: 0, created_at: now() };
      db.prepare('INSERT INTO auth_users(id, username, role, password_hash, disabled, created_at) VALUES (@id, @username, @role, @password_hash, @disabled, @created_at)').run(row);
      return toUser(row);
    },
    async getUser(id) {
      const row = userById.get(id) as UserRow | undefined;
      return row ? toUser(row) : null;
    },
    async listUsers() {
      return (db.prepare('SELECT * FROM auth_users ORDER BY username').all() as UserRow[]).map(toUser);
    },
    async updateUser(id, patch) {
      const row = userById.get(id) as UserRow | undefined;
      if (!row) return null;
      if (patch.role !== undefined && !(ROLES as readonly string[]).includes(patch.role)) throw new RangeError(`role "${patch.role}": must be one of ${ROLES.join(', ')}`);
      let hash = row.password_hash;
      if (patch.password !== undefined) {
        const problem = passwordProblem(patch.password);
        if (problem) throw new RangeError(problem);
        hash = await hashPassword(patch.password);
      }
      const next = { ...row, role: patch.role ?? row.role, disabled: patch.disabled === undefined ? row.disabled : patch.disabled ? 1 : 0, password_hash: hash };
      db.transaction(() => {
        db.prepare('UPDATE auth_users SET role = @role, disabled = @disabled, password_hash = @password_hash WHERE id = @id').run(next);
        // A password change, role change or disabling ends every open session of that user.
        db.prepare('DELETE FROM auth_sessions WHERE user_id = ?').run(id);
      })();
      return toUser(next);
    },
    async verifyLogin(username, password) {
      const row = userByName.get(username.normalize('NFC').trim()) as UserRow | undefined;
      if (!row) return verifyAgainstDummy(password).then(() => null);
      const ok = await verifyPassword(password, row.password_hash);
      return ok && row.disabled === 0 ? toUser(row) : null;
    },
    async createSession(userId, ttlMs) {
      const token = newToken('');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(Date.now() + ttlMs).toISOString();
      db.prepare('DELETE FROM auth_sessions WHERE expires_at < ?').run(now());
      db.prepare('INSERT INTO auth_sessions(token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(sha256(token), userId, csrfToken, now(), expiresAt);
      return { token, csrfToken, expiresAt };
    },
    async findSession(token) {
      const row = db
        .prepare('SELECT u.*, s.csrf_token, s.expires_at FROM auth_sessions s JOIN auth_users u ON u.id = s.user_id WHERE s.token_hash = ?')
        .get(sha256(token)) as (UserRow & { csrf_token: string; expires_at: string }) | undefined;
      if (!row || row.disabled === 1 || row.expires_at < now()) return null;
      return { user: toUser(row), csrfToken: row.csrf_token };
    },
    async deleteSession(token) {
      db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?').run(sha256(token));
    },
    async createToken(userId, name) {
      const token = newToken('pp_');
      const row: TokenRow = { id: randomUUID(), user_id: userId, name, prefix: token.slice(0, 9), created_at: now(), last_used_at: null, revoked_at: null };
      db.prepare('INSERT INTO auth_tokens(id, user_id, name, token_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(row.id, userId, name, sha256(token), row.prefix, row.created_at);
      return { token, info: toTokenInfo(row) };
    },
    async findTokenUser(token) {
      const row = db
        .prepare('SELECT u.*, t.id AS token_id FROM auth_tokens t JOIN auth_users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL')
        .get(sha256(token)) as (UserRow & { token_id: string }) | undefined;
      if (!row || row.disabled === 1) return null;
      db.prepare('UPDATE auth_tokens SET last_used_at = ? WHERE id = ?').run(now(), row.token_id);
      return toUser(row);
    },
    async listTokens(userId) {
      const rows = (userId
        ? db.prepare('SELECT * FROM auth_tokens WHERE user_id = ? ORDER BY created_at').all(userId)
        : db.prepare('SELECT * FROM auth_tokens ORDER BY created_at').all()) as TokenRow[];
      return rows.map(toTokenInfo);
    },
    async revokeToken(id) {
      return db.prepare('UPDATE auth_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now(), id).changes > 0;
    },
    async audit({ actor, action, target = null, details = null }) {
      db.prepare('INSERT INTO auth_audit(at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)').run(now(), actor, action, target, details ? JSON.stringify(details) : null);
    },
    async listAudit({ limit, offset, action }) {
      const where = action ? 'WHERE action = ?' : '';
      const args = action ? [action] : [];
      const total = (db.prepare(`SELECT count(*) AS n FROM auth_audit ${where}`).get(...args) as { n: number }).n;
      const rows = db.prepare(`SELECT * FROM auth_audit ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as (Omit<AuditEntry, 'details'> & { details: string | null })[];
      return { total, entries: rows.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null })) };
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
