import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import { QUEUE_NAMES } from '../queue/jobs.js';
import { assertSameOrigin } from './auth/guard.js';
import type { RouteContext } from './deps.js';
import { ApiError } from './http/errors.js';

/** Where the queue dashboard lives. */
export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * bull-board for admins at `/admin/queues`. Its UI sends no CSRF header, so its writes (retry,
 * clean) rely on SameSite=Strict plus the Origin check; reads and writes need the admin role.
 */
export async function registerQueueBoard(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const queues = ctx.queues;
  if (!queues) return;
  const adapter = new FastifyAdapter();
  createBullBoard({ queues: QUEUE_NAMES.map((n) => new BullMQAdapter(queues[n])), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'policy-pulse' } } });
  adapter.setBasePath(QUEUE_BOARD_PATH);
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req) => {
      const p = req.principal;
      if (!p) throw new ApiError(401, 'unauthenticated', 'log in as an admin to see the queues');
      if (p.user.role !== 'admin') throw new ApiError(403, 'forbidden', 'the queue dashboard is for admins');
      if (req.method !== 'GET' && req.method !== 'HEAD') assertSameOrigin(req);
    });
    await scope.register(adapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}
