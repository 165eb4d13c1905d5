/**
 * Issue 12 end to end, on the fake Telegram and Zalo APIs over a week of instants: the office
 * opens the Q4 round; the heads are asked on Tuesday 01/12/2026; the Văn phòng answers by
 * replying on Telegram, the Phòng PBGDPL keeps its last result on Zalo by number, the Phòng
 * HCTP does not answer and is reminded (and named in the leader's digest); on the due date
 * (Tuesday 08/12) the report is compiled and sent — as documents on Telegram, as a one-time link
 * on Zalo. Then two unit groups subscribe and each sees its own unit's digest only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGroup, FakeUser } from '../fakes/telegram-api.js';
import type { FakeZaloUser } from '../fakes/zalo-api.js';
import { startZaloHarness, type ZaloHarness } from '../helpers/zalo-app.js';
import { docxParagraphs } from '../helpers/zip.js';
import { webClient } from '../helpers/web-client.js';
import { createLoginToken } from '../../src/store/sessions.js';
import { createTask } from '../../src/store/tasks.js';

const PEOPLE = `name,unit,role,phone
Trần Thị Bình,Sở Tư pháp / Văn phòng Sở,unit_head,0912000002
Nguyễn Văn An,Sở Tư pháp / Văn phòng Sở,staff,0912000001
Lê Văn Cường,"Sở Tư pháp / Phòng Phổ biến, giáo dục pháp luật",unit_head,0912000003
Hoàng Văn Em,Sở Tư pháp / Phòng Hành chính tư pháp,unit_head,0912000005
Phạm Thị Dung,Sở Tư pháp,leader,0912000004
Võ Thị Giang,Sở Tư pháp / Văn phòng Sở,admin,0912000006
`;

let h: ZaloHarness;
let binh: FakeUser;
let em: FakeUser;
let giang: FakeUser;
let an: FakeUser;
let cuong: FakeZaloUser;
let dung: FakeZaloUser;
const T: Record<string, { taskId: number; occurrenceId: number; title: string }> = {};

const tg = () => h.tg!;
const at = (iso: string) => h.clock.set(iso);

async function linkTelegram(id: number, name: string, code: string): Promise<FakeUser> {
  const user = tg().user({ id, first_name: name, language_code: 'vi' });
  user.send(`/start ${code}`);
  await tg().waitForSent(id, 2);
  return user;
}

async function unitId(name: string): Promise<number> {
  return (await h.database.db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function addTask(key: string, title: string, unit: string, due: string) {
  const { taskId, occurrenceIds } = await createTask(
    h.database.db,
    { title, leadUnitId: await unitId(unit), ownerIds: [], due: { kind: 'date', date: due } },
    h.clock.now(),
  );
  T[key] = { taskId, occurrenceId: occurrenceIds[0]!, title };
}

/** The scheduler's work at this instant: report rounds, the digest, then delivery. */
async function tick(iso: string): Promise<void> {
  at(iso);
  const rounds = await h.app.scheduler.planRounds();
  expect(rounds.ran).toBe(true);
  await h.plan('digest');
  await h.app.scheduler.deliver();
}

const texts = (messages: Message[]) => messages.map((m) => m.text ?? m.caption ?? '');
const askAbout = (messages: Message[], key: string) => messages.find((m) => m.text?.includes(`#${T[key]!.taskId} · ${T[key]!.title}`));

beforeAll(async () => {
  h = await startZaloHarness({ telegram: true, at: '2026-11-30T02:00:00Z' });
  fs.writeFileSync(path.join(h.dir, 'people.csv'), PEOPLE);
  expect((await h.cli('staff', 'import', 'people.csv')).code).toBe(0);
  const code = async (phone: string) => (await h.cli('staff', 'link-code', phone)).stdout.at(-1)!;
  binh = await linkTelegram(2001, 'Bình', await code('0912000002'));
  em = await linkTelegram(2005, 'Em', await code('0912000005'));
  giang = await linkTelegram(2006, 'Giang', await code('0912000006'));
  an = await linkTelegram(2007, 'An', await code('0912000001'));
  cuong = h.zalo.user('8000000000000000003', 'Lê Văn Cường');
  await h.say(cuong, await code('0912000003'), 2);
  dung = h.zalo.user('8000000000000000004', 'Phạm Thị Dung');
  await h.say(dung, await code('0912000004'), 2);

  await addTask('vp1', 'Ban hành kế hoạch chuyển đổi số năm 2026', 'Văn phòng Sở', '2026-11-20');
  await addTask('vp2', 'Rà soát thủ tục hành chính nội bộ', 'Văn phòng Sở', '2026-11-25');
  await addTask('pb', 'Tuyên truyền Luật Dữ liệu', 'Phòng Phổ biến, giáo dục pháp luật', '2026-10-30');
  await addTask('hc1', 'Số hóa sổ hộ tịch', 'Phòng Hành chính tư pháp', '2026-12-20');
  await addTask('hc2', 'Cập nhật cơ sở dữ liệu hộ tịch điện tử', 'Phòng Hành chính tư pháp', '2026-11-10');
  await addTask('next', 'Tổng kết năm 2026', 'Văn phòng Sở', '2027-01-15');
  const db = h.database.db;
  // Done on time, and done late; a note given earlier is the Phòng PBGDPL's last result.
  await db.updateTable('occurrences').set({ status: 'done', completed_at: '2026-11-19T03:00:00Z' }).where('id', '=', T.vp1!.occurrenceId).execute();
  await db
    .updateTable('occurrences')
    .set({ status: 'done', completed_at: '2026-11-05T03:00:00Z', last_note: 'Đã tổ chức 3 hội nghị tuyên truyền' })
    .where('id', '=', T.pb!.occurrenceId)
    .execute();
  await db.updateTable('occurrences').set({ status: 'in_progress' }).where('id', '=', T.hc1!.occurrenceId).execute();
});
afterAll(async () => {
  await h?.close();
});

describe('a report round from opening to the compiled report', () => {
  it('is opened by the office with the policy’s due date: day 8 of the quarter’s last month', async () => {
    const opened = await h.cli('round', 'open', '--period', '2026-Q4');
    expect(opened.code).toBe(0);
    expect(opened.stdout.at(-1)).toContain('hạn tổng hợp 08/12/2026, hỏi các đơn vị từ 01/12/2026');
    expect((await h.cli('round', 'open', '--period', '2026-Q5')).code).toBe(2);
    expect(await h.database.db.selectFrom('report_rounds').select('id').execute()).toHaveLength(1);
  });

  it('asks nobody before the collection starts, then each head once per task their unit leads', async () => {
    const asks = (user: FakeUser) =>
      tg()
        .sentTo(user.id)
        .filter((m) => m.text?.startsWith('📋'));
    await tick('2026-11-30T03:00:00Z');
    expect(asks(binh)).toHaveLength(0);
    await tick('2026-12-01T01:00:00Z');
    await tick('2026-12-01T01:05:00Z');
    const binhAsks = asks(binh);
    expect(binhAsks).toHaveLength(2);
    expect(askAbout(binhAsks, 'vp1')?.text).toContain('Báo cáo kết quả quý IV/2026');
    expect(askAbout(binhAsks, 'vp2')).toBeDefined();
    expect(asks(em)).toHaveLength(2);
    expect(h.zalo.sentTo(cuong.id).find((r) => r.text.startsWith('📋'))!.text).toContain(`${T.pb!.taskId} giữ nguyên`);
    expect(texts(tg().sentTo(an.id)).some((t) => t.includes('Báo cáo kết quả'))).toBe(false);
    expect(texts(tg().sentTo(giang.id)).some((t) => t.includes('Báo cáo kết quả'))).toBe(false);
    expect(texts([...binhAsks, ...tg().sentTo(em.id)]).some((t) => t.includes(T.next!.title))).toBe(false);
  });

  it('takes the Văn phòng’s answers as replies to the asks', async () => {
    at('2026-12-01T02:00:00Z');
    const asks = tg().sentTo(binh.id);
    const before = asks.length;
    binh.reply(askAbout(asks, 'vp1')!.message_id, 'Đã ban hành Kế hoạch số 45/KH-STP. Sản phẩm: Kế hoạch 45/KH-STP');
    await tg().waitForSent(binh.id, before + 1);
    expect(tg().sentTo(binh.id).at(-1)!.text).toContain(`Đã ghi nhận kết quả nhiệm vụ #${T.vp1!.taskId}`);
    expect(tg().sentTo(binh.id).at(-1)!.text).toContain(`Còn 1 nhiệm vụ chưa báo cáo: #${T.vp2!.taskId}`);
    binh.reply(askAbout(asks, 'vp2')!.message_id, 'Đang tổng hợp ý kiến các phòng. Khó khăn: chờ ý kiến Sở Nội vụ. Đề xuất: gia hạn đến 31/12/2026');
    await tg().waitForSent(binh.id, before + 2);
    expect(tg().sentTo(binh.id).at(-1)!.text).toContain('Đơn vị đã báo cáo đủ');
  });

  it('takes the Phòng PBGDPL’s "giữ nguyên" on Zalo by the task’s number', async () => {
    const [answer] = await h.say(cuong, `${T.pb!.taskId} giữ nguyên`);
    expect(answer).toContain(`Đã giữ nguyên kết quả kỳ trước cho nhiệm vụ #${T.pb!.taskId}`);
    const saved = await h.database.db.selectFrom('round_answers').selectAll().where('occurrence_id', '=', T.pb!.occurrenceId).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ kept: true, result: 'Đã tổ chức 3 hội nghị tuyên truyền', channel: 'zalo' });
  });

  it('reminds the unit that has not answered each working day, and names it in the leader’s digest', async () => {
    await tick('2026-12-02T01:00:00Z');
    const reminders = texts(tg().sentTo(em.id)).filter((t) => t.startsWith('⏰'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('Còn 2 nhiệm vụ chưa báo cáo');
    expect(texts(tg().sentTo(binh.id)).some((t) => t.startsWith('⏰'))).toBe(false);
    expect(h.zalo.sentTo(cuong.id).some((r) => r.text.startsWith('⏰'))).toBe(false);
    const digest = h.zalo
      .sentTo(dung.id)
      .filter((r) => r.text.includes('Chưa báo cáo kết quả kỳ 2026-Q4'))
      .at(-1)!;
    expect(digest.text).toContain('Báo cáo sáng 02/12/2026');
    expect(digest.text).toContain('• Phòng Hành chính tư pháp');
    expect(digest.text).not.toContain('• Văn phòng Sở');
    await tick('2026-12-02T03:00:00Z');
    await tick('2026-12-03T01:00:00Z');
    expect(texts(tg().sentTo(em.id)).filter((t) => t.startsWith('⏰'))).toHaveLength(2);
    await tick('2026-12-05T01:00:00Z'); // Saturday: nothing
    expect(texts(tg().sentTo(em.id)).filter((t) => t.startsWith('⏰'))).toHaveLength(2);
  });

  it('compiles the report on the due date and sends it as documents on Telegram', async () => {
    await tick('2026-12-07T17:30:00Z'); // 00:30 on the due date: answers may still come in the morning
    expect((await h.database.db.selectFrom('report_rounds').select('status').executeTakeFirstOrThrow()).status).toBe('collecting');
    await tick('2026-12-08T01:00:00Z');
    const round = await h.database.db.selectFrom('report_rounds').selectAll().executeTakeFirstOrThrow();
    expect(round.status).toBe('compiled');
    const sent = tg().sentTo(giang.id).slice(2);
    expect(texts(sent)[0]).toContain('Báo cáo tổng hợp kết quả quý IV/2026');
    const documents = sent.filter((m) => m.document);
    expect(documents.map((m) => m.document!.file_name)).toEqual(['bao-cao-2026-Q4.docx', 'bao-cao-2026-Q4.xlsx']);
    const upload = tg().callsOf('sendDocument')[0]!;
    expect(upload.payload['document']).toMatchObject({ fileName: 'bao-cao-2026-Q4.docx' });
    const docx = tg().fileBytes(documents[0]!.document!.file_id)!;
    const paragraphs = await docxParagraphs(docx);
    const text = paragraphs.join('\n');
    for (const line of ['SỞ TƯ PHÁP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'PHỤ LỤC']) {
      expect(paragraphs).toContain(line);
    }
    expect(text).toContain('ngày 08 tháng 12 năm 2026');
    // Every task of the scope, with its status and the answer given; nothing outside it.
    const row = (key: string) => paragraphs.slice(paragraphs.indexOf(T[key]!.title) - 1, paragraphs.indexOf(T[key]!.title) + 6);
    expect(row('vp1')).toEqual(
      expect.arrayContaining(['Văn phòng Sở', '20/11/2026', 'Hoàn thành đúng hạn', 'Đã ban hành Kế hoạch số 45/KH-STP.; sản phẩm: Kế hoạch 45/KH-STP']),
    );
    expect(row('vp2')).toEqual(expect.arrayContaining(['Quá hạn, chưa hoàn thành', 'Đang tổng hợp ý kiến các phòng.', 'chờ ý kiến Sở Nội vụ.']));
    expect(row('pb')).toEqual(expect.arrayContaining(['Hoàn thành quá hạn', 'Đã tổ chức 3 hội nghị tuyên truyền']));
    expect(row('hc1')).toEqual(expect.arrayContaining(['Đang thực hiện (trong hạn)']));
    expect(row('hc2')).toEqual(expect.arrayContaining(['Quá hạn, chưa hoàn thành']));
    expect(text).not.toContain(T.next!.title);
    expect(text).toContain('gia hạn đến 31/12/2026');
  });

  it('writes numbers in the text that agree with the database', async () => {
    const docx = tg().fileBytes(
      tg()
        .sentTo(giang.id)
        .find((m) => m.document?.file_name?.endsWith('.docx'))!.document!.file_id,
    )!;
    const summary = (await docxParagraphs(docx)).find((p) => p.startsWith('Trong kỳ có'))!;
    const { rows } = await sql<{ total: number; on_time: number; late: number; overdue: number; in_progress: number; answered: number }>`
      select count(*)::int as total,
        count(*) filter (where status = 'done' and (completed_at at time zone 'Asia/Ho_Chi_Minh')::date <= due_date)::int as on_time,
        count(*) filter (where status = 'done' and (completed_at at time zone 'Asia/Ho_Chi_Minh')::date > due_date)::int as late,
        count(*) filter (where status <> 'done' and due_date < '2026-12-08')::int as overdue,
        count(*) filter (where status <> 'done' and due_date >= '2026-12-08')::int as in_progress,
        count(*) filter (where exists (select 1 from round_answers a where a.occurrence_id = o.id))::int as answered
      from occurrences o where due_date between '2026-10-01' and '2026-12-31'`.execute(h.database.db);
    const n = rows[0]!;
    expect(n).toEqual({ total: 5, on_time: 1, late: 1, overdue: 2, in_progress: 1, answered: 3 });
    expect(summary).toBe(
      `Trong kỳ có ${n.total} nhiệm vụ: ${n.on_time} nhiệm vụ hoàn thành đúng hạn, ${n.late} nhiệm vụ hoàn thành quá hạn, ` +
        `${n.in_progress} nhiệm vụ đang thực hiện trong hạn, ${n.overdue} nhiệm vụ quá hạn chưa hoàn thành; các đơn vị đã báo cáo kết quả ${n.answered}/${n.total} nhiệm vụ.`,
    );
  });

  it('sends Zalo a link that downloads the report once', async () => {
    const message = h.zalo.sentTo(dung.id).find((r) => r.text.includes('Báo cáo tổng hợp'))!;
    const url = /(http:\/\/\S+\/files\/\S+)/.exec(message.text.split('\n').find((l) => l.includes('.docx'))!)![1]!;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const token = new URL(url).pathname.split('/').at(-1)!;
    const origin = new URL(url).origin;
    const post = () =>
      fetch(`${origin}/files/download`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body: `token=${token}` });
    const first = await post();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toContain('bao-cao-2026-Q4.docx');
    expect((await docxParagraphs(Buffer.from(await first.arrayBuffer()))).join('\n')).toContain(T.vp1!.title);
    const second = await post();
    expect(second.status).toBe(410);
    expect(await second.text()).toContain('đã được dùng');
  });

  it('shows the round, who reported, its files and the units’ scorecard on the dashboard', async () => {
    const browser = webClient(`http://127.0.0.1:${h.app.port}`);
    const giangId = (await h.database.db.selectFrom('staff').select('id').where('phone', '=', '0912000006').executeTakeFirstOrThrow()).id;
    const { token } = await createLoginToken(h.database.db, giangId, h.clock.now());
    expect((await browser.form('/dashboard/login', { token })).status).toBe(303);
    const page = await browser.get('/dashboard/rounds?period=2026-Q4');
    expect(page.status).toBe(200);
    expect(page.text).toContain('2026-Q4 · hạn 08/12/2026 · đã tổng hợp');
    expect(page.text).toContain('Phòng Hành chính tư pháp: đã báo cáo 0/2 nhiệm vụ');
    expect(page.text).toContain('Văn phòng Sở: đã báo cáo 2/2 nhiệm vụ');
    // Văn phòng: 2 tasks, 1 on time, 0 late, 0 in progress, 1 overdue, 2 answered.
    expect(page.text.replace(/\s+/g, '')).toContain(
      '<tr><thscope="row">VănphòngSở</th><td>2</td><td>1</td><td>0</td><td>0</td><tdclass="late">1</td><td>2</td></tr>',
    );
    const link = /href="(\/dashboard\/rounds\/file\/\d+)">bao-cao-2026-Q4\.docx/.exec(page.text)![1]!;
    const file = await fetch(`http://127.0.0.1:${h.app.port}${link}`);
    expect(file.status).toBe(401);
    expect((await browser.get(link)).status).toBe(200);
  });

  it('says an answer after compilation is too late, and changes nothing', async () => {
    at('2026-12-08T03:00:00Z');
    const before = tg().sentTo(em.id).length;
    em.reply(askAbout(tg().sentTo(em.id), 'hc2')!.message_id, 'Đã cập nhật xong');
    await tg().waitForSent(em.id, before + 1);
    expect(tg().sentTo(em.id).at(-1)!.text).toContain('đã tổng hợp xong');
    expect(await h.database.db.selectFrom('round_answers').select('id').where('occurrence_id', '=', T.hc2!.occurrenceId).execute()).toHaveLength(0);
  });

  it('reads "15 …" as ordinary text once the round is compiled', async () => {
    const before = h.zalo.sentTo(cuong.id).length;
    const [answer] = await h.say(cuong, `${T.pb!.taskId} giữ nguyên`);
    expect(h.zalo.sentTo(cuong.id).length).toBe(before + 1);
    expect(answer).not.toContain('đã tổng hợp xong');
    expect(answer).not.toContain('Đã giữ nguyên');
    expect(await h.database.db.selectFrom('round_answers').select('id').where('occurrence_id', '=', T.pb!.occurrenceId).execute()).toHaveLength(1);
  });
});

describe('unit groups', () => {
  let vp: FakeGroup;
  let hctp: FakeGroup;

  async function inGroup(group: FakeGroup, user: FakeUser, text: string): Promise<string> {
    const before = tg().sentTo(group.id).length;
    group.send(user, text);
    await tg().waitForSent(group.id, before + 1);
    return tg().sentTo(group.id).at(-1)!.text ?? '';
  }

  it('lets only a unit head or leader subscribe a group, and only in a group', async () => {
    at('2026-12-08T04:00:00Z');
    vp = tg().group(-1001, 'Văn phòng Sở');
    hctp = tg().group(-1002, 'Phòng Hành chính tư pháp');
    expect(await inGroup(vp, an, '/subscribe@dondoc_test_bot')).toContain('Chỉ trưởng đơn vị hoặc lãnh đạo');
    expect(await inGroup(vp, binh, '/theodoi@dondoc_test_bot')).toContain('Nhóm này sẽ nhận báo cáo buổi sáng, vướng mắc và đôn đốc của Văn phòng Sở');
    expect(await inGroup(hctp, em, '/subscribe')).toContain('Phòng Hành chính tư pháp');
    const before = tg().sentTo(em.id).length;
    em.send('/subscribe');
    await tg().waitForSent(em.id, before + 1);
    expect(tg().sentTo(em.id).at(-1)!.text).toContain('dùng trong nhóm Telegram');
    const subs = await h.database.db.selectFrom('group_subscriptions').select(['chat_id', 'unit_id']).orderBy('chat_id').execute();
    expect(subs).toEqual([
      { chat_id: '-1001', unit_id: await unitId('Văn phòng Sở') },
      { chat_id: '-1002', unit_id: await unitId('Phòng Hành chính tư pháp') },
    ]);
  });

  it('posts each unit’s digest to its own group, never another unit’s', async () => {
    // Wednesday each unit finishes a task; Thursday's digest lists what was completed, by unit.
    await h.database.db
      .updateTable('occurrences')
      .set({ status: 'done', completed_at: '2026-12-09T03:00:00Z' })
      .where('id', '=', T.hc1!.occurrenceId)
      .execute();
    await h.database.db
      .updateTable('occurrences')
      .set({ status: 'done', completed_at: '2026-12-09T04:00:00Z' })
      .where('id', '=', T.vp2!.occurrenceId)
      .execute();
    await tick('2026-12-10T00:30:00Z');
    const vpDigest = texts(tg().sentTo(vp.id)).filter((t) => t.startsWith('Báo cáo sáng 10/12/2026'));
    const hcDigest = texts(tg().sentTo(hctp.id)).filter((t) => t.startsWith('Báo cáo sáng 10/12/2026'));
    expect(vpDigest.length).toBeGreaterThan(0);
    expect(hcDigest.length).toBeGreaterThan(0);
    expect(vpDigest.join('\n')).toContain(T.vp2!.title);
    expect(vpDigest.join('\n')).not.toContain(T.hc1!.title);
    expect(hcDigest.join('\n')).toContain(T.hc1!.title);
    expect(hcDigest.join('\n')).not.toContain(T.vp2!.title);
  });

  it('posts a blocker of the unit to its group, without buttons, and not to another unit’s group', async () => {
    at('2026-12-10T03:00:00Z');
    const before = tg().sentTo(em.id).length;
    em.send(`vướng: chờ số liệu của Bộ #${T.hc2!.taskId}`);
    await tg().waitForSent(em.id, before + 1);
    const vpBefore = tg().sentTo(vp.id).length;
    await tick('2026-12-10T03:15:00Z');
    const blocked = tg().sentTo(hctp.id).at(-1)!;
    expect(blocked.text).toContain(T.hc2!.title);
    expect(blocked.text).toContain('chờ số liệu của Bộ');
    expect(blocked.reply_markup).toBeUndefined();
    expect(
      tg()
        .sentTo(vp.id)
        .slice(vpBefore)
        .map((m) => m.text ?? '')
        .join('\n'),
    ).not.toContain(T.hc2!.title);
  });

  it('stops with /unsubscribe', async () => {
    at('2026-12-10T04:00:00Z');
    expect(await inGroup(hctp, em, '/unsubscribe')).toContain('thôi nhận');
    await tick('2026-12-11T00:30:00Z');
    const rows = await h.database.db.selectFrom('outbox').select('chat_id').where('kind', '=', 'group_digest').where('chat_id', '=', '-1002').execute();
    expect(rows).toHaveLength(1);
  });
});
