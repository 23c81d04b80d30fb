/** Roles, weakest first: each role can do everything the roles before it can. */
export const ROLES = ['viewer', 'officer', 'admin'] as const;
/** A user's role. viewer reads; officer also acts on alerts and reports; admin manages users and queues. */
export type UserRole = (typeof ROLES)[number];

/** True when `have` grants at least `need`. */
export function roleAtLeast(have: UserRole, need: UserRole): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** A stored account (never carries its password hash outside the repository). */
export interface User {
  id: string;
  username: string;
  role: UserRole;
  disabled: boolean;
  createdAt: string;
}

/** Who is making a request and how they proved it. */
export interface Principal {
  user: User;
  /** `session` = cookie (needs CSRF proof on writes), `token` = bearer API token, `dev` = local dev mode. */
  via: 'session' | 'token' | 'dev';
  /** CSRF token bound to the session (only for `via: 'session'`). */
  csrfToken?: string;
}

/** A session created at login. The raw token goes into the cookie and is stored only hashed. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** An API token's public record. */
export interface ApiTokenInfo {
  id: string;
  userId: string;
  name: string;
  /** First characters of the token, to recognise it in lists. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One audit log entry. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
}

/**
 * Users, sessions, API tokens and the audit log. The SQLite adapter lives beside this file;
 * every method is safe to call concurrently.
 */
export interface UserRepository {
  countUsers(role?: UserRole): Promise<number>;
  createUser(input: { username: string; password: string; role: UserRole }): Promise<User>;
  getUser(id: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  updateUser(id: string, patch: { role?: UserRole; disabled?: boolean; password?: string }): Promise<User | null>;
  /** The user when the password matches and the account is enabled; null otherwise (same timing). */
  verifyLogin(username: string, password: string): Promise<User | null>;
  createSession(userId: string, ttlMs: number): Promise<NewSession>;
  /** The user and CSRF token of a live session; null when unknown, expired or the user is disabled. */
  findSession(token: string): Promise<{ user: User; csrfToken: string } | null>;
  deleteSession(token: string): Promise<void>;
  createToken(userId: string, name: string): Promise<{ token: string; info: ApiTokenInfo }>;
  /** The user a live (unrevoked) bearer token belongs to. */
  findTokenUser(token: string): Promise<User | null>;
  listTokens(userId?: string): Promise<ApiTokenInfo[]>;
  revokeToken(id: string): Promise<boolean>;
  audit(entry: { actor: string; action: string; target?: string | null; details?: Record<string, unknown> | null }): Promise<void>;
  listAudit(opts: { limit: number; offset: number; action?: string }): Promise<{ total: number; entries: AuditEntry[] }>;
  close(): Promise<void>;
}
