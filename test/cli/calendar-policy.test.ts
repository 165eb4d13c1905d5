import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyProblems, translatePolicyProblem } from '../../src/cli/policy.js';
import type { DatabaseHandle } from '../../src/db/index.js';
import { DEFAULT_NUDGE_POLICY, validateNudgePolicy, type NudgePolicy } from '../../src/domain/nudge-policy.js';
import { fixedClock, localInstant } from '../../src/domain/time.js';
import { getTranslator } from '../../src/i18n.js';
import { loadCalendar, loadNudgePolicy, NUDGE_POLICY_KEY } from '../../src/store/schedule.js';
import { planTick } from '../../src/scheduler/planner.js';
import { redeemLinkCode } from '../../src/store/links.js';
import { getSetting, setSetting } from '../../src/store/settings.js';
import { cliRunner } from '../helpers/cli.js';
import { createTestDatabase } from '../helpers/db.js';

// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T02:00:00Z');
let handle: DatabaseHandle;
let dir: string;
let cli: ReturnType<typeof cliRunner>;
let cliEn: ReturnType<typeof cliRunner>;

beforeAll(async () => {
  handle = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-calendar-'));
  cli = cliRunner(handle.db, clock, dir);
  cliEn = cliRunner(handle.db, clock, dir, { DEFAULT_LOCALE: 'en' });
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const overrides = () => handle.db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
const isWorkingDay = async (date: string) => (await loadCalendar(handle.db)).isWorkingDay(date);
const storedPolicy = () => getSetting(handle.db, NUDGE_POLICY_KEY);
/** The dd/mm/yyyy dates of the day lines `calendar list` printed, in order. */
const listedDates = (stdout: string[]) => stdout.flatMap((line) => /^\s+\S+(?: \S+)? (\d{2}\/\d{2}\/\d{4}) · /.exec(line)?.[1] ?? []);
const toIso = (vn: string) => vn.split('/').reverse().join('-');

describe('calendar list', () => {
  it("shows the year's public holidays with their names and make-up days, by date, with the weekday", async () => {
    const result = await cli('calendar', 'list', '--year', '2026');
    expect(result).toMatchObject({ code: 0, stderr: [] });
    const out = result.stdout.join('\n');
    expect(result.stdout[0]).toContain('2026');
    // Tết Bính Ngọ: Sat 14/2 – Sun 22/2/2026, every day listed.
    for (let day = 14; day <= 22; day++) expect(out).toContain(`${day}/02/2026 · nghỉ · Tết Nguyên Đán`);
    expect(out).toContain('Thứ Bảy 14/02/2026 · nghỉ · Tết Nguyên Đán');
    expect(out).toContain('Thứ Tư 02/09/2026 · nghỉ · Quốc khánh');
    expect(out).toContain('Thứ Bảy 22/08/2026 · làm việc · Làm bù Quốc khánh');
    // 24/11 is listed for its name but is still a working day unless the office says otherwise.
    expect(out).toMatch(/Thứ Ba 24\/11\/2026 · làm việc · Ngày Văn hóa Việt Nam: chưa xác nhận/);
    const dates = listedDates(result.stdout).map(toIso);
    expect(dates.length).toBeGreaterThan(15);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
  });

  it("defaults to the current year in Vietnam's time, not UTC's", async () => {
    expect((await cli('calendar', 'list')).stdout[0]).toContain('2026');
    // 31/12/2026 18:00 UTC is already 01/01/2027 in Hà Nội.
    const newYearsEve = cliRunner(handle.db, fixedClock('2026-12-31T18:00:00Z'), dir);
    const result = await newYearsEve('calendar', 'list');
    expect(result.stdout[0]).toContain('2027');
    expect(listedDates(result.stdout).every((d) => d.endsWith('/2027'))).toBe(true);
    // 2027 has no notice yet: the estimate is said to be one.
    expect(result.stdout.join('\n')).toContain('ước tính');
  });

  it('prints in English for an English admin', async () => {
    const result = await cliEn('calendar', 'list', '--year', '2026');
    expect(result.stdout.join('\n')).toContain('Wed 02/09/2026 · day off · Quốc khánh');
  });

  it('refuses a bad year', async () => {
    expect(await cli('calendar', 'list', '--year', '26')).toMatchObject({ code: 2, stderr: [expect.stringContaining('"26"')] });
    expect((await cli('calendar', 'list', '--yaer', '2026')).code).toBe(2);
  });
});

describe('calendar off, work and clear', () => {
  it('marks a weekday off, with a note, and the scheduler sees it', async () => {
    expect(await isWorkingDay('2026-05-18')).toBe(true);
    const result = await cli('calendar', 'off', '18/05/2026', '--note', 'Nghỉ lễ của tỉnh');
    expect(result).toMatchObject({ code: 0, stderr: [] });
    expect(result.stdout.join('\n')).toContain('Thứ Hai 18/05/2026 · nghỉ · do cơ quan đặt: Nghỉ lễ của tỉnh (lịch chung: làm việc)');
    expect(await isWorkingDay('2026-05-18')).toBe(false);
    expect(await overrides()).toMatchObject([{ date: '2026-05-18', mark: 'off', note: 'Nghỉ lễ của tỉnh' }]);
  });

  it('is idempotent: running it again updates the note, and without --note keeps it', async () => {
    expect((await cli('calendar', 'off', '2026-05-18', '--note', 'Kỷ niệm ngày thành lập tỉnh')).code).toBe(0);
    expect(await overrides()).toMatchObject([{ date: '2026-05-18', mark: 'off', note: 'Kỷ niệm ngày thành lập tỉnh' }]);
    expect((await cli('calendar', 'off', '18/5/2026')).code).toBe(0);
    expect(await overrides()).toMatchObject([{ date: '2026-05-18', mark: 'off', note: 'Kỷ niệm ngày thành lập tỉnh' }]);
    expect(await overrides()).toHaveLength(1);
    expect(await isWorkingDay('2026-05-18')).toBe(false);
  });

  it('marks a Saturday as a working day, and the list shows both as set by the office', async () => {
    expect(await isWorkingDay('2026-05-23')).toBe(false);
    const result = await cli('calendar', 'work', '23/05/2026', '--note', 'Làm bù ngày 18/5');
    expect(result.code).toBe(0);
    expect(result.stdout.join('\n')).toContain('Thứ Bảy 23/05/2026 · làm việc · do cơ quan đặt: Làm bù ngày 18/5');
    expect(await isWorkingDay('2026-05-23')).toBe(true);
    const list = (await cli('calendar', 'list', '--year', '2026')).stdout;
    const may = list.filter((line) => /\/05\/2026/.test(line));
    expect(may.map((line) => listedDates([line])[0])).toEqual(['01/05/2026', '18/05/2026', '23/05/2026']);
    expect(list.join('\n')).toContain('Thứ Hai 18/05/2026 · nghỉ · do cơ quan đặt: Kỷ niệm ngày thành lập tỉnh');
    expect(list.at(-1)).toContain(': 2.');
  });

  it('can turn an official holiday into a working day and back', async () => {
    expect(await isWorkingDay('2026-09-01')).toBe(false);
    const work = await cli('calendar', 'work', '01/09/2026');
    expect(work.stdout.join('\n')).toContain('Thứ Ba 01/09/2026 · làm việc · do cơ quan đặt (lịch chung: nghỉ — Quốc khánh)');
    expect(await isWorkingDay('2026-09-01')).toBe(true);
    // Changing the mark drops the old note: it described the other mark.
    await cli('calendar', 'off', '23/05/2026');
    expect((await overrides()).find((o) => o.date === '2026-05-23')).toMatchObject({ mark: 'off', note: null });
    expect(await isWorkingDay('2026-05-23')).toBe(false);
    await cli('calendar', 'work', '23/05/2026', '--note', 'Làm bù ngày 18/5');
    const cleared = await cli('calendar', 'clear', '01/09/2026');
    expect(cleared.code).toBe(0);
    expect(cleared.stdout.join('\n')).toContain('Thứ Ba 01/09/2026 · nghỉ · Quốc khánh');
    expect(await isWorkingDay('2026-09-01')).toBe(false);
  });

  it('clears an override, and says so when there is none', async () => {
    const first = await cli('calendar', 'clear', '2026-05-18');
    expect(first.code).toBe(0);
    expect(first.stdout[0]).toContain('Đã bỏ');
    expect(await isWorkingDay('2026-05-18')).toBe(true);
    const again = await cli('calendar', 'clear', '18/05/2026');
    expect(again.code).toBe(0);
    expect(again.stdout[0]).toContain('không có ngày đặt riêng');
    expect((await overrides()).map((o) => o.date)).toEqual(['2026-05-23']);
  });

  it('refuses a malformed or impossible date with exit 2 and changes nothing', async () => {
    const before = await overrides();
    const bad = [
      ['calendar', 'off', '31/02/2026'],
      ['calendar', 'work', '2026-02-30'],
      ['calendar', 'off', '2026-13-01'],
      ['calendar', 'off', '18/05/26'],
      ['calendar', 'off', 'mai'],
      ['calendar', 'off', '18/05/1026'],
      ['calendar', 'clear', '30/02/2026'],
      ['calendar', 'off'],
      ['calendar', 'off', '18/05/2026', '19/05/2026'],
      ['calendar', 'off', '18/05/2026', '--notes', 'x'],
      ['calendar', 'off', '18/05/2026', '--note', 'x'.repeat(201)],
    ];
    for (const argv of bad) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.join(''), argv.join(' ')).not.toBe('');
    }
    expect((await cli('calendar', 'off', '31/02/2026')).stderr[0]).toContain('Không có ngày "31/02/2026"');
    expect((await cli('calendar', 'off', 'mai')).stderr[0]).toContain('dd/mm/yyyy');
    expect((await cliEn('calendar', 'off', '31/02/2026')).stderr[0]).toContain('There is no such day as "31/02/2026"');
    expect(await overrides()).toEqual(before);
  });
});

describe('policy show, set and reset', () => {
  it('shows the defaults, each marked as the default', async () => {
    const result = await cli('policy', 'show');
    expect(result.code).toBe(0);
    const lines = result.stdout.slice(1);
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/— mặc định$/);
    const out = result.stdout.join('\n');
    expect(out).toContain('7, 3, 1');
    expect(out).toContain('Giờ nhắc việc: 08:00');
    expect(out).toContain('07:30–17:30');
    expect(out).toContain('quá hạn 3 ngày');
    expect(out).toContain('Báo cáo buổi sáng: 07:30');
  });

  it('sets values the scheduler then uses, storing only policy keys merged with what was stored', async () => {
    await setSetting(handle.db, NUDGE_POLICY_KEY, { escalateAfterWorkingDays: 4, somethingElse: true }, clock.now());
    const result = await cli('policy', 'set', '--send-at', '8:30', '--due-soon', '1,5, 2,5');
    expect(result).toMatchObject({ code: 0, stderr: [] });
    expect(await storedPolicy()).toEqual({ escalateAfterWorkingDays: 4, sendAtMinutes: 510, dueSoonWorkingDays: [5, 2, 1] });
    expect(await loadNudgePolicy(handle.db)).toEqual({
      ...DEFAULT_NUDGE_POLICY,
      escalateAfterWorkingDays: 4,
      sendAtMinutes: 510,
      dueSoonWorkingDays: [5, 2, 1],
    });
    expect(await cli('policy', 'set', '--window', '07:00-17:00', '--digest-at', '07h15')).toMatchObject({ code: 0 });
    expect(await loadNudgePolicy(handle.db)).toEqual({
      dueSoonWorkingDays: [5, 2, 1],
      sendAtMinutes: 510,
      windowStartMinutes: 420,
      windowEndMinutes: 1020,
      escalateAfterWorkingDays: 4,
      digestAtMinutes: 435,
    });
  });

  it('marks which values the office set and which are the defaults', async () => {
    const result = await cli('policy', 'show');
    const [dueSoon, sendAt, window, escalate, digest] = result.stdout.slice(1);
    expect(dueSoon).toMatch(/5, 2, 1 .*do cơ quan đặt \(mặc định: 7, 3, 1\)$/);
    expect(sendAt).toMatch(/08:30 — do cơ quan đặt \(mặc định: 08:00\)$/);
    expect(window).toMatch(/07:00–17:00 — do cơ quan đặt/);
    expect(escalate).toMatch(/do cơ quan đặt/);
    expect(digest).toMatch(/07:15 — do cơ quan đặt/);
    await cli('policy', 'reset');
    await cli('policy', 'set', '--escalate-after', '5');
    const partly = (await cli('policy', 'show')).stdout.slice(1);
    expect(partly.map((line) => (line.endsWith('— mặc định') ? 'default' : 'office'))).toEqual(['default', 'default', 'default', 'office', 'default']);
    const en = (await cliEn('policy', 'show')).stdout.slice(1);
    expect(en[0]).toMatch(/— default$/);
    expect(en[3]).toMatch(/: 5 — set by the office \(default: 3\)$/);
  });

  it('refuses an invalid combination with exit 2, listing the problems in the admin language, and stores nothing', async () => {
    await cli('policy', 'reset');
    await cli('policy', 'set', '--send-at', '08:15');
    const before = await storedPolicy();
    const cases: [string[], RegExp][] = [
      [['--window', '17:00-08:00'], /khung giờ gửi 17:00–08:00 trống/],
      [['--send-at', '18:00'], /giờ nhắc việc 18:00 không trước giờ đóng khung giờ gửi \(17:30\)/],
      [['--window', '07:30-12:00', '--send-at', '13:00'], /giờ nhắc việc 13:00/],
      [['--escalate-after', '0'], /--escalate-after\) phải là số nguyên từ 1/],
      [['--due-soon', '3,0'], /--due-soon\) phải là số nguyên từ 1/],
      [['--window', '04:00-17:30'], /05:00–21:00/],
      [['--window', '07:30-22:00'], /05:00–21:00/],
      [['--digest-at', '06:00'], /giờ báo cáo buổi sáng 06:00 phải nằm trong khung giờ gửi 07:30–17:30/],
      [['--digest-at', '17:30'], /giờ báo cáo buổi sáng 17:30/],
      [['--send-at', '25:00'], /Giờ "25:00" không hợp lệ/],
      [['--window', '07:30'], /Khung giờ "07:30" không hợp lệ/],
      [['--due-soon', '7;3'], /"7;3" không phải danh sách/],
      [['--escalate-after', 'ba'], /"ba" không phải số nguyên/],
      [['--sendat', '08:00'], /policy set/],
      [[], /policy set/],
    ];
    for (const [args, message] of cases) {
      const result = await cli('policy', 'set', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.join('\n'), args.join(' ')).toMatch(message);
      expect(await storedPolicy(), args.join(' ')).toEqual(before);
    }
    const both = await cli('policy', 'set', '--window', '17:00-08:00', '--escalate-after', '0');
    expect(
      both.stderr
        .join('\n')
        .split('\n')
        .filter((l) => l.startsWith('  - ')),
    ).toHaveLength(3);
    const mixed = await cli('policy', 'set', '--escalate-after', '0', '--digest-at', '05:00');
    expect(
      mixed.stderr
        .join('\n')
        .split('\n')
        .filter((l) => l.startsWith('  - ')),
    ).toEqual([expect.stringContaining('--escalate-after'), expect.stringContaining('giờ báo cáo buổi sáng 05:00')]);
    const en = await cliEn('policy', 'set', '--window', '17:00-08:00');
    expect(en.stderr.join('\n')).toContain('the send window 17:00–08:00 is empty');
    expect(en.stderr.join('\n')).not.toMatch(/Minutes|khung/);
    expect(await loadNudgePolicy(handle.db)).toEqual({ ...DEFAULT_NUDGE_POLICY, sendAtMinutes: 495 });
  });

  it("translates every problem validateNudgePolicy can report (none left in the code's English)", () => {
    const broken: NudgePolicy = {
      dueSoonWorkingDays: [0],
      sendAtMinutes: 2000,
      windowStartMinutes: 600,
      windowEndMinutes: 540,
      escalateAfterWorkingDays: 0,
      digestAtMinutes: -1,
    };
    const raw = validateNudgePolicy(broken);
    expect(raw.length).toBeGreaterThanOrEqual(6);
    for (const locale of ['vi', 'en'] as const) {
      const t = getTranslator().for(locale);
      for (const problem of raw) {
        const translated = translatePolicyProblem(problem, broken, { t });
        expect(translated, problem).not.toBe(problem);
        expect(translated, problem).not.toMatch(/Minutes|WorkingDays/);
      }
    }
    expect(policyProblems(DEFAULT_NUDGE_POLICY, { t: getTranslator().for('vi') })).toEqual([]);
  });

  it('says when the stored policy is unusable and the defaults are in use', async () => {
    await setSetting(handle.db, NUDGE_POLICY_KEY, { windowStartMinutes: 20 * 60 }, clock.now());
    const out = (await cli('policy', 'show')).stdout;
    expect(out.slice(1, 6).every((line) => line.endsWith('— mặc định'))).toBe(true);
    expect(out.at(-1)).toMatch(/không dùng được .*khung giờ gửi 20:00–17:30 trống/);
    expect(await loadNudgePolicy(handle.db)).toEqual(DEFAULT_NUDGE_POLICY);
  });

  it('resets to the defaults', async () => {
    await setSetting(handle.db, NUDGE_POLICY_KEY, { sendAtMinutes: 9 * 60 }, clock.now());
    expect((await loadNudgePolicy(handle.db)).sendAtMinutes).toBe(540);
    const result = await cli('policy', 'reset');
    expect(result.code).toBe(0);
    expect(await loadNudgePolicy(handle.db)).toEqual(DEFAULT_NUDGE_POLICY);
    expect(result.stdout.filter((line) => line.endsWith('— mặc định'))).toHaveLength(5);
    expect((await cli('policy', 'reset', 'now')).code).toBe(2);
  });
});

describe('the planner and the CLI', () => {
  it('plans no nudges on a date marked off through the CLI, and plans them once it is cleared', async () => {
    fs.writeFileSync(path.join(dir, 'people.csv'), 'name,unit,role,phone\nTrần Thị Bình,Sở Tư pháp / Văn phòng Sở,staff,0913000111\n');
    expect((await cli('staff', 'import', 'people.csv')).code).toBe(0);
    const code = (await cli('staff', 'link-code', '0913000111')).stdout.at(-1)!;
    const linked = await redeemLinkCode(handle.db, code, { channel: 'telegram', userId: '5001', chatId: '5001' }, clock.now());
    expect(linked.ok).toBe(true);
    const staffId = linked.ok ? linked.staff.id : -1;
    // Due Monday 07/12/2026; that morning at 08:00 it owes its due-today nudge.
    expect((await cli('task', 'add', '--title', 'Báo cáo tổng kết', '--owner', '0913000111', '--due', '2026-12-07')).code).toBe(0);
    const tick = (hours: number, minutes: number) => planTick(handle.db, { now: localInstant('2026-12-07', hours, minutes), channels: ['telegram'] });

    expect((await cli('calendar', 'off', '07/12/2026', '--note', 'Nghỉ theo quyết định của UBND tỉnh')).code).toBe(0);
    const off = await tick(8, 0);
    expect(off).toMatchObject({ ran: true, nudgeTime: false, queued: [] });
    expect(await handle.db.selectFrom('outbox').select('id').execute()).toEqual([]);

    expect((await cli('calendar', 'clear', '07/12/2026')).code).toBe(0);
    const on = await tick(8, 5);
    expect(on.nudgeTime).toBe(true);
    expect(on.queued.map((q) => q.staffId)).toEqual([staffId]);
  });

  it('uses the send time set through the CLI', async () => {
    expect((await cli('policy', 'set', '--send-at', '09:00')).code).toBe(0);
    const tick = (hours: number, minutes: number) => planTick(handle.db, { now: localInstant('2026-12-08', hours, minutes), channels: ['telegram'] });
    expect(await tick(8, 30)).toMatchObject({ nudgeTime: false, queued: [] });
    expect((await tick(9, 0)).queued).toHaveLength(1);
    await cli('policy', 'reset');
  });
});
