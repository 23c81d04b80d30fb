import { pino, type Logger } from 'pino';

/** Paths whose values never reach a log line (secrets come from env and must stay there). */
const REDACT = [
  'password', '*.password', 'apiKey', '*.apiKey', 'token', '*.token', 'authorization', '*.authorization',
  'headers.authorization', 'headers.cookie', 'ELASTICSEARCH_PASSWORD', 'ELASTICSEARCH_API_KEY', 'secret', '*.secret',
];

/** Create the process logger (JSON lines on stderr, so stdout stays clean for CLI output). */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', name = 'pulse'): Logger {
  return pino({ name, level, redact: { paths: REDACT, censor: '[redacted]' } }, pino.destination(2));
}

export type { Logger };
