/**
 * The chaos suite (`npm run chaos`; `npm run chaos -- --short` is the version CI runs): on
 * Postgres, with the fake Telegram Bot API (flood limits on, 20 % of sends failing with 429, 5xx
 * or a slow answer), N people are due a nudge and two dondoc processes deliver them while the
 * suite kills one with SIGKILL three times, terminates every database connection of both, and
 * posts fuzzed updates (forged buttons, NUL and surrogates, 10 000-character text, unknown
 * users, bad JSON) at their webhooks. It prints sent, received, lost, duplicated, unauthorised
 * changes and the peak send rate, and exits non-zero when a target is missed: 0 lost,
 * 0 unauthorised, ≤ 0.5 % duplicates, the rate within the bot's limit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { actions } from '../src/chat/actions.js';
import { openDatabase, type Db } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { localInstant } from '../src/domain/time.js';
import { planTick } from '../src/scheduler/planner.js';
import { upsertStaff } from '../src/store/staff.js';
import { createTask } from '../src/store/tasks.js';
import { ensureUnitPath } from '../src/store/units.js';
import { startFakeTelegram, type FakeTelegram } from '../test/fakes/telegram-api.js';
import { freePort } from '../test/helpers/telegram-app.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const DAY = '2026-12-08'; // a Tuesday, no holiday
const DUE = '2026-12-09';
const SECRET = 'chaos_secret_0123456789';
const LIMIT = 30;
/** Sends one process may have in flight when it is killed (answered by Telegram, not yet recorded). */
const IN_FLIGHT_PER_KILL = 4;
/** How every nudge (nudge-header in locales/vi.ftl) begins. */
const NUDGE_START = 'Nhắc việc';

interface Plan {
  people: number;
  kills: number;
  fuzz: number;
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seed(db: Db, people: number): Promise<{ userIds: number[]; occurrences: number[] }> {
  const unitId = await ensureUnitPath(db, ['Sở Chaos', 'Văn phòng']);
  const now = new Date(localInstant(DAY, 8, 0));
  const userIds: number[] = [];
  const occurrences: number[] = [];
  for (let i = 0; i < people; i++) {
    const phone = `09${String(10_000_000 + i)}`;
    await upsertStaff(db, { name: `Cán bộ ${i}`, unitId, role: 'staff', phone }, now);
    const { id } = await db.selectFrom('staff').select('id').where('phone', '=', phone).executeTakeFirstOrThrow();
    const { occurrenceIds } = await createTask(db, { title: `Việc ${i}`, leadUnitId: unitId, ownerIds: [id], due: { kind: 'date', date: DUE } }, now);
    const userId = 700_000_000 + i;
    await db
      .insertInto('chat_links')
      .values({ staff_id: id, channel: 'telegram', user_id: String(userId), chat_id: String(userId), display_name: `U${i}`, linked_at: now, last_seen_at: now })
      .execute();
    userIds.push(userId);
    occurrences.push(occurrenceIds[0]!);
  }
  return { userIds, occurrences };
}

/** 20 % of sendMessage calls fail: 429 with retry_after, 500, 502, or an answer 2 s late (decided once per call). */
function injectFailures(tg: FakeTelegram, count: number): { injected429: () => number } {
  let injected429 = 0;
  const kinds = [
    { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
    { error_code: 500, description: 'Internal Server Error' },
    { error_code: 502, description: 'Bad Gateway' },
    { delayMs: 2_000 },
  ] as const;
  const decided = new WeakMap<object, number>();
  const decide = (payload: object) => {
    let kind = decided.get(payload);
    if (kind === undefined) {
      kind = Math.random() < 0.2 ? Math.floor(Math.random() * kinds.length) : -1;
      decided.set(payload, kind);
      if (kind === 0) injected429++;
    }
    return kind;
  };
  kinds.forEach((failure, k) => tg.failNext('sendMessage', failure, { times: count, when: (payload) => decide(payload) === k }));
  return { injected429: () => injected429 };
}

function startInstance(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'chaos-instance.ts')], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`chaos instance on ${port} exited with ${code}`)));
  });
}

function fuzzUpdate(k: number, users: number[], occurrences: number[]): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
  const id = 900_000_000 + k;
  const stranger = { id: 800_000_000 + (k % 5000), is_bot: false, first_name: 'Lạ' };
  const kind = k % 20;
  if (kind === 0) return '{"update_id": ' + id + ', "message": {'; // bad JSON
  const texts = ['xong', '/tasks', '/start ABCDEFGH', 'a\u0000b', '\ud800 lẻ', 'x'.repeat(10_000), '/help\u0000', '2'];
  if (kind === 1) {
    // A linked person presses a button forged for someone else's task.
    const i = Math.floor(Math.random() * users.length);
    const other = occurrences[(i + 1 + Math.floor(Math.random() * (users.length - 1))) % users.length]!;
    const from = { id: users[i]!, is_bot: false, first_name: 'U' };
    return JSON.stringify({
      update_id: id,
      callback_query: {
        id: `q${id}`,
        from,
        chat_instance: '1',
        data: actions.status(pick(['done', 'in_progress'] as const), other),
        message: { message_id: 1, date: 1, chat: { id: users[i], type: 'private' } },
      },
    });
  }
  if (kind === 2) {
    const i = Math.floor(Math.random() * users.length);
    const text = pick(['x'.repeat(10_000), '/help\u0000', 'ghi chú \ud83d', 'a\u0000\u0000']);
    return JSON.stringify({
      update_id: id,
      message: { message_id: k, date: 1, chat: { id: users[i], type: 'private' }, from: { id: users[i], is_bot: false, first_name: 'U' }, text },
    });
  }
  if (kind === 3) {
    return JSON.stringify({
      update_id: id,
      callback_query: {
        id: `q${id}`,
        from: stranger,
        chat_instance: '1',
        data: `st:d:${pick(occurrences)}\u0000`,
        message: { message_id: 1, date: 1, chat: { id: stranger.id, type: 'private' } },
      },
    });
  }
  return JSON.stringify({ update_id: id, message: { message_id: k, date: 1, chat: { id: stranger.id, type: 'private' }, from: stranger, text: pick(texts) } });
}

async function fuzz(
  ports: () => number[],
  total: number,
  users: number[],
  occurrences: number[],
): Promise<{ ok: number; bad: number; other: number; statuses: Map<string, number> }> {
  const counts = { ok: 0, bad: 0, other: 0, statuses: new Map<string, number>() };
  let next = 0;
  const lane = async () => {
    for (let k = next++; k < total; k = next++) {
      const body = fuzzUpdate(k, users, occurrences);
      try {
        // Like Telegram, an update whose delivery failed (the instance was killed) is sent again.
        let res: Response | undefined;
        for (let attempt = 0; !res; attempt++) {
          const live = ports();
          const port = live[(k + attempt) % live.length]!;
          res = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
            body,
            signal: AbortSignal.timeout(15_000),
          }).catch(async (error: unknown) => {
            if (attempt >= 5) throw error;
            await sleep(500);
            return undefined;
          });
        }
        await res.arrayBuffer();
        if (res.status === 200) counts.ok++;
        else if (res.status === 400) counts.bad++;
        else counts.other++;
        counts.statuses.set(String(res.status), (counts.statuses.get(String(res.status)) ?? 0) + 1);
      } catch (error) {
        counts.other++;
        const name = error instanceof Error ? error.name : 'error';
        counts.statuses.set(name, (counts.statuses.get(name) ?? 0) + 1);
      }
      await sleep(10);
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  return counts;
}

function peakPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

export async function runChaos(plan: Plan): Promise<boolean> {
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  const schema = `chaos_${randomBytes(4).toString('hex')}`;
  const appName = `dondoc-chaos-${schema}`;
  const handle = await openDatabase({ databaseUrl: url, pgOptions: `-c search_path=${schema}`, poolSize: 4 });
  await sql.raw(`create schema ${schema}`).execute(handle.db);
  const tg = await startFakeTelegram({ token: '5555555:CHAOS-TOKEN-abcdefghijklmnopqrstuvwxyz', rateLimits: { perChatPerSecond: 1, globalPerSecond: LIMIT } });
  const children = new Map<number, ChildProcess>();
  try {
    await migrateToLatest(handle.db, schema);
    const t0 = performance.now();
    const { userIds, occurrences } = await seed(handle.db, plan.people);
    const t0ms = Date.now();
    for (const id of userIds) tg.user({ id, first_name: `U${id}` }, { started: true });
    const offsetMs = new Date(localInstant(DAY, 9, 0)).getTime() - Date.now();
    const planned = await planTick(handle.db, { now: new Date(Date.now() + offsetMs), channels: ['telegram'], logger: pino({ level: 'silent' }) });
    log(
      `chaos: ${plan.people} people due, ${planned.queued.length} nudges queued (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s); schema ${schema}`,
    );
    const failures = injectFailures(tg, plan.people * 2);
    const updatesBefore = Number((await sql<{ n: number }>`select count(*)::int as n from updates`.execute(handle.db)).rows[0]!.n);
    const env = {
      DATABASE_URL: url,
      CHAOS_SCHEMA: schema,
      CHAOS_APP: appName,
      CHAOS_OFFSET_MS: String(offsetMs),
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    };
    const ports = [await freePort(), await freePort()];
    for (const port of ports) children.set(port, await startInstance(env, port));
    const isNudge = (text: unknown) => typeof text === 'string' && text.startsWith(NUDGE_START);
    const delivered = () => tg.callsOf('sendMessage').filter((c) => c.status === 200 && isNudge(c.payload['text'])).length;
    const fuzzing = fuzz(() => [...children.keys()], plan.fuzz, userIds, occurrences);

    let kills = 0;
    let terminated = false;
    const deadline = Date.now() + 15 * 60_000;
    const pending = async () =>
      Number((await sql<{ n: number }>`select count(*)::int as n from outbox where status = 'pending'`.execute(handle.db)).rows[0]!.n);
    while (Date.now() < deadline) {
      const done = delivered() / plan.people;
      if (kills < plan.kills && done >= (kills + 1) / (plan.kills + 2)) {
        const port = ports[0]!;
        children.get(port)?.kill('SIGKILL');
        children.delete(port);
        kills++;
        log(`  kill -9 #${kills} at ${(done * 100).toFixed(0)} % delivered`);
        children.set(port, await startInstance(env, port));
      } else if (!terminated && done >= 0.6) {
        const { rows } = await sql<{
          n: number;
        }>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = ${appName}`.execute(handle.db);
        terminated = true;
        log(`  terminated ${rows[0]!.n} database connections at ${(done * 100).toFixed(0)} % delivered`);
      }
      if (terminated && kills >= plan.kills && (await pending()) === 0) break;
      await sleep(250);
    }
    const fuzzed = await fuzzing;
    for (const child of children.values()) child.kill('SIGTERM');

    const received = new Map<number, number>();
    for (const id of userIds) received.set(id, tg.sentTo(id, { includeDeleted: true }).filter((m) => isNudge(m.text)).length);
    const lost = [...received.values()].filter((n) => n === 0).length;
    if (process.env.CHAOS_KEEP) {
      for (const [id] of [...received].filter(([, n]) => n > 1)) {
        const calls = tg.callsOf('sendMessage').filter((c) => Number(c.payload['chat_id']) === id);
        log(`  duplicated ${id}: ${calls.map((c) => `${c.status}@${c.at - t0ms}`).join(' ')}`);
      }
    }
    const duplicated = [...received.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const outbox = (await sql<{ status: string; n: number }>`select status, count(*)::int as n from outbox group by status`.execute(handle.db)).rows;
    const sent = outbox.find((r) => r.status === 'sent')?.n ?? 0;
    const unauthorised = Number((await sql<{ n: number }>`select count(*)::int as n from updates`.execute(handle.db)).rows[0]!.n) - updatesBefore;
    const recorded = Number((await sql<{ n: number }>`select count(*)::int as n from inbound_updates`.execute(handle.db)).rows[0]!.n);
    const accepted = tg.callsOf('sendMessage').filter((c) => c.status === 200);
    const toPeople = accepted.filter((c) => isNudge(c.payload['text'])).map((c) => c.at);
    const floodRefusals = tg.tooManyRequests - failures.injected429();
    const rate = peakPerSecond(toPeople);
    const allRate = peakPerSecond(accepted.map((c) => c.at));
    const total = [...received.values()].reduce((a, b) => a + b, 0);
    log(`  outbox: ${outbox.map((r) => `${r.status} ${r.n}`).join(', ')}`);
    log(
      `  fuzz: ${plan.fuzz} updates posted (${fuzzed.ok} accepted, ${fuzzed.bad} refused as bad JSON, ${fuzzed.other} other: ${[...fuzzed.statuses].map(([s, n]) => `${s}×${n}`).join(' ')}); ${recorded} recorded`,
    );
    log(
      `sent ${sent} · received ${total} · lost ${lost} · duplicated ${duplicated} (${((duplicated / plan.people) * 100).toFixed(2)} %) · unauthorised changes ${unauthorised}`,
    );
    log(
      `peak send rate per bot: ${rate}/s for nudges, ${allRate}/s with interactive replies (limit ${LIMIT}/s); flood 429s from the fake ${floodRefusals}; kills ${kills}`,
    );
    // At-least-once: a message Telegram accepted just before its sender was killed is sent again.
    // Target: ≤ 0.5 % of the people, and never more than the sends one process has in flight per kill.
    const allowed = Math.max(Math.floor(plan.people * 0.005), plan.kills * IN_FLIGHT_PER_KILL);
    log(`  duplicates allowed: ${allowed} (0.5 % of ${plan.people}, or ${IN_FLIGHT_PER_KILL} in flight per kill)`);
    const ok = lost === 0 && unauthorised === 0 && duplicated <= allowed && rate <= LIMIT && fuzzed.ok + fuzzed.bad === plan.fuzz && recorded === fuzzed.ok;
    log(ok ? 'chaos: all targets met' : 'chaos: TARGET MISSED');
    return ok;
  } finally {
    for (const child of children.values()) child.kill('SIGKILL');
    await tg.close();
    if (!process.env.CHAOS_KEEP)
      await sql
        .raw(`drop schema ${schema} cascade`)
        .execute(handle.db)
        .catch(() => undefined);
    await handle.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { short: { type: 'boolean', default: false } } });
  const plan: Plan = values.short ? { people: 150, kills: 1, fuzz: 1000 } : { people: 2000, kills: 3, fuzz: 10_000 };
  runChaos(plan).then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
