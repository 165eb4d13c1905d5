/**
 * Inbound at load: status-button presses and /tasks from 200 distinct chats, POSTed to the
 * Telegram webhook at a fixed offered rate (open loop: each update leaves on schedule whether or
 * not earlier ones were answered), against dondoc on Postgres and, in the same run, a bare grammY
 * bot answering the same updates with no database. Both answer through the same fake Bot API.
 * Prints each one's throughput and p50/p99 latency (POST until the webhook's answer, which
 * grammY sends when the handler, its API calls included, has finished) and dondoc's ratio.
 * `npm run bench:inbound [-- --rate 200 --seconds 10]` (POOL=n sets dondoc's pool size); also part of `npm run bench`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Bot, webhookCallback } from 'grammy';
import type { Message, Update } from 'grammy/types';
import pg from 'pg';
import pino from 'pino';
import { Agent, request } from 'undici';
import { createApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { fixedClock } from '../src/domain/time.js';
import { ensureUnitPath } from '../src/store/units.js';
import { createTask } from '../src/store/tasks.js';
import { startFakeTelegram, type FakeTelegram } from '../test/fakes/telegram-api.js';

const CHATS = 200;
const TASKS_EACH = 4;
const SECRET = 'bench-inbound-secret';
const FIRST_USER = 500_000;
const AT = '2026-11-24T02:00:00Z';

interface Figures {
  sent: number;
  answered: number;
  failed: number;
  seconds: number;
  p50: number;
  p99: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function messageUpdate(updateId: number, user: number, text: string): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.parse(AT) / 1000),
      chat: { id: user, type: 'private', first_name: `U${user}` },
      from: { id: user, is_bot: false, first_name: `U${user}`, language_code: 'vi' },
      text,
      ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
    },
  } as Update;
}

function pressUpdate(tg: FakeTelegram, updateId: number, user: number, card: Message, data: string): Update {
  return {
    update_id: updateId,
    callback_query: {
      id: tg.newCallbackQueryId(user),
      from: { id: user, is_bot: false, first_name: `U${user}`, language_code: 'vi' },
      chat_instance: String(user),
      data,
      message: card,
    },
  } as Update;
}

/** Offers `updates` to `url` at `rate` a second, open loop; returns the figures. */
async function offer(url: string, updates: Update[], rate: number): Promise<Figures> {
  const agent = new Agent({ connections: 256, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  let last = started;
  await Promise.all(
    updates.map(async (update, i) => {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const t0 = performance.now();
      try {
        const res = await request(url, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body: JSON.stringify(update),
        });
        await res.body.dump();
        if (res.statusCode !== 200) failed++;
        else latencies.push(performance.now() - t0);
      } catch {
        failed++;
      }
      last = Math.max(last, performance.now());
    }),
  );
  await agent.close();
  latencies.sort((a, b) => a - b);
  const seconds = (last - started) / 1000;
  return { sent: updates.length, answered: latencies.length, failed, seconds, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

/**
 * Waits until the bot has made no API call for a second: a webhook that answered late (grammY
 * returns after its timeout) may still be working, and must finish before the database closes.
 */
async function settle(tg: FakeTelegram): Promise<void> {
  const calls = () => ['sendMessage', 'answerCallbackQuery', 'editMessageText'].reduce((n, m) => n + tg.callsOf(m).length, 0);
  let seen = -1;
  while (seen !== calls()) {
    seen = calls();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * A grammY bot with no database that answers as dondoc does, message for message: "/tasks" gets
 * a header and one card per task, a button press its answer and an edit of the card.
 */
async function bareBot(tg: FakeTelegram): Promise<{ url: string; close(): Promise<void> }> {
  const bot = new Bot(tg.token, { botInfo: tg.botInfo, client: { apiRoot: tg.apiRoot } });
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
  const handle = webhookCallback(bot, 'http', { secretToken: SECRET });
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('bare bot failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function measureInbound(url: string, log: (line: string) => void, rate = 200, seconds = 10): Promise<void> {
  const schema = `bench_in_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const handle = await openDatabase({ databaseUrl: url, pgOptions: `-c search_path=${schema}`, poolSize: Number(process.env.POOL ?? 10) });
  const tg = await startFakeTelegram({ token: '123456:BENCH-TOKEN' });
  const clock = fixedClock(AT);
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let bare: Awaited<ReturnType<typeof bareBot>> | undefined;
  try {
    await migrateToLatest(handle.db, schema);
    const now = clock.now();
    const unitId = await ensureUnitPath(handle.db, ['Sở Thử nghiệm', 'Văn phòng Sở']);
    const users = Array.from({ length: CHATS }, (_, i) => FIRST_USER + i);
    for (const [i, user] of users.entries()) {
      const staff = await handle.db
        .insertInto('staff')
        .values({
          unit_id: unitId,
          name: `Cán bộ ${i + 1}`,
          name_folded: `can bo ${i + 1}`,
          phone: `09${String(10_000_000 + i)}`,
          role: 'staff',
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await handle.db
        .insertInto('chat_links')
        .values({ staff_id: staff.id, channel: 'telegram', user_id: String(user), chat_id: String(user), linked_at: now })
        .execute();
      for (let k = 0; k < TASKS_EACH; k++) {
        await createTask(
          handle.db,
          {
            title: `Nhiệm vụ ${k + 1} của cán bộ ${i + 1}`,
            leadUnitId: unitId,
            ownerIds: [staff.id],
            due: { kind: 'date', date: `2026-12-${String(10 + k).padStart(2, '0')}` },
          },
          now,
        );
      }
      tg.user({ id: user, first_name: `U${user}`, language_code: 'vi' }, { started: true });
    }
    const port = await new Promise<number>((resolve) => {
      const probe = http.createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const webhook = `http://127.0.0.1:${port}/telegram/webhook`;
    const config = parseConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      SCHEDULER: 'off',
      DATABASE_URL: url,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_WEBHOOK_URL: webhook,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    app = await createApp({ config, logger: pino({ level: 'silent' }), clock, database: handle, telegram: { botInfo: tg.botInfo } });
    await app.start();

    // Each chat asks for its tasks once; the cards it gets carry the buttons pressed below.
    let updateId = 1;
    const cards = new Map<number, { card: Message; data: string }[]>();
    const warm = await offer(
      webhook,
      users.map((user) => messageUpdate(updateId++, user, '/tasks')),
      100,
    );
    for (const user of users) {
      const mine = tg.sentTo(user).filter((m) => m.reply_markup && 'inline_keyboard' in m.reply_markup);
      cards.set(
        user,
        mine.map((card) => ({ card, data: (card.reply_markup as { inline_keyboard: { callback_data?: string }[][] }).inline_keyboard[0]![0]!.callback_data! })),
      );
    }
    const pressable = users.filter((u) => (cards.get(u)?.length ?? 0) > 0).length;
    const total = rate * seconds;
    const load = (base: number): Update[] =>
      Array.from({ length: total }, (_, i) => {
        const user = users[i % CHATS]!;
        const mine = cards.get(user) ?? [];
        if (i % 2 === 0 || mine.length === 0) return messageUpdate(base + i, user, '/tasks');
        const { card, data } = mine[(i >> 1) % mine.length]!;
        return pressUpdate(tg, base + i, user, card, data);
      });

    bare = await bareBot(tg);
    const bareFigures = await offer(bare.url, load(1_000_000), rate);
    await settle(tg);
    const dondoc = await offer(webhook, load(2_000_000), rate);
    await settle(tg);
    const through = (f: Figures) => f.answered / f.seconds;
    const line = (name: string, f: Figures) =>
      `  ${name.padEnd(22)} ${f.answered}/${f.sent} answered (${f.failed} failed) in ${f.seconds.toFixed(1)} s = ${through(f).toFixed(0)}/s; p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms`;
    log(
      `Inbound through the Telegram webhook (${CHATS} chats, ${TASKS_EACH} open tasks each; half /tasks, half status-button presses; offered ${rate}/s for ${seconds} s)`,
    );
    log(`  warm-up: ${warm.answered} × /tasks at 100/s, p50 ${warm.p50.toFixed(1)} ms; ${pressable} chats got cards`);
    log(line('bare grammY, no DB', bareFigures));
    log(line('dondoc on Postgres', dondoc));
    log(
      `  throughput ratio dondoc / bare: ${(through(dondoc) / through(bareFigures)).toFixed(2)} (target ≥ 0.8); dondoc p99 ${dondoc.p99.toFixed(1)} ms (target < 50 ms)`,
    );
  } finally {
    await app?.stop();
    await bare?.close();
    await tg.close();
    await handle.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rate: { type: 'string', default: '200' }, seconds: { type: 'string', default: '10' } } });
  measureInbound(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    (l) => console.log(l),
    Number(values.rate),
    Number(values.seconds),
  ).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
