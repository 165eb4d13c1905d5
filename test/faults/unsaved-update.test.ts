/**
 * An update that could not be handled nor even recorded (the database refused every statement)
 * is not answered in webhook mode: the delivery gets 503, so Telegram delivers it again, and the
 * second delivery is handled once the database is back. Before, the webhook answered 200 with an
 * apology and the message was gone. A database that fails only for a moment is ridden out by the
 * retries of the record itself.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { seedPeople, startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';

let h: TelegramHarness;

beforeAll(async () => {
  h = await startTelegramHarness({ webhookSecret: 'unsaved_Secret-1' });
  const [code] = await seedPeople(h, '0912000001');
  const an = h.tg.user({ id: 4001, first_name: 'An', language_code: 'vi' });
  await h.expectMessages(an, 2, () => an.send(`/start ${code}`));
});
afterAll(async () => {
  await h.close();
});

/** Makes the database driver refuse statements: every one while `failing()` says so. */
function refuseStatements(failing: () => boolean): MockInstance {
  const target = h.database.pglite ?? pg.Client.prototype;
  const original = target.query as (...args: unknown[]) => Promise<unknown>;
  return vi.spyOn(target, 'query').mockImplementation(function (this: unknown, ...args: unknown[]) {
    if (failing()) return Promise.reject(new Error('database unreachable (test)'));
    return original.apply(this, args);
  } as never);
}

const recorded = (updateId: number) =>
  h.database.db.selectFrom('inbound_updates').select(['outcome']).where('channel', '=', 'telegram').where('update_key', '=', String(updateId)).execute();

describe('an update the database cannot take', () => {
  it('is refused with 503 (not answered), and handled when Telegram delivers it again', async () => {
    const an = h.tg.user({ id: 4001, first_name: 'An', language_code: 'vi' });
    // No delivery still running from before, so this update waits for the one made below.
    await h.tg.waitForIdle();
    h.tg.autoDeliver = false;
    const spy = refuseStatements(() => true);
    let first;
    try {
      an.send('/tasks');
      [first] = await h.tg.deliverViaWebhook({ attempts: 1 });
    } finally {
      spy.mockRestore();
      h.tg.autoDeliver = true;
    }
    expect(first!.status).toBe(503);
    expect(h.tg.sentTo(4001)).toHaveLength(2);
    const update = h.tg.updates.at(-1)!;
    expect(await recorded(update.update_id)).toHaveLength(0);

    // Telegram delivers it again; the database is back.
    const again = await fetch(h.tg.webhook!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'unsaved_Secret-1' },
      body: JSON.stringify(update),
    });
    expect(again.status).toBe(200);
    const said = h.tg.sentTo(4001).slice(2);
    expect(said).toHaveLength(1);
    expect(said[0]!.text).not.toMatch(/lỗi/);
    expect(await recorded(update.update_id)).toEqual([{ outcome: 'command:tasks' }]);
  });

  it('rides out a database that fails for a moment: the failure is recorded and the person told it was saved', async () => {
    const an = h.tg.user({ id: 4001, first_name: 'An', language_code: 'vi' });
    let refusals = 0;
    // The handling's statement and the first try to record the failure are refused; the retry works.
    const spy = refuseStatements(() => refusals++ < 2);
    try {
      const [reply] = await h.expectMessages(an, 1, () => an.send('xong'));
      expect(reply!.text).toContain('đã được lưu lại');
    } finally {
      spy.mockRestore();
    }
    expect(await recorded(h.tg.updates.at(-1)!.update_id)).toEqual([{ outcome: 'error' }]);
  });
});
