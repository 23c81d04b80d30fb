import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/guard.js';
import type { RouteContext } from '../deps.js';
import type { AlertEvent, AlertView } from '../ports.js';
import { alertsOf } from './alerts.js';

/** How often a port without `subscribe` is polled for changes, and the keep-alive period. */
const POLL_MS = 5000;
const PING_MS = 20_000;

/**
 * `GET /api/alerts/stream`: Server-Sent Events, one `alert` event per created or changed alert.
 * Pushes from the port when it can subscribe; otherwise polls it and sends what changed.
 */
export function registerAlertStream(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/alerts/stream', { preHandler: requireRole('viewer'), schema: { tags: ['alerts'], summary: 'Live alert updates (text/event-stream)' } }, async (req, reply) => {
    const port = alertsOf(ctx);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
      'X-Accel-Buffering': 'no',
    });
    const send = (event: AlertEvent) => res.write(`event: alert\ndata: ${JSON.stringify(event)}\n\n`);
    res.write('retry: 3000\n: connected\n\n');
    let stop: () => void;
    if (port.subscribe) {
      stop = port.subscribe(send);
    } else {
      const seen = new Map<string, string>();
      let primed = false;
      const poll = async () => {
        const { alerts } = await port.list({ limit: 100, offset: 0 });
        for (const a of alerts as AlertView[]) {
          const before = seen.get(a.id);
          if (before !== a.updatedAt) {
            if (primed) send({ type: before === undefined ? 'created' : 'updated', alert: a });
            seen.set(a.id, a.updatedAt);
          }
        }
        primed = true;
      };
      await poll().catch(() => undefined);
      const timer = setInterval(() => void poll().catch((err: Error) => req.log.warn({ err: err.message }, 'alert poll failed')), POLL_MS);
      stop = () => clearInterval(timer);
    }
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    req.raw.on('close', () => {
      clearInterval(ping);
      stop();
    });
  });
}
