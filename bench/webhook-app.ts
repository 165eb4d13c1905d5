/**
 * The real app as a bench's child process runs it (bench/chaos-instance.ts, bench/inbound-app.ts):
 * on Postgres in the bench's schema, no scheduler, Telegram in webhook mode on PORT against the
 * fake Bot API, everything else from the environment the bench passes.
 */
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import { createApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { openDatabase, type DatabaseHandle } from '../src/db/index.js';
import type { Clock } from '../src/domain/time.js';

export async function startWebhookApp(options: {
  env: NodeJS.ProcessEnv;
  schema: string;
  applicationName: string;
  poolSize: number;
  clock: Clock;
  logger: Logger;
  botInfo?: UserFromGetMe | undefined;
}): Promise<{ app: Awaited<ReturnType<typeof createApp>>; database: DatabaseHandle }> {
  const { env } = options;
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgOptions: `-c search_path=${options.schema}`,
    applicationName: options.applicationName,
    poolSize: options.poolSize,
    logger: options.logger,
  });
  const config = parseConfig({
    PORT: env.PORT,
    HOST: '127.0.0.1',
    SCHEDULER: 'off',
    DEMO: '0',
    DATABASE_URL: env.DATABASE_URL,
    TELEGRAM_BOT_TOKEN: env.TELEGRAM_BOT_TOKEN,
    TELEGRAM_API_ROOT: env.TELEGRAM_API_ROOT,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${env.PORT}/telegram/webhook`,
    TELEGRAM_WEBHOOK_SECRET: env.TELEGRAM_WEBHOOK_SECRET,
  });
  const app = await createApp({
    config,
    logger: options.logger,
    clock: options.clock,
    database,
    ...(options.botInfo ? { telegram: { botInfo: options.botInfo } } : {}),
  });
  await app.start();
  return { app, database };
}
