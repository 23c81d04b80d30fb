import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assertCsrf, assertSameOrigin, SESSION_COOKIE } from '../auth/guard.js';
import type { RouteContext } from '../deps.js';
import { ApiError } from '../http/errors.js';
import { jsonSchema, parseInput } from '../http/validate.js';

const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict();

/**
 * `POST /api/auth/login` (rate-limited harder than the rest), `POST /api/auth/logout` and
 * `GET /api/auth/me` (who am I, my CSRF token, whether dev mode is on).
 */
export function registerAuthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: ctx.secureCookies };
  app.post('/api/auth/login', {
    config: { rateLimit: { max: ctx.rateLimit?.login ?? 10, timeWindow: 60_000 } },
    schema: { tags: ['auth'], summary: 'Log in; sets the HttpOnly session cookie', body: jsonSchema(loginBody) },
  }, async (req, reply) => {
    // Login CSRF (logging a victim into the attacker's account) is refused by the Origin check.
    assertSameOrigin(req);
    const { username, password } = parseInput(loginBody, req.body, 'body');
    const user = await ctx.users.verifyLogin(username, password);
    if (!user) {
      await ctx.users.audit({ actor: username.slice(0, 64), action: 'auth.login_failed', target: null, details: { ip: req.ip } });
      throw new ApiError(401, 'invalid_credentials', 'wrong username or password');
    }
    const session = await ctx.users.createSession(user.id, ctx.sessionTtlMs);
    await ctx.users.audit({ actor: user.username, action: 'auth.login', target: user.id, details: { ip: req.ip } });
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: new Date(session.expiresAt) });
    return { user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });
  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End the session' } }, async (req, reply) => {
    assertCsrf(req);
    const token = req.cookies[SESSION_COOKIE];
    if (token) await ctx.users.deleteSession(token);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return { ok: true };
  });
  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The current user, CSRF token and mode' } }, async (req) => {
    const p = req.principal;
    if (!p) throw new ApiError(401, 'unauthenticated', 'not logged in');
    return { user: p.user, via: p.via, csrfToken: p.csrfToken ?? null, devMode: ctx.devLocal };
  });
}
