import { describe, expect, it } from 'vitest';
import type { TelegramHarness } from '../helpers/telegram-app.js';
import { ensureUnitPath } from '../../src/store/units.js';
import { harnessWithPeople, type People, task, unitOf } from './helpers.js';

let h: TelegramHarness;
let p: People;
const ids: Record<string, number> = {};

harnessWithPeople({ at: '2025-11-01T02:00:00Z' }, async (started, people) => {
  h = started;
  p = people;
  const office = await unitOf(h, p.ids.an);
  const pbgd = await unitOf(h, p.ids.cuong);
  for (const name of ['Phòng Hành chính tư pháp', 'Thanh tra Sở', 'Trung tâm Trợ giúp pháp lý']) await ensureUnitPath(h.database.db, ['Sở Tư pháp', name]);
  // Created on 1/11: untouched for more than 14 days by 1/12.
  ids.A1 = (await task(h, 'Rà soát thủ tục hành chính', '2025-11-20', office, [p.ids.an])).taskId;
  ids.C1 = (await task(h, 'Tuyên truyền Luật Đất đai', '2025-11-26', pbgd, [p.ids.cuong])).taskId;
  h.clock.set('2025-11-25T02:00:00Z');
  ids.A2 = (await task(h, 'Báo cáo công tác pháp chế', '2025-11-28', office, [p.ids.an])).taskId;
  ids.A3 = (await task(h, 'Kế hoạch năm 2026', '2025-12-03', office, [p.ids.an])).taskId;
  ids.A4 = (await task(h, 'Số hóa hồ sơ', '2025-12-15', office, [p.ids.an])).taskId;
  ids.C2 = (await task(h, 'Việc chưa giao của phòng', '2025-11-30', pbgd, [])).taskId;
  ids.DONE = (await task(h, 'Việc đã xong', '2025-11-10', office, [p.ids.an])).taskId;
  h.clock.set('2025-12-01T02:00:00Z');
  await h.expectMessages(p.an, 2, () => p.an.send(`vướng: chờ máy quét #${ids.A4}`));
  await h.expectMessages(p.an, 2, () => p.an.send(`xong #${ids.DONE}`));
});

describe('/overdue', () => {
  it('gives a leader counts by unit over the subtree, clear units in one line, and the longest overdue', async () => {
    const [report] = await h.expectMessages(p.dung, 1, () => p.dung.send('/overdue'));
    expect(report!.text).toBe(
      [
        'Tình hình thực hiện nhiệm vụ — Sở Tư pháp (ngày 01/12/2025)',
        'Quá hạn: 4 · Đến hạn trong tuần: 1 · Vướng mắc: 1 · 14 ngày chưa báo cáo: 2',
        '',
        'Theo đơn vị (quá hạn · trong tuần · vướng mắc · chưa báo cáo):',
        '• Phòng Phổ biến, giáo dục pháp luật: 2 · 0 · 0 · 1',
        '• Văn phòng Sở: 2 · 1 · 1 · 1',
        '3 đơn vị còn lại không có việc quá hạn.',
        '',
        '4 việc quá hạn lâu nhất:',
        `1. #${ids.A1} · Rà soát thủ tục hành chính — Văn phòng Sở — Nguyễn Văn An — quá hạn 11 ngày`,
        `2. #${ids.C1} · Tuyên truyền Luật Đất đai — Phòng Phổ biến, giáo dục pháp luật — Lê Văn Cường — quá hạn 5 ngày`,
        `3. #${ids.A2} · Báo cáo công tác pháp chế — Văn phòng Sở — Nguyễn Văn An — quá hạn 3 ngày`,
        `4. #${ids.C2} · Việc chưa giao của phòng — Phòng Phổ biến, giáo dục pháp luật — chưa giao người — quá hạn 1 ngày`,
      ].join('\n'),
    );
  });

  it('also answers to /quahan, and a unit head sees only their unit', async () => {
    const [report] = await h.expectMessages(p.binh, 1, () => p.binh.send('/quahan'));
    expect(report!.text).toContain('Tình hình thực hiện nhiệm vụ — Văn phòng Sở');
    expect(report!.text).toContain('Quá hạn: 2 · Đến hạn trong tuần: 1 · Vướng mắc: 1 · 14 ngày chưa báo cáo: 1');
    expect(report!.text).not.toContain('Theo đơn vị');
    expect(report!.text).not.toContain(`#${ids.C1}`);
  });

  it('gives staff their own overdue tasks, longest first', async () => {
    const [mine] = await h.expectMessages(p.an, 1, () => p.an.send('/overdue'));
    expect(mine!.text).toContain('Anh/chị có 2 việc quá hạn');
    const lines = mine!.text!.split('\n').filter((l) => l.startsWith('#'));
    expect(lines).toEqual([
      `#${ids.A1} · Rà soát thủ tục hành chính — quá hạn 11 ngày (hạn 20/11/2025)`,
      `#${ids.A2} · Báo cáo công tác pháp chế — quá hạn 3 ngày (hạn 28/11/2025)`,
    ]);
    const [none] = await h.expectMessages(p.cuong, 1, () => p.cuong.send('/overdue'));
    expect(none!.text).toContain(`#${ids.C1}`);
    expect(none!.text).not.toContain(`#${ids.C2}`);
  });

  it("splits a long report into messages under Telegram's limit", async () => {
    const db = h.database.db;
    for (let i = 1; i <= 120; i++) {
      const unit = await ensureUnitPath(db, ['Sở Tư pháp', `Phòng chuyên môn số ${i} về công tác theo dõi thi hành pháp luật`]);
      await task(h, `Việc của phòng ${i}`, '2025-11-27', unit, []);
    }
    const before = h.tg.sentTo(p.dung.id).length;
    p.dung.send('/overdue');
    await h.tg.waitFor(async () => {
      await new Promise((r) => setTimeout(r, 300));
      return h.tg.sentTo(p.dung.id).length >= before + 2 && h.tg.sentTo(p.dung.id).at(-1)?.text?.includes('việc quá hạn lâu nhất');
    });
    const parts = h.tg.sentTo(p.dung.id).slice(before);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts) expect(part.text!.length).toBeLessThanOrEqual(4096);
    const all = parts.map((m) => m.text).join('\n');
    expect(all).toContain('Quá hạn: 124');
    expect(all).toContain('• Phòng chuyên môn số 120 về công tác theo dõi thi hành pháp luật: 1 · 0 · 0 · 0');
    expect(all).toContain('10 việc quá hạn lâu nhất:');
  });
});
