/**
 * One bot process for bench/inbound.ts, so the bot under test has its own event loop as in a
 * deployment, apart from the bench's load generator and fake Bot API. INBOUND_APP=dondoc runs the
 * real app (createApp) on Postgres in the bench's schema with a fixed clock; INBOUND_APP=bare runs
 * a grammY bot with no database that answers the same updates message for message. Both serve the
 * Telegram webhook on PORT. Prints "ready" once it serves; on SIGUSR2 "cpu <ms> <json>": its CPU
 * time so far and its event loop since the last SIGUSR2 (delay p99 and max, GC time and longest
 * pause, in ms); closes on SIGTERM.
 */
import http from 'node:http';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { Bot, webhookCallback } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import pino from 'pino';
import { fixedClock } from '../src/domain/time.js';
import { startWebhookApp } from './webhook-app.js';

const env = process.env;
const TASKS_EACH = Number(env.INBOUND_TASKS_EACH ?? 4);

/** Answers as dondoc does: "/tasks" gets a header and one card per task, a press its answer and an edit of the card. */
async function bare(): Promise<() => Promise<void>> {
  const bot = new Bot(env.TELEGRAM_BOT_TOKEN!, { botInfo: JSON.parse(env.INBOUND_BOT_INFO!) as UserFromGetMe, client: { apiRoot: env.TELEGRAM_API_ROOT! } });
  bot.command('tasks', async (ctx) => {
    await ctx.reply(`Việc của anh/chị: ${TASKS_EACH} việc đang mở`);
    for (let k = 1; k <= TASKS_EACH; k++) {
      await ctx.reply(`#${k} · Nhiệm vụ ${k}\nHạn: 1${k}/12/2026`, {
        reply_markup: {
          inline_keyboard: [
            [
              { text: 'Đang thực hiện', callback_data: `s:${k}:p` },
              { text: 'Hoàn thành', callback_data: `s:${k}:d` },
            ],
          ],
        },
      });
    }
  });
  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery({ text: 'Đã ghi nhận' });
    await ctx.editMessageText(
      `${ctx.callbackQuery.message && 'text' in ctx.callbackQuery.message ? ctx.callbackQuery.message.text : ''}\n✓ ${ctx.update.update_id}`,
    );
  });
  bot.catch((error) => console.error('bare bot failed:', error.message));
  const handle = webhookCallback(bot, 'http', { secretToken: env.TELEGRAM_WEBHOOK_SECRET! });
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('bare bot failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(env.PORT), '127.0.0.1', resolve));
  return () => new Promise((resolve) => server.close(() => resolve()));
}

async function dondoc(): Promise<() => Promise<void>> {
  const { app, database } = await startWebhookApp({
    env,
    schema: env.INBOUND_SCHEMA!,
    applicationName: 'dondoc-bench',
    poolSize: Number(env.POOL ?? 10),
    clock: fixedClock(env.INBOUND_AT!),
    logger: pino({ level: 'silent' }),
    botInfo: JSON.parse(env.INBOUND_BOT_INFO!) as UserFromGetMe,
  });
  return async () => {
    await app.stop();
    await database.close();
  };
}

async function main(): Promise<void> {
  const close = env.INBOUND_APP === 'bare' ? await bare() : await dondoc();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let gcMs = 0;
  let gcMax = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcMax = Math.max(gcMax, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('SIGUSR2', () => {
    const cpu = process.cpuUsage();
    process.stdout.write(
      `cpu ${(cpu.user + cpu.system) / 1000} ${JSON.stringify({ loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6, gcMs, gcMax })}\n`,
    );
    loop.reset();
    gcMs = 0;
    gcMax = 0;
  });
  process.once('SIGTERM', () => {
    void close()
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(0));
  });
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
