/**
 * One dondoc process for the chaos suite (bench/chaos.ts starts two, and kills them): the real
 * app (createApp) on Postgres in the suite's schema, Telegram in webhook mode against the fake
 * Bot API, and the real delivery worker draining the outbox every half second. Its clock is the
 * system clock shifted to a working morning, so nudges are inside the send window whenever the
 * suite runs. Prints "ready" on stdout once it serves.
 */
import pino from 'pino';
import { createApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';
import { createLogger } from '../src/logger.js';

const env = process.env;
const offsetMs = Number(env.CHAOS_OFFSET_MS ?? 0);
const clock = { now: () => new Date(Date.now() + offsetMs) };
const logger = env.CHAOS_LOG ? createLogger('warn', { name: `chaos-${env.PORT}` }) : pino({ level: 'silent' });

async function main(): Promise<void> {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgOptions: `-c search_path=${env.CHAOS_SCHEMA}`,
    applicationName: env.CHAOS_APP ?? 'dondoc-chaos',
    poolSize: 6,
    logger,
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
  const app = await createApp({ config, logger, clock, database });
  await app.start();
  process.stdout.write('ready\n');
  for (;;) {
    await app.scheduler.deliver({ leaseMs: 15_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
