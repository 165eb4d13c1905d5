/**
 * Issue 11, defect 9: a send that timed out after Telegram accepted it was sent again. Now the
 * worker moves on after the timeout, but the request stays open: a late 2xx is recorded as the
 * part sent, the retry waits past that window, and finds nothing left to send.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
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

describe('a send Telegram answers late', () => {
  it('is recorded when the answer comes and never sent twice', async () => {
    await task(h, 'Báo cáo quý', '2025-12-02', await unitOf(h, p.ids.an), [p.ids.an]);
    await h.app.scheduler.planNudges();
    const sender = createTelegramSender({ token: h.tg.token, apiRoot: h.tg.apiRoot, timeoutSeconds: 0.2, lateAnswerSeconds: 5 });
    const deps = { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }), translator: h.app.deps.translator, defaultLocale: 'vi' as const };
    const senders = new Map([['telegram' as const, sender]]);
    const nudges = () => h.tg.sentTo(p.an.id).filter((m) => m.text?.startsWith('Nhắc việc'));
    const before = nudges().length;

    h.tg.failNext('sendMessage', { delayMs: 800 }, { when: (payload) => Number(payload['chat_id']) === p.an.id });
    const first = await deliverOutbox({ ...deps, senders });
    expect(first.counts).toMatchObject({ retry: 1, sent: 0, dead: 0 });
    const row = () => h.database.db.selectFrom('outbox').selectAll().where('staff_id', '=', p.ids.an).executeTakeFirstOrThrow();
    await h.tg.waitFor(async () => (await row()).parts_sent === 1, { label: 'the late answer to be recorded' });
    expect(nudges()).toHaveLength(before + 1);

    h.clock.set(new Date((await row()).next_attempt_at).toISOString());
    const second = await deliverOutbox({ ...deps, senders });
    expect(second.counts).toMatchObject({ sent: 1 });
    expect(nudges()).toHaveLength(before + 1);
    expect((await row()).status).toBe('sent');
  });
});
