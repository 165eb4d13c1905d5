/**
 * Issue 11, defect 1: a dropped database connection (what a Postgres restart or failover does)
 * must not kill dondoc or lose a message. The pool drops the broken client; the outage and the
 * recovery are logged once each; /healthz answers 503 at once when the database does not answer;
 * an outbox row whose bookkeeping lost the connection is retried, never given up.
 */
import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/index.js';
import { isConnectionError } from '../../src/db/health.js';
import { createHttpServer } from '../../src/http/server.js';
import { registerHealth } from '../../src/app/routes.js';
import { deliverOutbox } from '../../src/scheduler/worker.js';
import type { Sender } from '../../src/chat/sender.js';
import { classifyError } from '../../src/channels/retry.js';
import { createTestDatabase, usingPostgres } from '../helpers/db.js';
import type { TelegramHarness } from '../helpers/telegram-app.js';
import { harnessWithPeople, type People, task, unitOf } from '../scheduler/helpers.js';

function capture() {
  const lines: { msg: string; level: number }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { msg: string; level: number });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

async function until(check: () => boolean | Promise<boolean>, label: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`waited too long for ${label}`);
}

describe('when Postgres terminates every connection', () => {
  if (!usingPostgres) {
    it.skip('needs Postgres (DATABASE_URL): PGlite has no connections to terminate', () => undefined);
    return;
  }
  let base: DatabaseHandle;
  let handle: DatabaseHandle;
  const name = `dondoc-outage-${process.pid}-${Date.now()}`;
  const log = capture();
  beforeAll(async () => {
    base = await createTestDatabase();
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(base.db);
    handle = await openDatabase({
      databaseUrl: process.env.DATABASE_URL,
      pgOptions: `-c search_path=${rows[0]!.schema}`,
      poolSize: 3,
      applicationName: name,
      logger: log.logger,
    });
  });
  afterAll(async () => {
    await handle?.close();
    await base?.close();
  });

  it('keeps the process alive, reconnects, and logs the outage and the recovery once each', async () => {
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(handle.db)));
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${name}`.execute(base.db);
    await until(() => handle.health!.isDown, 'the pool to report the dropped connections');
    // A client whose termination notice has not arrived yet may fail one query, as a job would:
    // the pool drops it, and the retry gets a fresh connection.
    const query = () => sql<{ one: number }>`select 1 as one`.execute(handle.db);
    const { rows } = await query().catch(async (error: unknown) => {
      expect(isConnectionError(error)).toBe(true);
      return query().catch(() => query());
    });
    expect(rows[0]!.one).toBe(1);
    handle.health!.up();
    handle.health!.up();
    expect(log.lines.filter((l) => l.msg.startsWith('database unreachable'))).toHaveLength(1);
    expect(log.lines.filter((l) => l.msg === 'database reachable again')).toHaveLength(1);
  });
});

describe('/healthz with a database that does not answer', () => {
  let blackhole: net.Server;
  const sockets: net.Socket[] = [];
  let handle: DatabaseHandle;
  beforeAll(async () => {
    // Accepts connections and never says a word, like a server behind a dead network link.
    blackhole = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const port = (blackhole.address() as net.AddressInfo).port;
    handle = await openDatabase({ databaseUrl: `postgres://nobody@127.0.0.1:${port}/none`, poolSize: 1 });
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => blackhole.close(r));
    await handle.close().catch(() => undefined);
  });

  it('answers 503 instead of hanging', async () => {
    const http = createHttpServer(pino({ level: 'silent' }));
    registerHealth(http, handle, pino({ level: 'silent' }));
    const port = await http.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4_000) });
      expect(res.status).toBe(503);
      expect(handle.health!.isDown).toBe(true);
    } finally {
      await http.close();
    }
  });
});

describe('an outbox row whose bookkeeping loses the connection', () => {
  let h: TelegramHarness;
  let p: People;
  harnessWithPeople({ at: '2025-12-01T01:00:00Z' }, (started, people) => {
    h = started;
    p = people;
  });

  it('stays pending and is sent on the next run, never dead', async () => {
    await task(h, 'Báo cáo quý', '2025-12-02', await unitOf(h, p.ids.an), [p.ids.an]);
    await h.app.scheduler.planNudges();
    let calls = 0;
    const flaky: Sender = {
      channel: 'telegram',
      async send() {
        calls++;
        if (calls === 1) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
        return 'm-1';
      },
      classify: (error, attempt) => classifyError(error, { attempt }),
      describe: (error) => String(error),
    };
    const deps = { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }), translator: h.app.deps.translator, defaultLocale: 'vi' as const };
    const first = await deliverOutbox({ ...deps, senders: new Map([['telegram', flaky]]) });
    expect(first.counts).toMatchObject({ retry: 1, dead: 0 });
    const [row] = await h.database.db.selectFrom('outbox').selectAll().where('staff_id', '=', p.ids.an).execute();
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    h.clock.set(new Date(new Date(row!.next_attempt_at).getTime()).toISOString());
    const second = await deliverOutbox({ ...deps, senders: new Map([['telegram', flaky]]) });
    expect(second.counts).toMatchObject({ sent: 1, dead: 0 });
  });
});
