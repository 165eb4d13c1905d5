/**
 * A nudge Telegram accepted while the database dropped its connections (what terminating them
 * mid-delivery does in `npm run chaos`): recording the part sent failed, the row went back to
 * pending and the nudge was sent again. Now the record is tried again, not the send.
 */
import pg from 'pg';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createTelegramSender } from '../../src/channels/telegram/sender.js';
import { deliverOutbox } from '../../src/scheduler/worker.js';
import type { TelegramHarness } from '../helpers/telegram-app.js';
import { harnessWithPeople, type People, task, unitOf } from '../scheduler/helpers.js';

let h: TelegramHarness;
let p: People;
harnessWithPeople({ at: '2025-12-01T01:00:00Z' }, (started, people) => {
  h = started;
  p = people;
});

describe('a send whose record meets a dropped connection', () => {
  it('is recorded on a second try and sent once', async () => {
    await task(h, 'Báo cáo quý', '2025-12-02', await unitOf(h, p.ids.an), [p.ids.an]);
    await h.app.scheduler.planNudges();
    const sender = createTelegramSender({ token: h.tg.token, apiRoot: h.tg.apiRoot });
    const deps = { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }), translator: h.app.deps.translator, defaultLocale: 'vi' as const };
    const nudges = () => h.tg.sentTo(p.an.id).filter((m) => m.text?.startsWith('Nhắc việc'));
    const before = nudges().length;

    // The first statement recording a part as sent fails as a terminated connection does.
    const target = h.database.pglite ?? pg.Client.prototype;
    const original = target.query as (...args: unknown[]) => Promise<unknown>;
    let dropped = 0;
    const spy = vi.spyOn(target, 'query').mockImplementation(function (this: unknown, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: unknown }).text);
      if (/update "outbox" set "parts_sent"/.test(text) && dropped++ === 0) {
        return Promise.reject(new Error('Connection terminated unexpectedly'));
      }
      return original.apply(this, args);
    } as never);
    let report;
    try {
      report = await deliverOutbox({ ...deps, senders: new Map([['telegram' as const, sender]]) });
    } finally {
      spy.mockRestore();
    }
    expect(dropped).toBeGreaterThan(1);
    expect(report.counts).toMatchObject({ sent: 1, retry: 0 });
    expect(nudges()).toHaveLength(before + 1);
    const row = await h.database.db.selectFrom('outbox').selectAll().where('staff_id', '=', p.ids.an).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', parts_sent: 1 });

    // Nothing is left to send later.
    h.clock.set('2025-12-01T03:00:00Z');
    expect((await deliverOutbox({ ...deps, senders: new Map([['telegram' as const, sender]]) })).counts.sent).toBe(0);
    expect(nudges()).toHaveLength(before + 1);
  });
});
