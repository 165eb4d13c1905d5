/**
 * Inbound at load: status-button presses and /tasks from 200 distinct chats, POSTed to the
 * Telegram webhook at a fixed offered rate (open loop: each update leaves on schedule whether or
 * not earlier ones were answered), against dondoc on Postgres and, in the same run, a bare grammY
 * bot answering the same updates with no database. Each bot runs in its own process, as in a
 * deployment (bench/inbound-app.ts); this process is the load and the fake Bot API both answer
 * through. Prints each one's throughput and p50/p99 latency (POST until the webhook's answer,
 * which grammY sends when the handler, its API calls included, has finished), the CPU each bot
 * process (and Postgres, when it runs on this machine) spent per update, and dondoc's ratio.
 * Before the measured run dondoc gets two seconds of the same mix, not counted: a service that
 * has been running has its code compiled and its connections open.
 * `npm run bench:inbound [-- --rate 200 --seconds 10]` (POOL=n sets dondoc's pool size; INBOUND_PROF=dir
 * writes a CPU profile of the dondoc process there); also part of `npm run bench`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Message, Update } from 'grammy/types';
import pg from 'pg';
import { Agent, request } from 'undici';
import { openDatabase } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { fixedClock } from '../src/domain/time.js';
import { ensureUnitPath } from '../src/store/units.js';
import { createTask } from '../src/store/tasks.js';
import { startFakeTelegram, type FakeTelegram } from '../test/fakes/telegram-api.js';
import { freePort } from '../test/helpers/telegram-app.js';

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
  /** p99 of "/tasks" alone and of the button presses alone. */
  p99Tasks: number;
  p99Presses: number;
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
  const byKind = { tasks: [] as number[], presses: [] as number[] };
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
        else {
          const ms = performance.now() - t0;
          latencies.push(ms);
          ('callback_query' in update ? byKind.presses : byKind.tasks).push(ms);
        }
      } catch {
        failed++;
      }
      last = Math.max(last, performance.now());
    }),
  );
  await agent.close();
  for (const list of [latencies, byKind.tasks, byKind.presses]) list.sort((a, b) => a - b);
  const seconds = (last - started) / 1000;
  return {
    sent: updates.length,
    answered: latencies.length,
    failed,
    seconds,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    p99Tasks: pct(byKind.tasks, 99),
    p99Presses: pct(byKind.presses, 99),
  };
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

/** CPU time (ms) of every Postgres process on this machine, or null when it cannot be read here. */
function postgresCpuMs(): number | null {
  let ticks = 0;
  let seen = false;
  try {
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      seen = true;
    }
  } catch {
    return null;
  }
  // utime and stime are in clock ticks, 100 a second on Linux.
  return seen ? ticks * 10 : null;
}

/** A bot process's event loop since the last reading: delay p99 and max, time in GC and its longest pause (ms). */
interface LoopFigures {
  loopP99: number;
  loopMax: number;
  gcMs: number;
  gcMax: number;
}

interface BotProcess {
  url: string;
  /** The process's CPU time so far (ms), and its event loop since the last reading. */
  cpuMs(): Promise<{ cpuMs: number; loop: LoopFigures }>;
  stop(): Promise<void>;
}

/** Starts bench/inbound-app.ts and waits for it to serve. */
async function startBot(kind: 'dondoc' | 'bare', env: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const here = path.dirname(fileURLToPath(import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.INBOUND_PROF && kind === 'dondoc' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.INBOUND_PROF}`] : []),
      '--import',
      'tsx',
      path.join(here, 'inbound-app.ts'),
    ],
    {
      env: { ...process.env, ...env, INBOUND_APP: kind, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const waiting: ((line: string) => void)[] = [];
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${kind} bot exited with ${code}`))));
  exited.catch(() => undefined);
  const ready = await Promise.race([next(), exited]);
  if (ready !== 'ready') throw new Error(`${kind} bot said ${ready}`);
  return {
    url: kind === 'dondoc' ? `http://127.0.0.1:${port}/telegram/webhook` : `http://127.0.0.1:${port}/`,
    async cpuMs() {
      const line = next();
      child.kill('SIGUSR2');
      const [, ms, loop] = /^cpu (\S+) (.*)$/.exec(await Promise.race([line, exited]))!;
      return { cpuMs: Number(ms), loop: JSON.parse(loop!) as LoopFigures };
    },
    async stop() {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** Offers `updates` to `bot` and measures the CPU its process (and Postgres) spent meanwhile. */
async function measured(bot: BotProcess, updates: Update[], rate: number): Promise<Figures & { cpuMs: number; postgresMs: number | null; loop: LoopFigures }> {
  const before = await bot.cpuMs();
  const pg0 = postgresCpuMs();
  const figures = await offer(bot.url, updates, rate);
  const after = await bot.cpuMs();
  const pg1 = postgresCpuMs();
  return { ...figures, cpuMs: after.cpuMs - before.cpuMs, loop: after.loop, postgresMs: pg0 === null || pg1 === null ? null : pg1 - pg0 };
}

export async function measureInbound(url: string, log: (line: string) => void, rate = 200, seconds = 10): Promise<void> {
  const schema = `bench_in_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const handle = await openDatabase({ databaseUrl: url, pgOptions: `-c search_path=${schema}`, poolSize: 2 });
  const tg = await startFakeTelegram({ token: '123456:BENCH-TOKEN' });
  const clock = fixedClock(AT);
  let dondocBot: BotProcess | undefined;
  let bareBot: BotProcess | undefined;
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
    // A live database has statistics (autovacuum analyzes within a minute of a bulk load); without
    // them the planner guesses one row per table.
    await admin.query(`analyze ${['staff', 'chat_links', 'tasks', 'task_owners', 'task_units', 'occurrences'].map((t) => `${schema}.${t}`).join(', ')}`);
    const env = {
      DATABASE_URL: url,
      INBOUND_SCHEMA: schema,
      INBOUND_AT: AT,
      INBOUND_TASKS_EACH: String(TASKS_EACH),
      INBOUND_BOT_INFO: JSON.stringify(tg.botInfo),
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    };
    dondocBot = await startBot('dondoc', env);
    const webhook = dondocBot.url;

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

    // Two seconds of the same mix, not counted (see the top of this file).
    const warmMix = await offer(webhook, load(3_000_000).slice(0, rate * 2), rate);
    await settle(tg);

    bareBot = await startBot('bare', env);
    const bareFigures = await measured(bareBot, load(1_000_000), rate);
    await settle(tg);
    const dondoc = await measured(dondocBot, load(2_000_000), rate);
    await settle(tg);
    const perUpdate = (ms: number | null) => (ms === null ? 'unknown' : `${(ms / total).toFixed(2)} ms`);
    const through = (f: Figures) => f.answered / f.seconds;
    const line = (name: string, f: Figures) =>
      `  ${name.padEnd(22)} ${f.answered}/${f.sent} answered (${f.failed} failed) in ${f.seconds.toFixed(1)} s = ${through(f).toFixed(0)}/s; p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms (/tasks ${f.p99Tasks.toFixed(1)}, presses ${f.p99Presses.toFixed(1)})`;
    log(
      `Inbound through the Telegram webhook (${CHATS} chats, ${TASKS_EACH} open tasks each; half /tasks, half status-button presses; offered ${rate}/s for ${seconds} s)`,
    );
    log(`  warm-up: ${warm.answered} × /tasks at 100/s, p50 ${warm.p50.toFixed(1)} ms; ${pressable} chats got cards`);
    log(`  warm-up: ${warmMix.answered} of the mix at ${rate}/s, p50 ${warmMix.p50.toFixed(1)} ms, p99 ${warmMix.p99.toFixed(1)} ms (not counted)`);
    log(line('bare grammY, no DB', bareFigures));
    log(line('dondoc on Postgres', dondoc));
    log(
      `  CPU per update: bare bot ${perUpdate(bareFigures.cpuMs)}; dondoc ${perUpdate(dondoc.cpuMs)} and Postgres ${perUpdate(dondoc.postgresMs)} (all of this machine's Postgres processes)`,
    );
    const loopLine = (f: LoopFigures) =>
      `event loop delay p99 ${f.loopP99.toFixed(1)} ms, max ${f.loopMax.toFixed(1)} ms; GC ${f.gcMs.toFixed(0)} ms, longest ${f.gcMax.toFixed(1)} ms`;
    log(`  bare bot: ${loopLine(bareFigures.loop)}`);
    log(`  dondoc:   ${loopLine(dondoc.loop)}`);
    log(
      `  throughput ratio dondoc / bare: ${(through(dondoc) / through(bareFigures)).toFixed(2)} (target ≥ 0.8); dondoc p99 ${dondoc.p99.toFixed(1)} ms (target < 50 ms)`,
    );
  } finally {
    await dondocBot?.stop();
    await bareBot?.stop();
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
