import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeZaloUser } from '../fakes/zalo-api.js';
import { addTask, seedPeople } from '../helpers/telegram-app.js';
import { startZaloHarness, type ZaloHarness } from '../helpers/zalo-app.js';

let h: ZaloHarness;
let an: FakeZaloUser;
let codes: string[];
const AN = '0912000001';
const BINH = '0912000002';
const STATUS_MENU_LINE = 'Trả lời: 1 Đang làm · 2 Xong · 3 Vướng mắc · 4 Gia hạn';

beforeAll(async () => {
  h = await startZaloHarness();
  codes = await seedPeople(h, AN, BINH);
  an = h.zalo.user('8123456789012345678', 'Nguyễn Văn An');
});
afterAll(async () => {
  await h.close();
});

async function updatesOf(taskId: number) {
  return h.database.db.selectFrom('updates').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

async function statusOf(taskId: number) {
  return (await h.database.db.selectFrom('occurrences').select('status').where('task_id', '=', taskId).executeTakeFirstOrThrow()).status;
}

describe('linking on Zalo', () => {
  it('explains how to link, the Zalo way, when /start has no code', async () => {
    const [answer] = await h.say(an, '/start');
    expect(answer).toContain('gửi mã đó vào đây');
    expect(answer).toContain('/start MÃ');
  });

  it('tells an unlinked person to link first, for words and for stickers', async () => {
    expect((await h.say(an, 'xong'))[0]).toContain('chưa được liên kết');
    expect((await h.expectSent(an, 1, () => an.sendSticker()))[0]!.text).toContain('chưa được liên kết');
  });

  it('refuses a wrong code, typed alone or after /start, and links nothing', async () => {
    expect((await h.say(an, 'ZZZZZZZZ'))[0]).toContain('không đúng');
    expect((await h.say(an, '/start ZZZZZZZZ'))[0]).toContain('không đúng');
    expect(await h.database.db.selectFrom('chat_links').selectAll().execute()).toHaveLength(0);
  });

  it('links with the code alone, typed in lower case with a dash', async () => {
    const typed = `${codes[0]!.slice(0, 4)}-${codes[0]!.slice(4)}`.toLowerCase();
    const [linked, next] = await h.say(an, typed, 2);
    expect(linked).toContain('Nguyễn Văn An');
    expect(next).toContain('/tasks');
    const links = await h.database.db.selectFrom('chat_links').selectAll().execute();
    expect(links).toMatchObject([{ channel: 'zalo', user_id: an.id, chat_id: an.id, display_name: 'Nguyễn Văn An' }]);
  });

  it('links with /start CODE', async () => {
    const binh = h.zalo.user('8000000000000000002', 'Trần Thị Bình');
    const [linked] = await h.say(binh, `/start ${codes[1]}`, 2);
    expect(linked).toContain('Trần Thị Bình');
  });
});

describe('answers by number and by words', () => {
  let late: number;
  let soon: number;
  let undated: number;
  let t4: number;
  let t5: number;
  let t6: number;

  beforeAll(async () => {
    soon = await addTask(h, 'Báo cáo kết quả chuyển đổi số quý IV', AN, '2026-11-30');
    late = await addTask(h, 'Rà soát văn bản quy phạm pháp luật', AN, '2026-11-20');
    undated = await addTask(h, 'Tuyên truyền Nghị quyết 57', AN);
    t4 = await addTask(h, 'Tổng kết công tác cải cách hành chính', AN, '2026-12-10');
    t5 = await addTask(h, 'Kiểm tra công tác bồi thường nhà nước', AN, '2026-12-15');
    t6 = await addTask(h, 'Báo cáo công tác pháp chế năm 2026', AN, '2026-12-31');
  });

  it('/tasks ends each card with the numbered menu and the task to add, and numbers "Xem tiếp" after it', async () => {
    const [header, ...rest] = await h.say(an, '/tasks', 7);
    expect(header).toContain('6 việc');
    const cards = rest.slice(0, 5);
    expect(cards.map((c) => c.split(' ')[0])).toEqual([`#${late}`, `#${soon}`, `#${t4}`, `#${t5}`, `#${t6}`]);
    expect(cards[0]).toContain('20/11/2026 (quá hạn 3 ngày)');
    expect(cards[0]!.split('\n').at(-1)).toBe(`${STATUS_MENU_LINE} (kèm #${late}, ví dụ: 2 #${late})`);
    expect(rest[5]).toBe('Còn 1 việc nữa.\n\nTrả lời: 5 Xem tiếp');
  });

  it('a bare status number after a list of several tasks asks which task, and changes nothing', async () => {
    const [which] = await h.say(an, '2');
    expect(which).toContain('nhiều việc');
    expect(which).toContain('2 #15');
    expect(await updatesOf(late)).toHaveLength(0);
  });

  it('5 shows the next page, like the "Xem tiếp" button', async () => {
    const [header, card] = await h.say(an, '5', 2);
    expect(header).toContain('hiển thị 6–6');
    expect(card!.startsWith(`#${undated} `)).toBe(true);
    expect(card!.split('\n').at(-1)).toBe(STATUS_MENU_LINE);
  });

  it('after a single card, 1 and 2 answer for that task and say which task they updated', async () => {
    const [progress] = await h.say(an, '1');
    expect(progress).toMatch(new RegExp(`^Đã cập nhật: Đang thực hiện\\.\\n\\n#${undated} · Tuyên truyền`));
    const [done] = await h.say(an, '2.');
    expect(done).toContain('Đã cập nhật: Hoàn thành.');
    expect(done).toContain(`#${undated} · Tuyên truyền`);
    expect(done).toContain('Trạng thái: Hoàn thành');
    expect(await updatesOf(undated)).toMatchObject([
      { kind: 'status', status: 'in_progress', channel: 'zalo' },
      { kind: 'status', status: 'done', percent: 100, channel: 'zalo' },
    ]);
  });

  it('a number the menu did not list is refused with the numbers it did', async () => {
    const [answer] = await h.say(an, '7');
    expect(answer).toContain('không có số 7');
    // The last card was of a task just marked done: its menu offers only 1 (Đang làm).
    expect(answer).toMatch(/một trong các số: 1\.$/);
  });

  it('"2 #N" marks that task done, whatever came before', async () => {
    const [saved, card] = await h.say(an, `2 #${late}`, 2);
    expect(saved).toBe('Đã cập nhật: Hoàn thành.');
    expect(card).toContain(`#${late} · Rà soát`);
    expect(await statusOf(late)).toBe('done');
  });

  it('3 #N marks blocked and asks why; the next message is the reason', async () => {
    const [ask] = await h.say(an, `3 #${t5}`);
    expect(ask).toContain(`Việc #${t5}`);
    expect(ask).toContain('Hãy gõ lý do');
    const [saved] = await h.say(an, 'Chờ số liệu của Sở Tài chính');
    expect(saved).toContain(`#${t5}`);
    expect((await updatesOf(t5)).slice(-2)).toMatchObject([
      { kind: 'status', status: 'blocked' },
      { kind: 'note', note: 'Chờ số liệu của Sở Tài chính' },
    ]);
  });

  it('4 #N asks for a date; a bad date and an early one change nothing; a good one is stored', async () => {
    const [ask] = await h.say(an, `4 #${t4}`);
    expect(ask).toContain('Xin gia hạn đến ngày nào');
    const count = (await updatesOf(t4)).length;
    expect((await h.say(an, '31/02 vì thiếu người'))[0]).toContain('Chưa đọc được ngày');
    expect((await h.say(an, '05/12 vì thiếu người'))[0]).toContain('phải sau 10/12/2026');
    expect(await updatesOf(t4)).toHaveLength(count);
    const [ok] = await h.say(an, '20/12 chờ số liệu');
    expect(ok).toContain(`#${t4}`);
    expect(ok).toContain('20/12/2026');
    expect((await updatesOf(t4)).at(-1)).toMatchObject({ kind: 'extension_request', requested_due: '2026-12-20', note: 'chờ số liệu', channel: 'zalo' });
  });

  it('after a message about a task without a menu, a bare number is refused and words still answer', async () => {
    const [refused] = await h.say(an, '1');
    expect(refused).toContain('không có danh sách số');
    const [saved, card] = await h.say(an, 'đang làm', 2);
    expect(saved).toBe('Đã cập nhật: Đang thực hiện.');
    expect(card).toContain(`#${t4} · Tổng kết`);
  });

  it('understands words with and without diacritics', async () => {
    await h.say(an, `#${soon} dang lam 50%`, 2);
    expect((await updatesOf(soon)).at(-1)).toMatchObject({ kind: 'status', status: 'in_progress', percent: 50 });
    const [, card] = await h.say(an, 'đang làm 80%', 2);
    expect(card).toContain(`#${soon}`);
    expect((await updatesOf(soon)).at(-1)).toMatchObject({ percent: 80 });
    await h.say(an, `vuong: cho so lieu #${soon}`, 2);
    expect((await updatesOf(soon)).at(-1)).toMatchObject({ kind: 'status', status: 'blocked', note: 'cho so lieu' });
    const [ext] = await h.say(an, `gia han 20/12 ly do thieu nguoi #${soon}`);
    expect(ext).toContain('20/12/2026');
    expect((await updatesOf(soon)).at(-1)).toMatchObject({ kind: 'extension_request', requested_due: '2026-12-20', note: 'ly do thieu nguoi' });
    await h.say(an, `Đã hoàn thành #${soon}`, 2);
    expect(await statusOf(soon)).toBe('done');
    await h.say(an, `da xong #${t4}`, 2);
    expect(await statusOf(t4)).toBe('done');
  });

  it('a note is the next message after a task message, or any message with #N', async () => {
    await h.say(an, `1 #${t6}`, 2);
    const [saved] = await h.say(an, 'Đã gửi dự thảo cho Văn phòng');
    expect(saved).toBe(`Đã ghi nhận ghi chú cho việc #${t6}.`);
    expect((await updatesOf(t6)).at(-1)).toMatchObject({ kind: 'note', note: 'Đã gửi dự thảo cho Văn phòng', channel: 'zalo' });
    await h.say(an, `#${t5} Sở Tài chính đã hẹn gửi số liệu`);
    expect((await updatesOf(t5)).at(-1)).toMatchObject({ kind: 'note', note: 'Sở Tài chính đã hẹn gửi số liệu' });
  });

  it('after a single card, 3 asks the reason and 4 asks the date, as the buttons would', async () => {
    const t7 = await addTask(h, 'Hướng dẫn nghiệp vụ hộ tịch cho cấp xã', AN, '2026-12-01');
    await h.say(an, `#${t7} 10%`, 2);
    const [blocked, ask] = await h.say(an, '3', 2);
    expect(blocked).toMatch(new RegExp(`^Đã ghi nhận vướng mắc\\.\\n\\n#${t7} · Hướng dẫn`));
    expect(blocked).toContain('Trạng thái: Vướng mắc');
    expect(ask).toContain('Vướng mắc gì?');
    expect((await h.say(an, 'thiếu cán bộ'))[0]).toContain(`#${t7}`);
    const [date] = await h.say(an, '4');
    expect(date).toContain('Xin gia hạn đến ngày nào');
    expect((await h.say(an, 'ngày 15 tháng 12 vì thiếu cán bộ'))[0]).toContain('15/12/2026');
    expect((await updatesOf(t7)).map((u) => [u.kind, u.status ?? u.requested_due ?? u.note])).toEqual([
      ['status', 'in_progress'],
      ['status', 'blocked'],
      ['note', 'thiếu cán bộ'],
      ['extension_request', '2026-12-15'],
    ]);
  });

  it('reads blocked and extension words written with diacritics', async () => {
    const t8 = await addTask(h, 'Sơ kết công tác phổ biến pháp luật', AN, '2026-12-02');
    await h.say(an, `vướng mắc: chờ ý kiến Sở Nội vụ #${t8}`, 2);
    expect((await updatesOf(t8)).at(-1)).toMatchObject({ kind: 'status', status: 'blocked', note: 'chờ ý kiến Sở Nội vụ' });
    await h.say(an, `xin gia hạn đến 18/12 #${t8}`);
    expect((await updatesOf(t8)).at(-1)).toMatchObject({ kind: 'extension_request', requested_due: '2026-12-18' });
  });
});

describe('help, stickers, images and bad input', () => {
  it('/help lists /kenh and explains numbered answers', async () => {
    const [help] = await h.say(an, '/help');
    expect(help).toContain('/kenh');
    expect(help).toContain('gõ số ở cuối tin nhắn');
    expect(help).not.toContain('bấm nút');
  });

  it('answers a sticker, an image and withheld content with a short hint instead of silence', async () => {
    const [sticker] = await h.expectSent(an, 1, () => an.sendSticker());
    expect(sticker!.text).toContain('nhãn dán');
    expect(sticker!.text).toContain('2 (Xong)');
    const [image] = await h.expectSent(an, 1, () => an.sendImage('https://example.com/a.jpg', 'bao cao'));
    expect(image!.text).toContain('hình ảnh');
    const [other] = await h.expectSent(an, 1, () => an.sendUnsupported());
    expect(other!.text).toContain('loại tin nhắn này');
    const outcomes = await h.database.db.selectFrom('inbound_updates').select('outcome').where('outcome', 'like', 'unsupported%').execute();
    expect(outcomes.length).toBeGreaterThanOrEqual(3);
  });

  it('answers an unknown command and an oversized text clearly', async () => {
    expect((await h.say(an, '/frobnicate'))[0]).toContain('/frobnicate');
    expect((await h.say(an, 'x'.repeat(4001)))[0]).toContain('quá dài');
  });

  it('speaks English after /lang en, menus included', async () => {
    await h.say(an, '/lang en');
    const id = await addTask(h, 'Prepare the quarterly report', AN, '2026-12-20');
    const sent = await h.say(an, `#${id} 10%`, 2);
    expect(sent[1]!.split('\n').at(-1)).toBe('Reply: 1 In progress · 2 Done · 3 Blocked · 4 Extension');
    await h.say(an, '/lang vi');
  });
});
