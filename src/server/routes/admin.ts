import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, requireRole } from '../auth/guard.js';
import { ROLES } from '../auth/types.js';
import type { RouteContext } from '../deps.js';
import { ApiError } from '../http/errors.js';
import { jsonSchema, pagination, parseInput } from '../http/validate.js';

const newUser = z.object({ username: z.string().min(2).max(64), password: z.string().min(1).max(256), role: z.enum(ROLES) }).strict();
const userPatch = z.object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), password: z.string().min(1).max(256).optional() }).strict();
const idParams = z.object({ id: z.string().min(1).max(100) });
const newToken = z.object({ name: z.string().min(1).max(100), userId: z.string().max(100).optional() }).strict();
const auditQuery = z.object({ action: z.string().max(60).optional(), ...pagination });

/** A RangeError from the repository (bad username, weak password) becomes a 400. */
async function asBadRequest<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError(400, 'validation_failed', error.message);
    throw error;
  }
}

/** Admin routes: users, API tokens and the audit log. Every change is audited. */
export function registerAdminRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const admin = { preHandler: requireRole('admin') };
  app.get('/api/users', { ...admin, schema: { tags: ['admin'], summary: 'List users' } }, async () => ({ users: await ctx.users.listUsers() }));
  app.post('/api/users', { ...admin, schema: { tags: ['admin'], summary: 'Create a user', body: jsonSchema(newUser) } }, async (req, reply) => {
    const body = parseInput(newUser, req.body, 'body');
    const user = await asBadRequest(() => ctx.users.createUser(body));
    await ctx.users.audit({ actor: actorOf(req), action: 'user.create', target: user.id, details: { username: user.username, role: user.role } });
    return reply.status(201).send({ user });
  });
  app.patch('/api/users/:id', { ...admin, schema: { tags: ['admin'], summary: 'Change role, disable, or reset password', params: jsonSchema(idParams), body: jsonSchema(userPatch) } }, async (req) => {
    const { id } = parseInput(idParams, req.params, 'params');
    const patch = parseInput(userPatch, req.body, 'body');
    const target = await ctx.users.getUser(id);
    if (!target) throw new ApiError(404, 'not_found', `user ${id} does not exist`);
    const demotesAdmin = target.role === 'admin' && ((patch.role && patch.role !== 'admin') || patch.disabled === true);
    if (demotesAdmin && (await ctx.users.countUsers('admin')) <= 1) throw new ApiError(409, 'conflict', 'cannot remove the last active admin');
    const user = await asBadRequest(() => ctx.users.updateUser(id, patch));
    const details = { ...patch, password: patch.password ? 'changed' : undefined };
    await ctx.users.audit({ actor: actorOf(req), action: 'user.update', target: id, details });
    return { user };
  });
  app.get('/api/tokens', { ...admin, schema: { tags: ['admin'], summary: 'List API tokens (never their secret)' } }, async () => ({ tokens: await ctx.users.listTokens() }));
  app.post('/api/tokens', { ...admin, schema: { tags: ['admin'], summary: 'Create an API token; the secret is shown once', body: jsonSchema(newToken) } }, async (req, reply) => {
    const body = parseInput(newToken, req.body, 'body');
    const userId = body.userId ?? req.principal?.user.id ?? '';
    if (!(await ctx.users.getUser(userId))) throw new ApiError(400, 'validation_failed', `userId ${userId}: no such user (dev mode has no stored user; pass userId)`);
    const { token, info } = await ctx.users.createToken(userId, body.name);
    await ctx.users.audit({ actor: actorOf(req), action: 'token.create', target: info.id, details: { name: info.name, userId } });
    return reply.status(201).send({ token, info });
  });
  app.delete('/api/tokens/:id', { ...admin, schema: { tags: ['admin'], summary: 'Revoke an API token', params: jsonSchema(idParams) } }, async (req) => {
    const { id } = parseInput(idParams, req.params, 'params');
    if (!(await ctx.users.revokeToken(id))) throw new ApiError(404, 'not_found', `token ${id} does not exist or is already revoked`);
    await ctx.users.audit({ actor: actorOf(req), action: 'token.revoke', target: id });
    return { ok: true };
  });
  app.get('/api/audit', { ...admin, schema: { tags: ['admin'], summary: 'Audit log, newest first', querystring: jsonSchema(auditQuery) } }, async (req) => {
    const q = parseInput(auditQuery, req.query, 'query');
    const { total, entries } = await ctx.users.listAudit(q);
    return { total, limit: q.limit, offset: q.offset, entries };
  });
}
