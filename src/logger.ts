/**
 * pino, writing JSON lines to stderr so the CLI's stdout stays clean for its answers. Secrets
 * never reach a log line: known fields are redacted by path, errors go through a serializer that
 * scrubs their message, stack and causes, and every line is scrubbed once more on its way out
 * (grammY's network errors, for one, carry the full request URL, token included).
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export const REDACTED = '[redacted]';

/** Field paths that hold secrets wherever they are logged. */
const REDACT_PATHS = [
  'token',
  '*.token',
  'secret',
  '*.secret',
  'webhookSecret',
  '*.webhookSecret',
  'config.telegram.token',
  'config.zalo.token',
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-bot-api-secret-token"]',
  'req.headers.cookie',
  'req.headers.authorization',
];

/** A Telegram bot token (`123456789:AA…`), alone or inside a URL path (`/bot123:AA…/getMe`). */
const TELEGRAM_TOKEN = /\d{5,}:[A-Za-z0-9_-]{20,}/g;
/** The password in a connection string (`postgres://user:password@host`). */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s"]+:)[^@\s"]+@/gi;

/** The secrets of a configuration, for `createLogger`. */
export function secretsOf(config: Pick<Config, 'telegram' | 'zalo'>): string[] {
  return [config.telegram?.token, config.telegram?.webhookSecret, config.zalo?.token, config.zalo?.webhookSecret].filter(
    (s): s is string => typeof s === 'string' && s.length >= 6,
  );
}

/** Replaces every known secret (also URL-encoded) and anything shaped like a bot token or a URL password. */
export function scrubber(secrets: readonly string[]): (text: string) => string {
  const exact = [...new Set(secrets.flatMap((s) => [s, encodeURIComponent(s)]))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of exact) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out.replace(TELEGRAM_TOKEN, REDACTED).replace(URL_PASSWORD, `$1${REDACTED}@`);
  };
}

export interface LoggerOptions {
  name?: string;
  /** Values never to print (tokens, webhook secrets). */
  secrets?: readonly string[];
  /** Where lines go (default stderr). */
  destination?: DestinationStream;
}

export function createLogger(level: string, options: LoggerOptions | string = {}): Logger {
  const opts = typeof options === 'string' ? { name: options } : options;
  const scrub = scrubber(opts.secrets ?? []);
  const target = opts.destination ?? pino.destination(2);
  const scrubbed: DestinationStream = { write: (line: string) => target.write(scrub(line)) };
  return pino(
    {
      name: opts.name ?? 'dondoc',
      level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: {
        err: (error: Error) => {
          const serialized = pino.stdSerializers.err(error);
          return JSON.parse(scrub(JSON.stringify(serialized))) as typeof serialized;
        },
      },
    },
    scrubbed,
  );
}
