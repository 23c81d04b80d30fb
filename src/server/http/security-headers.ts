import type { FastifyInstance } from 'fastify';

/**
 * Content-Security-Policy of the dashboard: scripts only from our own origin (no inline script,
 * no eval), nothing may frame us. Inline *styles* are allowed because ECharts positions its
 * tooltip and canvas with style attributes; styles cannot run code.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * bull-board's bundled UI sets `<base href>` and may bootstrap inline; it is admin-only and
 * same-origin. Its Google Fonts link stays blocked (no CDN): the UI falls back to system fonts.
 */
const ADMIN_UI_CSP = DASHBOARD_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("base-uri 'none'", "base-uri 'self'");

/** Security headers on every response. */
export function installSecurityHeaders(app: FastifyInstance, opts: { secure: boolean }): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('Content-Security-Policy', req.url.startsWith('/admin/queues') ? ADMIN_UI_CSP : DASHBOARD_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (opts.secure) reply.header('Strict-Transport-Security', 'max-age=31536000');
    if (req.url.startsWith('/api/') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
