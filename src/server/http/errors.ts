import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';

/** Body of every error response: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/**
 * An error with an HTTP status and a stable machine code, thrown by routes and hooks.
 * @example
 * throw new ApiError(404, 'not_found', `item ${id} does not exist`);
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A 400 listing every zod issue as `{ path, message }`, so clients see each bad field. */
export function validationError(where: string, error: z.ZodError): ApiError {
  const details = error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  return new ApiError(400, 'validation_failed', `invalid ${where}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
}

/** Map every thrown error to the structured body; 5xx messages are generic (details are logged). */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError | Error, req, reply) => {
    if (err instanceof ApiError) {
      return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details } } satisfies ErrorBody);
    }
    const fe = err as FastifyError;
    const status = typeof fe.statusCode === 'number' && fe.statusCode >= 400 ? fe.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.status(status).send({ error: { code: 'internal', message: 'internal server error', details: null } });
    }
    const code = fe.validation ? 'validation_failed' : (fe.code ?? 'bad_request').toLowerCase();
    return reply.status(status).send({ error: { code, message: fe.message, details: fe.validation ?? null } });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}`, details: null } });
  });
}
