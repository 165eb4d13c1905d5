/**
 * One dondoc process for the chaos suite (bench/chaos.ts starts two, and kills them): the real
 * app (createApp) on Postgres in the suite's schema, Telegram in webhook mode against the fake
 * Bot API, and the real delivery worker draining the outbox every half second. Its clock is the
 * system clock shifted to a working morning, so nudges are inside the send window whenever the
 * suite runs. Prints "ready" on stdout once it serves.
 */
import pino from 'pino';
import { createLogger } from '../src/logger.js';
import { startWebhookApp } from './webhook-app.js';

const env = process.env;
const offsetMs = Number(env.CHAOS_OFFSET_MS ?? 0);
const clock = { now: () => new Date(Date.now() + offsetMs) };
const logger = env.CHAOS_LOG ? createLogger('warn', { name: `chaos-${env.PORT}` }) : pino({ level: 'silent' });

async function main(): Promise<void> {
  const { app } = await startWebhookApp({
    env,
    schema: env.CHAOS_SCHEMA!,
    applicationName: env.CHAOS_APP ?? 'dondoc-chaos',
    poolSize: 6,
    clock,
    logger,
  });
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
