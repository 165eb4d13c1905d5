/** pino, writing JSON lines to stderr so the CLI's stdout stays clean for its answers. */
import pino, { type Logger } from 'pino';

export function createLogger(level: string, name = 'dondoc'): Logger {
  return pino({ name, level, redact: ['token', '*.token', 'config.telegram.token', 'config.zalo.token'] }, pino.destination(2));
}
