import { describe, expect, it } from 'vitest';
import { cliRunner } from '../helpers/cli.js';
import type { TelegramHarness } from '../helpers/telegram-app.js';
import { harnessWithPeople, type People, task, unitOf } from './helpers.js';

let h: TelegramHarness;
let p: People;
let cli: ReturnType<typeof cliRunner>;
const ids: Record<string, number> = {};

async function say(user: People['an'], at: string, text: string, replies = 1) {
  h.clock.set(at);
  return h.expectMessages(user, replies, () => user.send(text));
}

harnessWithPeople({ at: '2025-11-20T02:00:00Z' }, async (started, people) => {
  h = started;
  p = people;
  cli = cliRunner(h.database.db, h.clock, h.dir, { TELEGRAM_BOT_TOKEN: h.tg.token, TELEGRAM_API_ROOT: h.tg.apiRoot });
  const office = await unitOf(h, p.ids.an);
  const pbgd = await unitOf(h, p.ids.cuong);
  ids.A1 = (await task(h, 'Rà soát thủ tục hành chính', '2025-11-20', office, [p.ids.an])).taskId;
  ids.A2 = (await task(h, 'Báo cáo công tác pháp chế', '2025-11-28', office, [p.ids.an])).taskId;
  ids.A4 = (await task(h, 'Số hóa hồ sơ', '2025-12-15', office, [p.ids.an])).taskId;
  ids.D1 = (await task(h, 'Tổng hợp ý kiến dự thảo', '2025-12-01', office, [p.ids.an])).taskId;
  ids.C1 = (await task(h, 'Tuyên truyền Luật Đất đai', '2025-11-26', pbgd, [p.ids.cuong])).taskId;
  ids.C3 = (await task(h, 'Hội nghị tập huấn', '2025-12-10', pbgd, [p.ids.cuong])).taskId;
});

describe('dondoc remind --at', () => {
  it('refuses an instant it cannot read', async () => {
    const bad = await cli('remind', '--at', '1/12/2025 8h');
    expect(bad.code).toBe(2);
    expect(bad.stderr.join('\n')).toContain('không hợp lệ');
  });

  it('runs one tick and delivers as if it were that instant, printing what it queued and sent', async () => {
    const run = await cli('remind', '--at', '2025-12-01T08:00:00+07:00');
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toBe('Lượt nhắc việc lúc 01/12/2025 08:00 (giờ Việt Nam)');
    expect(run.stdout).toContain('Đã xếp 4 tin:');
    expect(run.stdout).toEqual(
      expect.arrayContaining([
        '+ nhắc việc → Nguyễn Văn An (telegram 1001): 3 việc',
        '+ nhắc việc → Lê Văn Cường (telegram 1003): 2 việc',
        '+ báo cáo đôn đốc → Trần Thị Bình (telegram 1002): 1 việc',
        '+ báo cáo đôn đốc → Phạm Thị Dung (telegram 1004): 1 việc',
      ]),
    );
    expect(run.stdout.filter((l) => l.startsWith('✓'))).toHaveLength(4);
    expect(run.stdout.at(-1)).toBe('Đã gửi 4 · chờ gửi lại 0 · bỏ qua 0 · thất bại 0 · không liên lạc được 0');
    expect(h.tg.sentTo(p.dung.id).at(-1)!.text).toContain(`#${ids.C1} · Tuyên truyền Luật Đất đai`);
    expect(h.tg.sentTo(p.dung.id).at(-1)!.text).toContain('Người thực hiện: Lê Văn Cường · quá hạn 5 ngày');
    const again = await cli('remind', '--at', '2025-12-01T08:05:00+07:00');
    expect(again.stdout).toContain('Đã xếp 0 tin:');
  });

  it('says when nothing is due because it is outside office hours', async () => {
    const run = await cli('remind', '--at', '2025-12-06T08:00:00+07:00');
    expect(run.stdout).toContain('Ngoài giờ nhắc việc (ngày làm việc, trong khung giờ gửi, sau giờ nhắc); không có nhắc việc nào đến hạn.');
  });
});

describe('the morning digest', () => {
  it('/digest off and on', async () => {
    const [usage] = await say(p.binh, '2025-12-01T09:00:00Z', '/digest');
    expect(usage!.text).toContain('Hiện tại: đang bật');
    const [off] = await say(p.binh, '2025-12-01T09:00:00Z', '/digest off');
    expect(off!.text).toContain('Đã tắt');
    const [staff] = await say(p.an, '2025-12-01T09:00:00Z', '/digest off');
    expect(staff!.text).toContain('dành cho lãnh đạo');
  });

  it('reports overdue, completed, blockers, waiting extensions, silence and unreachable people', async () => {
    await say(p.an, '2025-12-01T03:00:00Z', `xong #${ids.A2}`, 2);
    await say(p.an, '2025-12-01T04:00:00Z', `vướng: chờ máy quét #${ids.A4}`, 2);
    await say(p.cuong, '2025-12-01T07:00:00Z', `gia hạn 20/12 #${ids.C1}`);
    await say(p.cuong, '2025-12-01T07:05:00Z', `gia hạn 31/12 chờ kinh phí #${ids.C3}`);
    await h.app.scheduler.deliver();
    const request = h.tg.sentTo(p.dung.id).find((m) => m.text?.includes(`việc #${ids.C1} ·`))!;
    p.cuong.blockBot();
    const queryId = p.dung.pressButton(request, 'Từ chối');
    await h.tg.waitFor(() => h.tg.callbackAnswers(queryId)[0]);
    const delivered = await h.app.scheduler.deliver();
    expect(delivered.counts.unreachable).toBe(1);

    const run = await cli('digest', '--at', '2025-12-02T07:30:00+07:00');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+ báo cáo buổi sáng → Phạm Thị Dung (telegram 1004): 1 việc');
    expect(run.stdout.filter((l) => l.startsWith('+'))).toHaveLength(1);
    const digest = h.tg.sentTo(p.dung.id).at(-1)!.text!;
    expect(digest.split('\n')).toEqual([
      'Báo cáo sáng 02/12/2025 — Sở Tư pháp',
      '',
      'Mới quá hạn từ 01/12/2025: 1 việc',
      `• #${ids.D1} · Tổng hợp ý kiến dự thảo — Văn phòng Sở — Nguyễn Văn An`,
      '',
      'Đã hoàn thành từ 01/12/2025: 1 việc',
      `• #${ids.A2} · Báo cáo công tác pháp chế — Văn phòng Sở — Nguyễn Văn An`,
      '',
      'Vướng mắc mới: 1 việc',
      `• #${ids.A4} · Số hóa hồ sơ — Nguyễn Văn An: chờ máy quét`,
      '',
      'Đề nghị gia hạn đang chờ: 1',
      `• #${ids.C3} · Hội nghị tập huấn — Lê Văn Cường xin đến ngày 31/12/2025`,
      '',
      'Chưa phản hồi nhắc việc: 1 người',
      '• Nguyễn Văn An (Văn phòng Sở) — 2 việc',
      '',
      'Không liên lạc được (đã chặn bot): 1 người',
      '• Lê Văn Cường (Phòng Phổ biến, giáo dục pháp luật)',
      '',
      'Gõ /overdue để xem tình hình theo đơn vị.',
    ]);
    const again = await cli('digest', '--at', '2025-12-02T07:45:00+07:00');
    expect(again.stdout).toContain('Đã xếp 0 tin:');
  });

  it('is not sent before 07:30 or on a day off, and comes back when turned on', async () => {
    expect((await cli('digest', '--at', '2025-12-03T07:00:00+07:00')).stdout).toContain(
      'Chưa đến giờ báo cáo buổi sáng hoặc không phải ngày làm việc; không có báo cáo nào.',
    );
    expect((await cli('digest', '--at', '2025-12-06T07:30:00+07:00')).stdout).toContain('Đã xếp 0 tin:');
    await say(p.binh, '2025-12-02T09:00:00Z', '/digest on');
    const run = await cli('digest', '--at', '2025-12-03T07:30:00+07:00');
    expect(run.stdout).toEqual(expect.arrayContaining(['+ báo cáo buổi sáng → Trần Thị Bình (telegram 1002): 1 việc']));
    const binh = h.tg.sentTo(p.binh.id).at(-1)!.text!;
    expect(binh).toContain('Báo cáo sáng 03/12/2025 — Văn phòng Sở');
    expect(binh).not.toContain('Lê Văn Cường');
  });
});
