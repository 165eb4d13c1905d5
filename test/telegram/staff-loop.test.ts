/**
 * A staff member's loop on Telegram: linking with /start, /tasks and its four buttons, answers
 * typed as text, help, language and bad input. Each test makes its own person, Telegram account
 * and tasks, so the tests pass in any order (vitest --sequence.shuffle) and alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from 'grammy/types';
import { createLinkCode } from '../../src/store/links.js';
import { upsertStaff } from '../../src/store/staff.js';
import { findUnitByPath } from '../../src/store/units.js';
import type { FakeUser } from '../fakes/telegram-api.js';
import { addTask, buttons, seedPeople, startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';

let h: TelegramHarness;
let officeUnitId: number;
let next = 0;

beforeAll(async () => {
  h = await startTelegramHarness();
  await seedPeople(h);
  officeUnitId = (await findUnitByPath(h.database.db, 'Sở Tư pháp / Văn phòng Sở'))!.id;
});
afterAll(async () => {
  await h.close();
});

interface Person {
  staffId: number;
  name: string;
  phone: string;
  code: string;
}

/** A staff member of the office with a fresh link code, not linked to any account yet. */
async function person(name = `Cán bộ thử ${next + 1}`): Promise<Person> {
  next++;
  const phone = `0913${String(next).padStart(6, '0')}`;
  await upsertStaff(h.database.db, { name, unitId: officeUnitId, role: 'staff', phone }, h.clock.now());
  const staff = await h.database.db.selectFrom('staff').select('id').where('phone', '=', phone).executeTakeFirstOrThrow();
  const { code } = await createLinkCode(h.database.db, staff.id, h.clock.now(), 7);
  return { staffId: staff.id, name, phone, code };
}

/** A Telegram account nobody has linked yet. */
function account(): FakeUser {
  next++;
  return h.tg.user({ id: 5000 + next, first_name: `Người ${next}`, language_code: 'vi' });
}

/** A person and the Telegram account linked to them. */
async function linked(name?: string): Promise<{ me: Person; user: FakeUser }> {
  const me = await person(name);
  const user = account();
  await h.expectMessages(user, 2, () => user.send(`/start ${me.code}`));
  return { me, user };
}

/** The task cards /tasks sends (at most five). */
async function cardsOf(user: FakeUser): Promise<Message[]> {
  const [header] = await h.expectMessages(user, 1, () => user.send('/tasks'));
  const total = Number(/có (\d+) việc/.exec(header!.text ?? '')?.[1] ?? 0);
  const all = await h.tg.waitForSent(user.id, h.tg.sentTo(user.id).indexOf(header!) + 1 + Math.min(total, 5));
  return all.slice(all.indexOf(header!) + 1, all.indexOf(header!) + 1 + Math.min(total, 5));
}

/** The latest card of a task sent to this account (edits included). */
function card(user: FakeUser, taskId: number): Message {
  const found = [...h.tg.sentTo(user.id)].reverse().find((m) => m.text?.startsWith(`#${taskId} `));
  if (!found) throw new Error(`no card for task ${taskId}`);
  return found;
}

async function press(user: FakeUser, message: Message, label: string) {
  const queryId = user.pressButton(message, label);
  return h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
}

async function updatesOf(taskId: number) {
  return h.database.db.selectFrom('updates').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

async function linkOf(user: FakeUser) {
  return h.database.db.selectFrom('chat_links').selectAll().where('channel', '=', 'telegram').where('user_id', '=', String(user.id)).executeTakeFirst();
}

describe('linking with /start', () => {
  it('sets the command menu in Vietnamese (default) and English', () => {
    expect(h.tg.commands().map((c) => c.command)).toEqual(expect.arrayContaining(['tasks', 'help', 'start']));
    expect(h.tg.commands().find((c) => c.command === 'tasks')?.description).toMatch(/việc/);
    expect(h.tg.commands(undefined, 'en').find((c) => c.command === 'tasks')?.description).toMatch(/tasks/);
  });

  it('explains how to link when /start has no code', async () => {
    const user = account();
    const [answer] = await h.expectMessages(user, 1, () => user.send('/start'));
    expect(answer!.text).toContain('/start MÃ');
  });

  it('tells an unlinked account to link first, for commands and for old buttons', async () => {
    const user = account();
    const [answer] = await h.expectMessages(user, 1, () => user.send('/tasks'));
    expect(answer!.text).toContain('chưa được liên kết');
    const queryId = user.press(answer!, 'st:d:1');
    const notice = await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
    expect(notice.text).toContain('chưa được liên kết');
  });

  it('refuses a wrong code and links nothing', async () => {
    const user = account();
    const [answer] = await h.expectMessages(user, 1, () => user.send('/start ZZZZZZZZ'));
    expect(answer!.text).toContain('không đúng');
    expect(await linkOf(user)).toBeUndefined();
  });

  it('links with the deep-link code', async () => {
    const me = await person('Nguyễn Văn Liên');
    const user = account();
    const [done, next] = await h.expectMessages(user, 2, () => user.send(`/start ${me.code}`));
    expect(done!.text).toContain('Nguyễn Văn Liên');
    expect(next!.text).toContain('/tasks');
    expect(await linkOf(user)).toMatchObject({ staff_id: me.staffId, user_id: String(user.id), chat_id: String(user.id) });
  });

  it('refuses a used code', async () => {
    const { me } = await linked();
    const other = account();
    const [answer] = await h.expectMessages(other, 1, () => other.send(`/start ${me.code}`));
    expect(answer!.text).toContain('đã được dùng');
    expect(await linkOf(other)).toBeUndefined();
  });

  it('refuses an expired code', async () => {
    const me = await person();
    const user = account();
    h.clock.advance(8 * 86_400_000);
    try {
      const [answer] = await h.expectMessages(user, 1, () => user.send(`/start ${me.code}`));
      expect(answer!.text).toContain('hết hạn');
    } finally {
      h.clock.advance(-8 * 86_400_000);
    }
    expect(await linkOf(user)).toBeUndefined();
  });

  it('links one Telegram account to one staff member only', async () => {
    const { me, user } = await linked();
    const someoneElse = await person();
    const [answer] = await h.expectMessages(user, 1, () => user.send(`/start ${someoneElse.code}`));
    expect(answer!.text).toContain('đã liên kết với một cán bộ khác');
    expect(await linkOf(user)).toMatchObject({ staff_id: me.staffId });
  });
});

describe('/tasks and the four buttons', () => {
  it('lists open tasks soonest deadline first with days left or late and the four buttons', async () => {
    const { me, user } = await linked();
    const soon = await addTask(h, 'Báo cáo kết quả chuyển đổi số quý IV', me.phone, '2026-11-30');
    const late = await addTask(h, 'Rà soát văn bản quy phạm pháp luật', me.phone, '2026-11-20');
    const undated = await addTask(h, 'Tuyên truyền Nghị quyết 57', me.phone);
    const cards = await cardsOf(user);
    expect(cards.map((m) => m.text?.split(' ')[0])).toEqual([`#${late}`, `#${soon}`, `#${undated}`]);
    expect(cards[0]!.text).toContain('20/11/2026 (quá hạn 3 ngày)');
    expect(cards[1]!.text).toContain('30/11/2026 (còn 7 ngày)');
    expect(cards[2]!.text).toContain('chưa có hạn');
    expect(buttons(cards[0]!).map((b) => b.text)).toEqual(['Đang thực hiện', 'Hoàn thành', 'Vướng mắc', 'Xin gia hạn']);
    for (const b of buttons(cards[0]!)) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
  });

  it('/viec is the same list', async () => {
    const { me, user } = await linked();
    for (const title of ['Việc một', 'Việc hai', 'Việc ba']) await addTask(h, title, me.phone, '2026-12-01');
    const [header, ...cards] = await h.expectMessages(user, 4, () => user.send('/viec'));
    expect(header!.text).toContain('3 việc');
    expect(cards).toHaveLength(3);
  });

  it('Hoàn thành answers at once, edits the card and stores an update row', async () => {
    const { me, user } = await linked();
    const late = await addTask(h, 'Rà soát văn bản quy phạm pháp luật', me.phone, '2026-11-20');
    await cardsOf(user);
    const answer = await press(user, card(user, late), 'Hoàn thành');
    expect(answer.text).toBe('Đã cập nhật: Hoàn thành.');
    await h.tg.waitFor(() => card(user, late).text?.includes('Trạng thái: Hoàn thành'));
    expect(await updatesOf(late)).toMatchObject([{ kind: 'status', status: 'done', percent: 100, channel: 'telegram', staff_id: me.staffId }]);
    const occ = await h.database.db.selectFrom('occurrences').selectAll().where('task_id', '=', late).executeTakeFirstOrThrow();
    expect(occ.status).toBe('done');
  });

  it('pressing the same state again says so and adds no row', async () => {
    const { me, user } = await linked();
    const taskId = await addTask(h, 'Việc bấm hai lần', me.phone, '2026-11-28');
    await cardsOf(user);
    await press(user, card(user, taskId), 'Đang thực hiện');
    await h.tg.waitFor(() => card(user, taskId).text?.includes('Trạng thái: Đang thực hiện'));
    const answer = await press(user, card(user, taskId), 'Đang thực hiện');
    expect(answer.text).toContain('đã ở trạng thái');
    expect(await updatesOf(taskId)).toHaveLength(1);
  });

  it('Đang thực hiện sets in progress', async () => {
    const { me, user } = await linked();
    const taskId = await addTask(h, 'Việc đang làm', me.phone, '2026-11-30');
    await cardsOf(user);
    await press(user, card(user, taskId), 'Đang thực hiện');
    await h.tg.waitFor(() => card(user, taskId).text?.includes('Trạng thái: Đang thực hiện'));
    expect((await updatesOf(taskId)).at(-1)).toMatchObject({ status: 'in_progress' });
  });

  it('Vướng mắc marks blocked, asks the reason, and the next text becomes the note', async () => {
    const { me, user } = await linked();
    const taskId = await addTask(h, 'Việc vướng', me.phone, '2026-11-30');
    await cardsOf(user);
    const before = h.tg.sentTo(user.id).length;
    const answer = await press(user, card(user, taskId), 'Vướng mắc');
    expect(answer.text).toContain('vướng mắc');
    const [ask] = (await h.tg.waitForSent(user.id, before + 1)).slice(before);
    expect(ask!.text).toContain('Vướng mắc gì?');
    await h.tg.waitFor(() => card(user, taskId).text?.includes('Trạng thái: Vướng mắc'));
    const [saved] = await h.expectMessages(user, 1, () => user.send('Chờ số liệu của Sở Tài chính'));
    expect(saved!.text).toContain(`#${taskId}`);
    const rows = await updatesOf(taskId);
    expect(rows.at(-2)).toMatchObject({ kind: 'status', status: 'blocked' });
    expect(rows.at(-1)).toMatchObject({ kind: 'note', note: 'Chờ số liệu của Sở Tài chính' });
  });

  it('Xin gia hạn asks for the date; a bad date changes nothing; dd/mm with a reason is stored', async () => {
    const { me, user } = await linked();
    const taskId = await addTask(h, 'Việc xin gia hạn', me.phone, '2026-11-30');
    await cardsOf(user);
    await press(user, card(user, taskId), 'Xin gia hạn');
    await h.tg.waitFor(() => h.tg.lastTo(user.id)?.text?.includes('Xin gia hạn đến ngày nào'));
    const count = (await updatesOf(taskId)).length;
    const [bad] = await h.expectMessages(user, 1, () => user.send('31/02 vì thiếu người'));
    expect(bad!.text).toContain('Chưa đọc được ngày');
    const [early] = await h.expectMessages(user, 1, () => user.send('25/11 vì thiếu người'));
    expect(early!.text).toContain('phải sau 30/11/2026');
    expect(await updatesOf(taskId)).toHaveLength(count);
    const [ok] = await h.expectMessages(user, 1, () => user.send('20/12 chờ số liệu'));
    expect(ok!.text).toContain('20/12/2026');
    expect((await updatesOf(taskId)).at(-1)).toMatchObject({ kind: 'extension_request', requested_due: '2026-12-20', note: 'chờ số liệu' });
  });

  it('a reply to a task message adds a note; status words are understood with or without diacritics', async () => {
    const { me, user } = await linked();
    const undated = await addTask(h, 'Tuyên truyền Nghị quyết 57', me.phone);
    await cardsOf(user);
    const [saved] = await h.expectMessages(user, 1, () => user.reply(Number(card(user, undated).message_id), 'Đã gửi dự thảo cho Văn phòng'));
    expect(saved!.text).toContain(`#${undated}`);
    expect((await updatesOf(undated)).at(-1)).toMatchObject({ kind: 'note', note: 'Đã gửi dự thảo cho Văn phòng' });
    await h.expectMessages(user, 2, () => user.reply(Number(card(user, undated).message_id), '50%'));
    expect((await updatesOf(undated)).at(-1)).toMatchObject({ kind: 'status', status: 'in_progress', percent: 50 });
    await h.expectMessages(user, 2, () => user.reply(Number(card(user, undated).message_id), 'da hoan thanh'));
    expect((await updatesOf(undated)).at(-1)).toMatchObject({ kind: 'status', status: 'done' });
  });

  it("a button for another person's task, or a forged callback, changes nothing and says so", async () => {
    const { me, user } = await linked();
    const mine = await addTask(h, 'Việc của tôi', me.phone, '2026-11-30');
    const other = await person();
    const foreign = await addTask(h, 'Việc của người khác', other.phone, '2026-11-25');
    await cardsOf(user);
    const before = await h.database.db.selectFrom('updates').select('id').execute();
    const foreignOcc = await h.database.db.selectFrom('occurrences').select('id').where('task_id', '=', foreign).executeTakeFirstOrThrow();
    for (const data of [`st:d:${foreignOcc.id}`, 'st:d:999999', 'st:zz:1', 'garbage', 'st:d:-1']) {
      const queryId = user.press(card(user, mine), data);
      const answer = await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
      expect(answer.show_alert).toBe(true);
      expect(answer.text).toMatch(/không thuộc|không hợp lệ/);
    }
    expect(await h.database.db.selectFrom('updates').select('id').execute()).toEqual(before);
  });

  it('applies an update delivered twice only once', async () => {
    const { me, user } = await linked();
    const taskId = await addTask(h, 'Việc gửi lặp', me.phone, '2026-11-30');
    await cardsOf(user);
    const occ = await h.database.db.selectFrom('occurrences').select('id').where('task_id', '=', taskId).executeTakeFirstOrThrow();
    const update = {
      update_id: 987_000 + user.id,
      callback_query: {
        id: `dup-${user.id}`,
        from: { id: user.id, is_bot: false, first_name: 'Lặp' },
        chat_instance: '1',
        data: `st:d:${occ.id}`,
        message: { ...card(user, taskId), chat: { id: user.id, type: 'private' as const, first_name: 'Lặp' } },
      },
    };
    await h.app.telegram!.bot.handleUpdate(update as never).catch(() => undefined);
    await h.app.telegram!.bot.handleUpdate(update as never).catch(() => undefined);
    expect(await updatesOf(taskId)).toHaveLength(1);
    const inbound = await h.database.db.selectFrom('inbound_updates').selectAll().where('update_key', '=', String(update.update_id)).execute();
    expect(inbound).toHaveLength(1);
  });

  it('keeps every inbound message, including ones that changed nothing', async () => {
    const { me, user } = await linked();
    const [answer] = await h.expectMessages(user, 1, () => user.send('/frobnicate'));
    const queryId = user.press(answer!, 'garbage');
    await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
    await h.expectMessages(user, 1, () => user.send('/help'));
    const rows = await h.database.db.selectFrom('inbound_updates').select(['outcome']).where('staff_id', '=', me.staffId).execute();
    expect(rows.map((r) => r.outcome).sort()).toEqual(['command:help', 'forged_action', 'unknown_command']);
  });
});

describe('help, language and bad input', () => {
  it("/help lists the commands in the person's language", async () => {
    const { user } = await linked();
    const [help] = await h.expectMessages(user, 1, () => user.send('/help'));
    expect(help!.text).toContain('/tasks, /viec');
    await h.expectMessages(user, 1, () => user.send('/lang en'));
    const [english] = await h.expectMessages(user, 1, () => user.send('/help'));
    expect(english!.text).toContain('See your open tasks');
  });

  it('answers an unknown command, an oversized text and a contact card clearly', async () => {
    const { user } = await linked();
    const [unknown] = await h.expectMessages(user, 1, () => user.send('/frobnicate'));
    expect(unknown!.text).toContain('/frobnicate');
    const [long] = await h.expectMessages(user, 1, () => user.send('x'.repeat(4096)));
    expect(long!.text).toContain('quá dài');
    const [contact] = await h.expectMessages(user, 1, () => user.sendContact({ phone_number: '0912000009' }));
    expect(contact!.text).toContain('chỉ đọc tin nhắn chữ');
  });

  it('asks which task when a bare status could mean several', async () => {
    const { me, user } = await linked();
    await addTask(h, 'Một việc nữa', me.phone, '2026-12-10');
    await addTask(h, 'Thêm việc nữa', me.phone, '2026-12-11');
    const [which] = await h.expectMessages(user, 1, () => user.send('xong'));
    expect(which!.text).toContain('nhiều việc');
  });
});
