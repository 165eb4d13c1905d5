/**
 * Issue 11, defect 2: after /tasks lists several tasks, a bare "xong roi" must ask which task on
 * every channel, and change nothing. (Each card of the list used to be remembered as "the latest
 * task message", so Telegram and the web chat marked the list's last card done.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { addTask, seedPeople, startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';
import { startZaloHarness, type ZaloHarness } from '../helpers/zalo-app.js';
import { staffId, startWebHarness, type WebHarness } from '../helpers/web-app.js';
import { webClient } from '../helpers/web-client.js';
import type { Db } from '../../src/db/index.js';

const AN = '0912000001';

async function statusChanges(db: Db): Promise<number> {
  const row = await db
    .selectFrom('updates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'status')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('a bare answer after a list of tasks', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('on Telegram, asks which task and changes none', async () => {
    const h: TelegramHarness = await startTelegramHarness();
    closers.push(() => h.close());
    const [code] = await seedPeople(h, AN);
    for (const [title, due] of [
      ['Báo cáo quý', '2026-11-25'],
      ['Dự thảo kế hoạch', '2026-12-05'],
      ['Tổng kết năm', '2026-12-20'],
    ] as const)
      await addTask(h, title, AN, due);
    const an = h.tg.user({ id: 7001, first_name: 'An', language_code: 'vi' });
    await h.expectMessages(an, 2, () => an.send(`/start ${code}`));
    await h.expectMessages(an, 4, () => an.send('/tasks'));
    const before = await statusChanges(h.database.db);
    const [answer] = await h.expectMessages(an, 1, () => an.send('xong roi'));
    expect(answer!.text).toContain('nhiều việc');
    expect(await statusChanges(h.database.db)).toBe(before);
    const open = await h.database.db.selectFrom('occurrences').select('status').where('status', '=', 'done').execute();
    expect(open).toHaveLength(0);
  });

  it('on Zalo, asks which task and changes none', async () => {
    const h: ZaloHarness = await startZaloHarness();
    closers.push(() => h.close());
    const [code] = await seedPeople(h, AN);
    await addTask(h, 'Báo cáo quý', AN, '2026-11-25');
    await addTask(h, 'Dự thảo kế hoạch', AN, '2026-12-05');
    const an = h.zalo.user('8123456789012345001', 'Nguyễn Văn An');
    await h.say(an, code!, 2);
    await h.expectSent(an, 1, () => an.send('/tasks'));
    const before = await statusChanges(h.database.db);
    const [answer] = await h.say(an, 'xong roi');
    expect(answer).toContain('nhiều việc');
    expect(await statusChanges(h.database.db)).toBe(before);
  });

  it('in the web chat, asks which task and changes none', async () => {
    const h: WebHarness = await startWebHarness();
    closers.push(() => h.close());
    const browser = webClient(h.base);
    await browser.get('/');
    await browser.form('/chat/pick', { staff: String(await staffId(h, 'Vũ Thị Lan Anh')) });
    const list = JSON.parse((await browser.json('/chat/send', { text: '/tasks' })).text) as { messages: { rows?: unknown }[] };
    expect(list.messages.filter((m) => m.rows).length).toBeGreaterThan(1);
    const before = await statusChanges(h.database.db);
    const answer = JSON.parse((await browser.json('/chat/send', { text: 'xong roi' })).text) as { messages: { text: string }[] };
    expect(answer.messages.at(-1)!.text).toContain('nhiều việc');
    expect(await statusChanges(h.database.db)).toBe(before);
  });
});
