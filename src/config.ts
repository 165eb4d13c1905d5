/**
 * The environment, read once at start-up and validated with zod (DESIGN.md §6). A bad value
 * stops start-up with a message naming every bad variable; tests call the pure parseConfig.
 */
import path from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : undefined));

const secretToken = z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z, a-z, 0-9, _ and -');

const httpUrl = z.url({ protocol: /^https?$/ });

const schema = z
  .object({
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
        .optional(),
    ),
    DATA_DIR: z.string().default('./data'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: optionalString.pipe(httpUrl.optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEFAULT_LOCALE: z.enum(['vi', 'en']).default('vi'),
    LINK_CODE_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    DEMO: optionalString.pipe(z.enum(['0', '1', 'true', 'false']).optional()),
    TELEGRAM_BOT_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456:ABC-def')
        .optional(),
    ),
    TELEGRAM_API_ROOT: optionalString.pipe(httpUrl.optional()),
    TELEGRAM_WEBHOOK_URL: optionalString.pipe(httpUrl.optional()),
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(secretToken.optional()),
    /** 'off' runs no cron jobs in this process (a second web-only instance, or tests driving the scheduler by hand). */
    SCHEDULER: z.enum(['on', 'off']).default('on'),
    /** '1' serves /metrics to this machine only (127.0.0.1); a token serves it to whoever sends it as a Bearer token. */
    METRICS: z.enum(['0', '1']).default('0'),
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').max(256).optional()),
    ZALO_BOT_TOKEN: optionalString,
    ZALO_API_ROOT: optionalString.pipe(httpUrl.optional()),
    ZALO_WEBHOOK_URL: optionalString.pipe(httpUrl.optional()),
    ZALO_WEBHOOK_SECRET: optionalString.pipe(z.string().min(8).max(256).optional()),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required when TELEGRAM_WEBHOOK_URL is set' });
    }
    if (env.ZALO_WEBHOOK_URL && !env.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: 'is required when ZALO_WEBHOOK_URL is set' });
    }
  });

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  publicUrl: string | undefined;
  logLevel: string;
  defaultLocale: 'vi' | 'en';
  linkCodeTtlDays: number;
  demo: boolean | undefined;
  /** Whether this process runs the cron jobs (planner, digest, delivery). */
  scheduler: boolean;
  /** /metrics: off; on for localhost only; or on for anyone with the token. */
  metrics: { localOnly: boolean; token: string | undefined } | undefined;
  telegram: { token: string; apiRoot: string | undefined; webhookUrl: string | undefined; webhookSecret: string | undefined } | undefined;
  zalo: { token: string; apiRoot: string | undefined; webhookUrl: string | undefined; webhookSecret: string | undefined } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment; throws ConfigError listing every bad variable by name. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`));
  }
  const e = result.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    linkCodeTtlDays: e.LINK_CODE_TTL_DAYS,
    demo: e.DEMO === undefined ? undefined : e.DEMO === '1' || e.DEMO === 'true',
    scheduler: e.SCHEDULER === 'on',
    metrics: e.METRICS === '1' || e.METRICS_TOKEN ? { localOnly: !e.METRICS_TOKEN, token: e.METRICS_TOKEN } : undefined,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, webhookUrl: e.TELEGRAM_WEBHOOK_URL, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET }
      : undefined,
    zalo: e.ZALO_BOT_TOKEN
      ? { token: e.ZALO_BOT_TOKEN, apiRoot: e.ZALO_API_ROOT, webhookUrl: e.ZALO_WEBHOOK_URL, webhookSecret: e.ZALO_WEBHOOK_SECRET }
      : undefined,
  };
}
