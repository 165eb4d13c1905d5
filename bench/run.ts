/**
 * `npm run bench [-- --scale national] [-- --messages N]`: dondoc's scheduler at province or national
 * scale on Postgres (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), in a schema
 * of its own that is dropped at the end. Prints figures; asserts nothing.
 *   1. generate the organisation and its occurrences (bench/generate.ts)
 *   2. one planner tick at 08:00 on a working day (and the daily upkeep at 07:00)
 *   3. /overdue for a province leader (and the national root)
 *   4. the tick again with many more stored rows that are not due, and with twice the due rows
 *   5. the command line: help and staff link-code beside a bare node (bench/cli.ts)
 *   7. inbound updates through the Telegram webhook against a bare grammY bot (bench/inbound.ts)
 *   6. delivery of queued messages to the fake Telegram API with its flood limits on
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { localInstant } from '../src/domain/time.js';
import { planTick } from '../src/scheduler/planner.js';
import { bulk, generate, occurrences, SCALES, settle, type Layout, type Scale } from './generate.js';
import { measureCli } from './cli.js';
import { measureDelivery } from './delivery.js';
import { measureInbound } from './inbound.js';
import { measureOverdue } from './overdue.js';

const TODAY = '2025-12-02';
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const log = (line = '') => console.log(line);
const ms = (t0: number) => `${Math.round(performance.now() - t0)} ms`;
const n = (x: number) => x.toLocaleString('en-US');

async function count(db: Db, table: 'occurrences' | 'nudge_log' | 'outbox'): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return rows[0]!.n;
}

const MONDAY = '2025-12-01';

/**
 * Forgets what was planned on TODAY (ledger and outbox), keeping the previous day's ledger, and
 * vacuums: a live system never deletes a day's plan, so the next tick must not pay for dead
 * index entries a real one would not meet.
 */
async function resetToday(db: Db): Promise<void> {
  await sql`delete from nudge_log where created_at >= ${localInstant(TODAY)}`.execute(db);
  await sql`delete from outbox where created_at >= ${localInstant(TODAY)}`.execute(db);
  await sql`delete from settings where key = 'scheduler_pass'`.execute(db);
  await sql`vacuum analyze nudge_log, outbox`.execute(db);
}

interface Tick {
  ms: number;
  ran: boolean;
  items: number;
  messages: number;
  escalations: number;
}

async function tick(db: Db, day = TODAY, hour = 8, minute = 0): Promise<Tick> {
  const t0 = performance.now();
  const result = await planTick(db, { now: localInstant(day, hour, minute), channels: ['telegram'] });
  return {
    ms: performance.now() - t0,
    ran: result.ran,
    items: result.queued.reduce((sum, q) => sum + q.total, 0),
    messages: result.queued.length,
    escalations: result.queued.filter((q) => q.kind === 'escalation').length,
  };
}

const describe = (t: Tick) => `${Math.round(t.ms)} ms — ${n(t.items)} items due → ${n(t.messages)} messages (${n(t.escalations)} escalations)`;

async function planner(db: Db): Promise<void> {
  log('Planner');
  let t0 = performance.now();
  await planTick(db, { now: localInstant(MONDAY, 7, 0), channels: ['telegram'] });
  log(`  daily upkeep (Mon 07:00)            ${ms(t0)}`);
  log(`  first tick ever (Mon 08:00)         ${describe(await tick(db, MONDAY))}`);
  log('    (catches up every escalation at once; a live system spreads them over the days they fall due)');
  await planTick(db, { now: localInstant(TODAY, 7, 0), channels: ['telegram'] });
  await settle(db);
  log(`  daily tick (Tue 08:00)              ${describe(await tick(db))}`);
  for (const minute of [5, 10]) {
    t0 = performance.now();
    const again = await planTick(db, { now: localInstant(TODAY, 8, minute), channels: ['telegram'] });
    log(
      `  quiet tick (Tue 08:${String(minute).padStart(2, '0')}, nothing new)  ${ms(t0)} — ${again.queued.length} messages${again.quiet ? '' : ' (not quiet!)'}`,
    );
  }
  // One change that can add a nudge: an open occurrence due next year moved to today.
  await sql`update occurrences set due_date = ${TODAY}::date
    where id = (select id from occurrences where status in ('open','in_progress','blocked') and due_date > ${TODAY}::date + 30 limit 1)`.execute(db);
  t0 = performance.now();
  const busy = await planTick(db, { now: localInstant(TODAY, 8, 15), channels: ['telegram'] });
  log(`  busy tick (Tue 08:15, one task moved to today)  ${ms(t0)} — ${busy.queued.length} messages`);
}

async function scaling(db: Db, loader: Db, scale: Scale, l: Layout): Promise<void> {
  log('Tick cost vs rows stored and rows due (Tue 08:00 again each time, after forgetting what Tuesday planned)');
  log(`  ${'occurrences stored'.padEnd(20)} ${'items due'.padStart(10)} ${'tick'.padStart(10)}`);
  const row = async () => {
    await resetToday(db);
    await tick(db); // warm
    await resetToday(db);
    await settle(db);
    const r = await tick(db);
    if (!r.ran) log('  (the planner lock was held by another session: tick skipped)');
    log(`  ${n(await count(db, 'occurrences')).padEnd(20)} ${n(r.items).padStart(10)} ${`${Math.round(r.ms)} ms`.padStart(10)}`);
  };
  await row();
  const extra = scale.name === 'province' ? 10 : 1;
  const t0 = performance.now();
  await bulk(loader, async () => {
    for (let k = 1; k <= extra; k++) await occurrences(loader, TODAY, 1, scale.occurrences, `x${k}`, k * 97, true);
  });
  await sql`vacuum analyze occurrences`.execute(db);
  await settle(db);
  log(`  (+${extra}× non-due occurrences inserted in ${ms(t0)})`);
  await row();
  await bulk(loader, () => occurrences(loader, TODAY, 1, scale.occurrences, 'dup', 0));
  await sql`vacuum analyze occurrences`.execute(db);
  await settle(db);
  log('  (+1× copy of every occurrence, due ones included: twice the rows due)');
  await row();
  void l;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'province' }, messages: { type: 'string', default: '900' } } });
  const scale = SCALES[values.scale as Scale['name']];
  if (!scale) throw new Error(`--scale must be province or national, not ${values.scale}`);
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const handle = await openDatabase({ databaseUrl: url, pgOptions: `-c search_path=${schema}`, poolSize: 8 });
  // One connection for bulk loads, whose session settings (bench/generate.ts bulk) must stick.
  const loader = await openDatabase({ databaseUrl: url, pgOptions: `-c search_path=${schema}`, poolSize: 1 });
  const started = performance.now();
  try {
    const version = (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
    log(`dondoc bench — ${scale.name} scale: ${n(scale.staff)} staff, ${n(scale.occurrences)} occurrences`);
    log(`Postgres ${version}, Node ${process.version}, ${os.cpus().length} CPUs; schema ${schema}; day ${TODAY} (Tuesday)`);
    await migrateToLatest(handle.db, schema);
    log('Generate');
    const l = await generate(loader.db, scale, TODAY, log);
    const schemaUrl = new URL(url);
    schemaUrl.searchParams.set('options', `-c search_path=${schema}`);
    const somebody = await sql<{ phone: string }>`select phone from staff order by id limit 1`.execute(handle.db);
    await measureCli(schemaUrl.toString(), somebody.rows[0]!.phone, log);
    await planner(handle.db);
    await measureOverdue(handle.db, scale, l, TODAY, log);
    await measureDelivery(handle.db, TODAY, Number(values.messages), log, pino({ level: 'silent' }));
    await scaling(handle.db, loader.db, scale, l);
    await measureInbound(url, log);
    log(`Total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await loader.close();
    await handle.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
