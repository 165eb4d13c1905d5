import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from 'grammy/types';
import { addTask, buttons, seedPeople, startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';
import type { FakeUser } from '../fakes/telegram-api.js';

let h: TelegramHarness;
let an: FakeUser;
let codes: string[];
const AN = '0912000001';
const BINH = '0912000002';

beforeAll(async () => {
  h = await startTelegramHarness();
  codes = await seedPeople(h, AN, BINH, '0912000003');
  an = h.tg.user({ id: 1001, first_name: 'An', language_code: 'vi' });
});
afterAll(async () => {
  await h.close();
});

async function cardsOf(user: FakeUser): Promise<Message[]> {
  const sent = await h.expectMessages(user, 1, () => user.send('/tasks'));
  const header = sent[0]!;
  const total = Number(/có (\d+) việc/.exec(header.text ?? '')?.[1] ?? 0);
  await h.tg.waitForSent(user.id, h.tg.sentTo(user.id).indexOf(header) + 1 + Math.min(total, 5));
  const all = h.tg.sentTo(user.id);
  return all.slice(all.indexOf(header) + 1, all.indexOf(header) + 1 + Math.min(total, 5));
}

function card(taskId: number): Message {
  const found = [...h.tg.sentTo(an.id)].reverse().find((m) => m.text?.startsWith(`#${taskId} `));
  if (!found) throw new Error(`no card for task ${taskId}`);
  return found;
}

async function press(user: FakeUser, message: Message, label: string) {
  const queryId = user.pressButton(message, label);
  const answer = await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
  return answer;
}

async function updatesOf(taskId: number) {
  return h.database.db.selectFrom('updates').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

describe('linking with /start', () => {
  it('sets the command menu in Vietnamese (default) and English', () => {
    expect(h.tg.commands().map((c) => c.command)).toEqual(expect.arrayContaining(['tasks', 'help', 'start']));
    expect(h.tg.commands().find((c) => c.command === 'tasks')?.description).toMatch(/việc/);
    expect(h.tg.commands(undefined, 'en').find((c) => c.command === 'tasks')?.description).toMatch(/tasks/);
  });

  it('explains how to link when /start has no code', async () => {
    const [answer] = await h.expectMessages(an, 1, () => an.send('/start'));
    expect(answer!.text).toContain('/start MÃ');
  });

  it('tells an unlinked account to link first, for commands and for old buttons', async () => {
    const [answer] = await h.expectMessages(an, 1, () => an.send('/tasks'));
    expect(answer!.text).toContain('chưa được liên kết');
    const queryId = an.press(answer!, 'st:d:1');
    const notice = await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
    expect(notice.text).toContain('chưa được liên kết');
  });

  it('refuses a wrong code and links nothing', async () => {
    const [answer] = await h.expectMessages(an, 1, () => an.send('/start ZZZZZZZZ'));
    expect(answer!.text).toContain('không đúng');
    expect(await h.database.db.selectFrom('chat_links').selectAll().execute()).toHaveLength(0);
  });

  it('links with the deep-link code', async () => {
    const [linked, next] = await h.expectMessages(an, 2, () => an.send(`/start ${codes[0]}`));
    expect(linked!.text).toContain('Nguyễn Văn An');
    expect(next!.text).toContain('/tasks');
    const links = await h.database.db.selectFrom('chat_links').selectAll().execute();
    expect(links).toMatchObject([{ channel: 'telegram', user_id: '1001', chat_id: '1001' }]);
  });

  it('refuses a used code', async () => {
    const other = h.tg.user({ id: 1002, first_name: 'Khác' });
    const [answer] = await h.expectMessages(other, 1, () => other.send(`/start ${codes[0]}`));
    expect(answer!.text).toContain('đã được dùng');
  });

  it('refuses an expired code', async () => {
    const late = h.tg.user({ id: 1003, first_name: 'Cường' });
    h.clock.advance(8 * 86_400_000);
    try {
      const [answer] = await h.expectMessages(late, 1, () => late.send(`/start ${codes[2]}`));
      expect(answer!.text).toContain('hết hạn');
    } finally {
      h.clock.advance(-8 * 86_400_000);
    }
  });

  it('links one Telegram account to one staff member only', async () => {
    const [answer] = await h.expectMessages(an, 1, () => an.send(`/start ${codes[1]}`));
    expect(answer!.text).toContain('đã liên kết với một cán bộ khác');
    const link = await h.database.db.selectFrom('chat_links').selectAll().where('user_id', '=', '1001').executeTakeFirstOrThrow();
    const staff = await h.database.db.selectFrom('staff').select('phone').where('id', '=', link.staff_id).executeTakeFirstOrThrow();
    expect(staff.phone).toBe(AN);
  });
});

describe('/tasks and the four buttons', () => {
  let late: number;
  let soon: number;
  let undated: number;
  let foreign: number;

  beforeAll(async () => {
    soon = await addTask(h, 'Báo cáo kết quả chuyển đổi số quý IV', AN, '2026-11-30');
    late = await addTask(h, 'Rà soát văn bản quy phạm pháp luật', AN, '2026-11-20');
    undated = await addTask(h, 'Tuyên truyền Nghị quyết 57', AN);
    foreign = await addTask(h, 'Việc của chị Bình', BINH, '2026-11-25');
  });

  it('lists open tasks soonest deadline first with days left or late and the four buttons', async () => {
    const cards = await cardsOf(an);
    expect(cards.map((m) => m.text?.split(' ')[0])).toEqual([`#${late}`, `#${soon}`, `#${undated}`]);
    expect(cards[0]!.text).toContain('20/11/2026 (quá hạn 3 ngày)');
    expect(cards[1]!.text).toContain('30/11/2026 (còn 7 ngày)');
    expect(cards[2]!.text).toContain('chưa có hạn');
    expect(buttons(cards[0]!).map((b) => b.text)).toEqual(['Đang thực hiện', 'Hoàn thành', 'Vướng mắc', 'Xin gia hạn']);
    for (const b of buttons(cards[0]!)) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
  });

  it('/viec is the same list', async () => {
    const [header, ...cards] = await h.expectMessages(an, 4, () => an.send('/viec'));
    expect(header!.text).toContain('3 việc');
    expect(cards).toHaveLength(3);
  });

  it('Hoàn thành answers at once, edits the card and stores an update row', async () => {
    const answer = await press(an, card(late), 'Hoàn thành');
    expect(answer.text).toBe('Đã cập nhật: Hoàn thành.');
    await h.tg.waitFor(() => card(late).text?.includes('Trạng thái: Hoàn thành'));
    const rows = await updatesOf(late);
    expect(rows).toMatchObject([{ kind: 'status', status: 'done', percent: 100, channel: 'telegram' }]);
    const occ = await h.database.db.selectFrom('occurrences').selectAll().where('task_id', '=', late).executeTakeFirstOrThrow();
    expect(occ.status).toBe('done');
  });

  it('pressing the same state again says so and adds no row', async () => {
    const answer = await press(an, card(late), 'Hoàn thành');
    expect(answer.text).toContain('đã ở trạng thái');
    expect(await updatesOf(late)).toHaveLength(1);
  });

  it('Đang thực hiện sets in progress', async () => {
    await press(an, card(soon), 'Đang thực hiện');
    await h.tg.waitFor(() => card(soon).text?.includes('Trạng thái: Đang thực hiện'));
    expect((await updatesOf(soon)).at(-1)).toMatchObject({ status: 'in_progress' });
  });

  it('Vướng mắc marks blocked, asks the reason, and the next text becomes the note', async () => {
    const before = h.tg.sentTo(an.id).length;
    const answer = await press(an, card(soon), 'Vướng mắc');
    expect(answer.text).toContain('vướng mắc');
    const [ask] = (await h.tg.waitForSent(an.id, before + 1)).slice(before);
    expect(ask!.text).toContain('Vướng mắc gì?');
    await h.tg.waitFor(() => card(soon).text?.includes('Trạng thái: Vướng mắc'));
    const [saved] = await h.expectMessages(an, 1, () => an.send('Chờ số liệu của Sở Tài chính'));
    expect(saved!.text).toContain(`#${soon}`);
    const rows = await updatesOf(soon);
    expect(rows.at(-2)).toMatchObject({ kind: 'status', status: 'blocked' });
    expect(rows.at(-1)).toMatchObject({ kind: 'note', note: 'Chờ số liệu của Sở Tài chính' });
  });

  it('Xin gia hạn asks for the date; a bad date changes nothing; dd/mm with a reason is stored', async () => {
    await press(an, card(soon), 'Xin gia hạn');
    await h.tg.waitFor(() => h.tg.lastTo(an.id)?.text?.includes('Xin gia hạn đến ngày nào'));
    const count = (await updatesOf(soon)).length;
    const [bad] = await h.expectMessages(an, 1, () => an.send('31/02 vì thiếu người'));
    expect(bad!.text).toContain('Chưa đọc được ngày');
    const [early] = await h.expectMessages(an, 1, () => an.send('25/11 vì thiếu người'));
    expect(early!.text).toContain('phải sau 30/11/2026');
    expect(await updatesOf(soon)).toHaveLength(count);
    const [ok] = await h.expectMessages(an, 1, () => an.send('20/12 chờ số liệu'));
    expect(ok!.text).toContain('20/12/2026');
    expect((await updatesOf(soon)).at(-1)).toMatchObject({ kind: 'extension_request', requested_due: '2026-12-20', note: 'chờ số liệu' });
  });

  it('a reply to a task message adds a note; status words are understood with or without diacritics', async () => {
    const [saved] = await h.expectMessages(an, 1, () => an.reply(Number(card(undated).message_id), 'Đã gửi dự thảo cho Văn phòng'));
    expect(saved!.text).toContain(`#${undated}`);
    expect((await updatesOf(undated)).at(-1)).toMatchObject({ kind: 'note', note: 'Đã gửi dự thảo cho Văn phòng' });
    await h.expectMessages(an, 2, () => an.reply(Number(card(undated).message_id), '50%'));
    expect((await updatesOf(undated)).at(-1)).toMatchObject({ kind: 'status', status: 'in_progress', percent: 50 });
    await h.expectMessages(an, 2, () => an.reply(Number(card(undated).message_id), 'da hoan thanh'));
    expect((await updatesOf(undated)).at(-1)).toMatchObject({ kind: 'status', status: 'done' });
  });

  it('a button for another person\'s task, or a forged callback, changes nothing and says so', async () => {
    const before = await h.database.db.selectFrom('updates').select('id').execute();
    const foreignOcc = await h.database.db.selectFrom('occurrences').select('id').where('task_id', '=', foreign).executeTakeFirstOrThrow();
    const someMessage = card(undated);
    for (const data of [`st:d:${foreignOcc.id}`, 'st:d:999999', 'st:zz:1', 'garbage', 'st:d:-1']) {
      const queryId = an.press(someMessage, data);
      const answer = await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
      expect(answer.show_alert).toBe(true);
      expect(answer.text).toMatch(/không thuộc|không hợp lệ/);
    }
    expect(await h.database.db.selectFrom('updates').select('id').execute()).toEqual(before);
  });

  it('applies an update delivered twice only once', async () => {
    const occ = await h.database.db.selectFrom('occurrences').select('id').where('task_id', '=', soon).executeTakeFirstOrThrow();
    const update = {
      update_id: 987654,
      callback_query: {
        id: 'dup-1',
        from: { id: 1001, is_bot: false, first_name: 'An' },
        chat_instance: '1',
        data: `st:d:${occ.id}`,
        message: { ...card(soon), chat: { id: 1001, type: 'private' as const, first_name: 'An' } },
      },
    };
    const before = (await updatesOf(soon)).length;
    await h.app.telegram!.bot.handleUpdate(update as never).catch(() => undefined);
    await h.app.telegram!.bot.handleUpdate(update as never).catch(() => undefined);
    expect(await updatesOf(soon)).toHaveLength(before + 1);
    const inbound = await h.database.db.selectFrom('inbound_updates').selectAll().where('update_key', '=', '987654').execute();
    expect(inbound).toHaveLength(1);
  });

  it('keeps every inbound message, including ones that changed nothing', async () => {
    const rows = await h.database.db.selectFrom('inbound_updates').select(['outcome']).execute();
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.map((r) => r.outcome)).toContain('forged_action');
  });
});

describe('help, language and bad input', () => {
  it('/help lists the commands in the person\'s language', async () => {
    const [help] = await h.expectMessages(an, 1, () => an.send('/help'));
    expect(help!.text).toContain('/tasks, /viec');
    await h.expectMessages(an, 1, () => an.send('/lang en'));
    const [english] = await h.expectMessages(an, 1, () => an.send('/help'));
    expect(english!.text).toContain('See your open tasks');
    await h.expectMessages(an, 1, () => an.send('/lang vi'));
  });

  it('answers an unknown command, an oversized text and a sticker clearly', async () => {
    const [unknown] = await h.expectMessages(an, 1, () => an.send('/frobnicate'));
    expect(unknown!.text).toContain('/frobnicate');
    const [long] = await h.expectMessages(an, 1, () => an.send('x'.repeat(4096)));
    expect(long!.text).toContain('quá dài');
  });

  it('asks which task when a bare status could mean several', async () => {
    await addTask(h, 'Một việc nữa', AN, '2026-12-10');
    await addTask(h, 'Thêm việc nữa', AN, '2026-12-11');
    await h.expectMessages(an, 1, () => an.send('/help'));
    const [which] = await h.expectMessages(an, 1, () => an.send('xong'));
    expect(which!.text).toContain('nhiều việc');
  });
});
