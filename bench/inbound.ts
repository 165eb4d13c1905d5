/**
 * Inbound at load: status-button presses and /tasks from 200 distinct chats, POSTed to the
 * Telegram webhook at a fixed offered rate (open loop: each update leaves on schedule whether or
 * not earlier ones were answered), against dondoc on Postgres and, in the same run, a bare grammY
 * bot answering the same updates with no database. Each bot runs in its own process, as in a
 * deployment (bench/inbound-app.ts); this process is the load and the fake Bot API both answer
 * through. Prints each one's throughput and p50/p99 latency (POST until the webhook's answer,
 * which grammY sends when the handler, its API calls included, has finished), the CPU each bot
 * process (and Postgres, when it runs on this machine) spent per update, and dondoc's ratio.
 * Before the measured runs dondoc gets two seconds of the same mix, not counted: a service that
 * has been running has its code compiled and its connections open.
 * On a small shared machine one run's p99 follows whatever else the cores were doing in those
 * seconds (a collection in the bench's own process, Postgres writing its WAL), so the two bots are
 * measured in several rounds, taking turns and swapping who goes first each round; the figures
 * are over all rounds, beside each round's p99 and their median.
 * Both bots start with the node flags of `npm start` (test/helpers/server-flags.ts), as production
 * does; INBOUND_NOFLAGS=1 starts them without, to compare.
 * `npm run bench:inbound [-- --rate 200 --seconds 10 --rounds 3]` (POOL=n sets dondoc's pool size;
 * INBOUND_PROF=dir writes a CPU profile of the dondoc process there); also part of `npm run bench`.
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
import { startScriptFlags } from '../test/helpers/server-flags.js';
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
  /** Latencies (ms) of the answered updates, of "/tasks" alone and of the button presses alone. */
  all: number[];
  tasks: number[];
  presses: number[];
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
  return { sent: updates.length, answered: latencies.length, failed, seconds: (last - started) / 1000, all: latencies, ...byKind };
}

/** Several runs' figures as one: counts and seconds added, latencies pooled. */
function pooled(runs: Figures[]): Figures {
  return {
    sent: runs.reduce((n, f) => n + f.sent, 0),
    answered: runs.reduce((n, f) => n + f.answered, 0),
    failed: runs.reduce((n, f) => n + f.failed, 0),
    seconds: runs.reduce((n, f) => n + f.seconds, 0),
    all: runs.flatMap((f) => f.all),
    tasks: runs.flatMap((f) => f.tasks),
    presses: runs.flatMap((f) => f.presses),
  };
}

const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
const p99 = (list: number[]) => pct(sorted(list), 99);
const median = (list: number[]) => pct(sorted(list), 50);

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
      ...(process.env.INBOUND_NOFLAGS ? [] : startScriptFlags()),
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

interface Measured extends Figures {
  /** CPU time (ms) of the bot's process, of Postgres (null: not readable here) and of this process (the load and the fake Bot API). */
  cpuMs: number;
  postgresMs: number | null;
  benchMs: number;
  loop: LoopFigures;
}

/** Offers `updates` to `bot` and measures the CPU its process (and Postgres, and this one) spent meanwhile. */
async function measured(bot: BotProcess, updates: Update[], rate: number): Promise<Measured> {
  const before = await bot.cpuMs();
  const pg0 = postgresCpuMs();
  const self = process.cpuUsage();
  const figures = await offer(bot.url, updates, rate);
  const selfUsed = process.cpuUsage(self);
  const after = await bot.cpuMs();
  const pg1 = postgresCpuMs();
  return {
    ...figures,
    cpuMs: after.cpuMs - before.cpuMs,
    loop: after.loop,
    postgresMs: pg0 === null || pg1 === null ? null : pg1 - pg0,
    benchMs: (selfUsed.user + selfUsed.system) / 1000,
  };
}

export async function measureInbound(url: string, log: (line: string) => void, rate = 200, seconds = 10, rounds = 3): Promise<void> {
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
    // them the planner guesses one row per table. Autovacuum also clears the row versions each
    // answer leaves behind, about once a minute; a Postgres run with it off (as on these test
    // machines) is vacuumed here before each round instead.
    const autovacuum = (await admin.query<{ autovacuum: string }>('show autovacuum')).rows[0]!.autovacuum === 'on';
    const tidy = async () => {
      const tables = [
        'staff',
        'chat_links',
        'tasks',
        'task_owners',
        'task_units',
        'occurrences',
        'updates',
        'inbound_updates',
        'message_refs',
        'planner_changes',
      ];
      if (!autovacuum) await admin.query(`vacuum (analyze) ${tables.map((t) => `${schema}.${t}`).join(', ')}`);
    };
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

    // Each chat asks for its tasks once; the cards it gets carry the buttons pressed below. Each
    // press on a card changes its task, "Hoàn thành" and "Đang thực hiện" in turn, as people press
    // buttons to change a status (pressing the shown one again changes nothing, and Telegram
    // refuses an edit that changes nothing).
    let updateId = 1;
    const cards = new Map<number, { card: Message; data: [string, string]; pressed: number }[]>();
    const warm = await offer(
      webhook,
      users.map((user) => messageUpdate(updateId++, user, '/tasks')),
      100,
    );
    for (const user of users) {
      const mine = tg.sentTo(user).filter((m) => m.reply_markup && 'inline_keyboard' in m.reply_markup);
      cards.set(
        user,
        mine.map((card) => {
          const data = (card.reply_markup as { inline_keyboard: { callback_data?: string }[][] }).inline_keyboard.flat().map((b) => b.callback_data ?? '');
          const done = data.find((d) => d.startsWith('st:d:'));
          const progress = data.find((d) => d.startsWith('st:p:'));
          if (!done || !progress) throw new Error(`a card without its status buttons: ${data.join(' ')}`);
          return { card, data: [done, progress], pressed: 0 };
        }),
      );
    }
    const pressable = users.filter((u) => (cards.get(u)?.length ?? 0) > 0).length;
    const total = rate * seconds;
    const load = (base: number): Update[] =>
      Array.from({ length: total }, (_, i) => {
        const user = users[i % CHATS]!;
        const mine = cards.get(user) ?? [];
        if (i % 2 === 0 || mine.length === 0) return messageUpdate(base + i, user, '/tasks');
        const pick = mine[(i >> 1) % mine.length]!;
        return pressUpdate(tg, base + i, user, pick.card, pick.data[pick.pressed++ % 2]!);
      });

    // Two seconds of the same mix, not counted (see the top of this file).
    let nextId = 3_000_000;
    const take = (n: number) => {
      const base = nextId;
      nextId += n;
      return base;
    };
    const warmMix = await offer(webhook, load(take(total)).slice(0, rate * 2), rate);
    await settle(tg);

    bareBot = await startBot('bare', env);
    const bareRuns: Measured[] = [];
    const dondocRuns: Measured[] = [];
    for (let round = 0; round < rounds; round++) {
      await tidy();
      // Who goes first swaps each round, so neither always meets what the other left behind.
      const order = round % 2 === 0 ? (['bare', 'dondoc'] as const) : (['dondoc', 'bare'] as const);
      for (const kind of order) {
        const bot = kind === 'bare' ? bareBot : dondocBot;
        (kind === 'bare' ? bareRuns : dondocRuns).push(await measured(bot, load(take(total)), rate));
        await settle(tg);
      }
    }
    const bare = pooled(bareRuns);
    const dondoc = pooled(dondocRuns);
    const sum = (runs: Measured[], pick: (m: Measured) => number | null) =>
      runs.some((m) => pick(m) === null) ? null : runs.reduce((n, m) => n + pick(m)!, 0);
    const perUpdate = (ms: number | null, f: Figures) => (ms === null ? 'unknown' : `${(ms / f.sent).toFixed(2)} ms`);
    const through = (f: Figures) => f.answered / f.seconds;
    const line = (name: string, f: Figures, runs: Figures[]) =>
      `  ${name.padEnd(22)} ${f.answered}/${f.sent} answered (${f.failed} failed) in ${f.seconds.toFixed(1)} s = ${through(f).toFixed(0)}/s; ` +
      `p50 ${median(f.all).toFixed(1)} ms, p99 ${p99(f.all).toFixed(1)} ms (/tasks ${p99(f.tasks).toFixed(1)}, presses ${p99(f.presses).toFixed(1)}); ` +
      `p99 by round ${runs.map((r) => p99(r.all).toFixed(1)).join(' / ')} ms, median ${median(runs.map((r) => p99(r.all))).toFixed(1)} ms`;
    log(
      `Inbound through the Telegram webhook (${CHATS} chats, ${TASKS_EACH} open tasks each; half /tasks, half status-button presses; offered ${rate}/s, ${rounds} rounds of ${seconds} s for each bot, taking turns; node ${startScriptFlags().join(' ') || 'without flags'} as npm start)`,
    );
    log(`  warm-up: ${warm.answered} × /tasks at 100/s, p50 ${median(warm.all).toFixed(1)} ms; ${pressable} chats got cards`);
    log(
      `  warm-up: ${warmMix.answered} of the mix at ${rate}/s, p50 ${median(warmMix.all).toFixed(1)} ms, p99 ${p99(warmMix.all).toFixed(1)} ms (not counted)`,
    );
    log(line('bare grammY, no DB', bare, bareRuns));
    log(line('dondoc on Postgres', dondoc, dondocRuns));
    log(
      `  CPU per update: bare bot ${perUpdate(
        sum(bareRuns, (m) => m.cpuMs),
        bare,
      )}; dondoc ${perUpdate(
        sum(dondocRuns, (m) => m.cpuMs),
        dondoc,
      )} ` +
        `and Postgres ${perUpdate(
          sum(dondocRuns, (m) => m.postgresMs),
          dondoc,
        )} (all of this machine's Postgres processes); ` +
        `the load and the fake Bot API ${perUpdate(
          sum(bareRuns, (m) => m.benchMs),
          bare,
        )} with the bare bot, ${perUpdate(
          sum(dondocRuns, (m) => m.benchMs),
          dondoc,
        )} with dondoc`,
    );
    const loopLine = (runs: Measured[]) =>
      `event loop delay p99 ${Math.max(...runs.map((r) => r.loop.loopP99)).toFixed(1)} ms, max ${Math.max(...runs.map((r) => r.loop.loopMax)).toFixed(1)} ms; ` +
      `GC ${(runs.reduce((n, r) => n + r.loop.gcMs, 0) / runs.length).toFixed(0)} ms a round, longest ${Math.max(...runs.map((r) => r.loop.gcMax)).toFixed(1)} ms`;
    log(`  bare bot: ${loopLine(bareRuns)}`);
    log(`  dondoc:   ${loopLine(dondocRuns)}`);
    log(
      `  throughput ratio dondoc / bare: ${(through(dondoc) / through(bare)).toFixed(2)} (target ≥ 0.8); dondoc p99 ${p99(dondoc.all).toFixed(1)} ms over all rounds, median of rounds ${median(dondocRuns.map((r) => p99(r.all))).toFixed(1)} ms (target < 50 ms)`,
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
  const { values } = parseArgs({
    options: { rate: { type: 'string', default: '200' }, seconds: { type: 'string', default: '10' }, rounds: { type: 'string', default: '3' } },
  });
  measureInbound(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    (l) => console.log(l),
    Number(values.rate),
    Number(values.seconds),
    Number(values.rounds),
  ).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
