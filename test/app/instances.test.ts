/**
 * Two dondoc instances on one Postgres behind one address behave as one: a web chat page whose
 * stream is held by one instance sees the messages the other stores; a one-time dashboard link
 * made on one is redeemed on the other; planning runs once. (The embedded database is one
 * process by design: these run on Postgres only.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from 'kysely';
import { createApp, type App } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/index.js';
import { loadDemo } from '../../src/demo/load.js';
import { fixedClock } from '../../src/domain/time.js';
import { createTestDatabase, usingPostgres } from '../helpers/db.js';
import { freePort } from '../helpers/telegram-app.js';
import { webClient } from '../helpers/web-client.js';
import { createTask } from '../../src/store/tasks.js';
import { staffIdByName } from './instances-helpers.js';

const AT = '2026-11-24T02:00:00Z';

describe.skipIf(!usingPostgres)('two instances on one Postgres', () => {
  const clock = fixedClock(AT);
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  const apps: App[] = [];
  const bases: string[] = [];

  beforeAll(async () => {
    first = await createTestDatabase();
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(first.db);
    second = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgOptions: `-c search_path=${rows[0]!.schema}`, poolSize: 5 });
    await loadDemo(first.db, clock.now(), { linkCodeTtlDays: 7 });
    for (const database of [first, second]) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const config = parseConfig({ PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, SCHEDULER: 'off', DEMO: '1' });
      const app = await createApp({ config, logger: pino({ level: 'silent' }), clock, database });
      await app.start();
      apps.push(app);
      bases.push(base);
    }
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await second?.close();
    await first?.close();
  });

  it('pushes a message stored by one instance to the page whose stream the other holds', async () => {
    const onA = webClient(bases[0]!);
    expect((await onA.form('/chat/pick', { staff: String(await staffIdByName(first.db, 'Nguyễn Văn Hùng')) })).status).toBe(303);
    const cookie = [...onA.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    // The page's live stream is held by instance B.
    const controller = new AbortController();
    const stream = await fetch(`${bases[1]}/chat/events`, { headers: { cookie }, signal: controller.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let seen = '';
    const readUntil = async (needle: string) => {
      const end = Date.now() + 15_000;
      while (!seen.includes(needle)) {
        if (Date.now() > end) throw new Error(`the stream on B never showed ${needle}:\n${seen}`);
        const { value, done } = await reader.read();
        if (done) throw new Error('stream closed');
        seen += new TextDecoder().decode(value);
      }
    };
    await readUntil('event: ready');
    // The person writes through instance A; A stores the message and the reply.
    const sent = await onA.json('/chat/send', { text: '/help', clientId: 'relay-test-0001' });
    expect(sent.status).toBe(200);
    const replies = (JSON.parse(sent.text) as { messages: { id: number; from: string }[] }).messages;
    const reply = replies.find((m) => m.from === 'bot')!;
    await readUntil(`id: ${reply.id}\n`);
    controller.abort();
  });

  it('redeems on one instance the one-time dashboard link made on the other', async () => {
    const onA = webClient(bases[0]!);
    await onA.form('/chat/pick', { staff: String(await staffIdByName(first.db, 'Trần Thị Thanh Mai')) });
    const answer = JSON.parse((await onA.json('/chat/send', { text: '/dashboard', clientId: 'relay-test-0002' })).text) as { messages: { text: string }[] };
    const link = answer.messages.map((m) => /\/dashboard\/login\?token=[A-Za-z0-9_-]+/.exec(m.text)?.[0]).find(Boolean)!;
    expect(link).toBeTruthy();
    const onB = webClient(bases[1]!);
    expect((await onB.get(link)).status).toBe(200);
    const token = new URL(link, bases[1]).searchParams.get('token')!;
    const login = await onB.form('/dashboard/login', { token });
    expect(login.status).toBe(303);
    expect((await onB.get('/dashboard')).status).toBe(200);
    // Used once: instance A refuses it now.
    expect((await webClient(bases[0]!).form('/dashboard/login', { token })).status).toBe(410);
  });

  it('plans the nudges once when both instances tick at the same instant', async () => {
    const hung = await staffIdByName(first.db, 'Nguyễn Văn Hùng');
    const unit = await first.db.selectFrom('staff').select('unit_id').where('id', '=', hung).executeTakeFirstOrThrow();
    await createTask(
      first.db,
      { title: 'Báo cáo hôm nay', leadUnitId: unit.unit_id, ownerIds: [hung], due: { kind: 'date', date: '2026-11-24' } },
      clock.now(),
    );
    const [a, b] = await Promise.all([apps[0]!.scheduler.planNudges(), apps[1]!.scheduler.planNudges()]);
    // One planned; the other found the lock held or, coming after, nothing new.
    expect([a, b].filter((r) => r.ran && !r.quiet)).toHaveLength(1);
    const queued = [...a.queued, ...b.queued];
    expect(queued.map((q) => q.staffId)).toContain(hung);
    const { rows } = await sql<{ n: number; people: number }>`
      select count(*)::int as n, count(distinct (staff_id, kind))::int as people from outbox where kind in ('nudge', 'escalation')`.execute(first.db);
    expect(rows[0]!.n).toBe(queued.length);
    expect(rows[0]!.people).toBe(rows[0]!.n);
  });
});
