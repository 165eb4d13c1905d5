/**
 * Issue 11, defect 3: a person linked in a private chat who writes in a group that has the bot
 * must not pull their nudges (or a leader's digest) into the group. In groups the bot answers
 * commands briefly, links no one, and never rebinds a link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTask, seedPeople, startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';

const AN = '0912000001';
const DUNG = '0912000004';
const GROUP = { id: -1001234567890, title: 'Phòng Văn phòng Sở' };

let h: TelegramHarness;
let codes: string[];

beforeAll(async () => {
  h = await startTelegramHarness();
  codes = await seedPeople(h, AN, DUNG);
});
afterAll(async () => {
  await h.close();
});

const linkOf = (userId: number) =>
  h.database.db.selectFrom('chat_links').select('chat_id').where('channel', '=', 'telegram').where('user_id', '=', String(userId)).executeTakeFirst();

describe('a linked person writing in a group', () => {
  it('keeps nudges in the private chat and answers only briefly in the group', async () => {
    const an = h.tg.user({ id: 7101, first_name: 'An', language_code: 'vi' });
    await h.expectMessages(an, 2, () => an.send(`/start ${codes[0]}`));
    await addTask(h, 'Báo cáo quý IV gửi Sở Tài chính', AN, '2026-11-24');

    an.sendInGroup(GROUP, '/help@dondoc_test_bot');
    const [help] = await h.tg.waitForSent(GROUP.id, 1);
    expect(help!.text).toContain('tin nhắn riêng');
    an.sendInGroup(GROUP, '/tasks@dondoc_test_bot');
    const [, tasks] = await h.tg.waitForSent(GROUP.id, 2);
    expect(tasks!.text).toContain('tin nhắn riêng');
    expect(tasks!.text).not.toContain('Báo cáo quý IV');
    expect((await linkOf(an.id))?.chat_id).toBe(String(an.id));

    const before = h.tg.sentTo(an.id).length;
    await h.app.scheduler.planNudges();
    await h.app.scheduler.deliver();
    const nudges = h.tg.sentTo(an.id).slice(before);
    expect(nudges.map((m) => m.text).join('\n')).toContain('Báo cáo quý IV');
    expect(h.tg.sentTo(GROUP.id)).toHaveLength(2);
  });

  it('refuses to link from a group and links no one', async () => {
    const dung = h.tg.user({ id: 7102, first_name: 'Dung', language_code: 'vi' });
    dung.sendInGroup(GROUP, `/start@dondoc_test_bot ${codes[1]}`);
    const refused = await h.tg.waitFor(() => h.tg.sentTo(GROUP.id).find((m) => m.text?.includes('Không liên kết')));
    expect(refused.text).toContain('/start');
    expect(await linkOf(dung.id)).toBeUndefined();
  });

  it('ignores buttons and free text in a group without changing anything', async () => {
    const an = h.tg.user({ id: 7101, first_name: 'An', language_code: 'vi' });
    const sentBefore = h.tg.sentTo(GROUP.id).length;
    const updates = await h.database.db.selectFrom('updates').select('id').execute();
    const update = an.sendInGroup(GROUP, 'xong');
    const recorded = () =>
      h.database.db
        .selectFrom('inbound_updates')
        .select('outcome')
        .where('channel', '=', 'telegram')
        .where('update_key', '=', String(update.update_id))
        .executeTakeFirst();
    for (let i = 0; i < 100 && !(await recorded()); i++) await new Promise((r) => setTimeout(r, 50));
    expect((await recorded())?.outcome).toBe('group:ignored');
    expect(h.tg.sentTo(GROUP.id)).toHaveLength(sentBefore);
    expect(await h.database.db.selectFrom('updates').select('id').execute()).toHaveLength(updates.length);
    expect((await linkOf(an.id))?.chat_id).toBe(String(an.id));
  });
});
