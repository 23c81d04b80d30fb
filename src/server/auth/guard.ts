import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { ApiError } from '../http/errors.js';
import { roleAtLeast, type Principal, type UserRepository, type UserRole } from './types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who made the request; null when anonymous. Set by the auth hook. */
    principal: Principal | null;
  }
}

/** Name of the session cookie. */
export const SESSION_COOKIE = 'pulse_session';
/** Header carrying the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';

/** The account local development mode acts as (never stored). */
export const DEV_PRINCIPAL: Principal = {
  user: { id: 'local-dev', username: 'local-dev', role: 'admin', disabled: false, createdAt: new Date(0).toISOString() },
  via: 'dev',
};

/**
 * Who is calling: a bearer API token wins over the session cookie; with neither, local dev mode
 * (when enabled) acts as an admin. A bad bearer token is a 401 rather than a silent fallback, so
 * integrations notice a revoked token at once.
 */
export async function resolvePrincipal(req: FastifyRequest, users: UserRepository, devLocal: boolean): Promise<Principal | null> {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match) throw new ApiError(401, 'unauthenticated', 'Authorization header must be "Bearer <token>"');
    const user = await users.findTokenUser(match[1] as string);
    if (!user) throw new ApiError(401, 'unauthenticated', 'API token is unknown or revoked');
    return { user, via: 'token' };
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie) {
    const session = await users.findSession(cookie);
    if (session) return { user: session.user, via: 'session', csrfToken: session.csrfToken };
  }
  return devLocal ? DEV_PRINCIPAL : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Reject a cross-origin browser request: when the browser states an Origin (every browser does
 * on POST/PUT/DELETE), it must be this server's own origin.
 */
export function assertSameOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  const host = req.headers.host;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host) throw new ApiError(403, 'csrf_rejected', `cross-origin request from ${origin} refused`);
}

/**
 * CSRF defence for cookie-authenticated writes: same Origin AND the per-session synchronizer
 * token in `X-CSRF-Token`. SameSite=Strict already keeps the cookie off cross-site requests;
 * the token also covers same-site attackers (a sibling subdomain) and old browsers. Bearer tokens
 * and dev mode carry no ambient credential, so they need no CSRF proof.
 */
export function assertCsrf(req: FastifyRequest): void {
  const p = req.principal;
  if (!p || p.via !== 'session' || SAFE_METHODS.has(req.method)) return;
  assertSameOrigin(req);
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !p.csrfToken || !sameText(sent, p.csrfToken)) {
    throw new ApiError(403, 'csrf_rejected', `missing or wrong ${CSRF_HEADER} header`);
  }
}

/**
 * preHandler requiring at least `role` (401 when anonymous, 403 when too weak) plus CSRF proof
 * for cookie-authenticated writes.
 * @example
 * app.post('/api/alerts/:id/ack', { preHandler: requireRole('officer') }, handler);
 */
export function requireRole(role: UserRole): preHandlerAsyncHookHandler {
  return async function roleGuard(req: FastifyRequest, _reply: FastifyReply) {
    const p = req.principal;
    if (!p) throw new ApiError(401, 'unauthenticated', 'log in or send an API token');
    if (!roleAtLeast(p.user.role, role)) throw new ApiError(403, 'forbidden', `needs role ${role}, you are ${p.user.role}`);
    assertCsrf(req);
  };
}

/** The acting username for audit entries. */
export function actorOf(req: FastifyRequest): string {
  const p = req.principal;
  return p ? `${p.user.username}${p.via === 'token' ? ' (token)' : ''}` : 'anonymous';
}
