import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginToken } from '../../src/store/sessions.js';
import { upsertStaff } from '../../src/store/staff.js';
import { staffId, startWebHarness, type WebHarness } from '../helpers/web-app.js';
import { webClient, type WebClient } from '../helpers/web-client.js';

let h: WebHarness;
let xd: number;
let pb: number;
let phong: WebClient;

async function unitId(name: string): Promise<number> {
  return (await h.database.db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function taskLedBy(unit: number): Promise<number> {
  return (await h.database.db.selectFrom('occurrences').select('task_id').where('lead_unit_id', '=', unit).orderBy('task_id').executeTakeFirstOrThrow())
    .task_id;
}

async function signIn(id: number): Promise<WebClient> {
  const browser = webClient(h.base);
  const { token } = await createLoginToken(h.database.db, id, h.clock.now());
  expect((await browser.form('/dashboard/login', { token })).status).toBe(303);
  return browser;
}

beforeAll(async () => {
  h = await startWebHarness();
  xd = await unitId('Phòng Xây dựng, kiểm tra VBQPPL - QLXLVPHC');
  pb = await unitId('Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật');
  // A leader whose unit is one phòng: what they see is that phòng's subtree, nothing else.
  await upsertStaff(h.database.db, { name: 'Kiều Văn Phúc', unitId: xd, role: 'leader', phone: '0904000111' }, h.clock.now());
  phong = await signIn((await h.database.db.selectFrom('staff').select('id').where('phone', '=', '0904000111').executeTakeFirstOrThrow()).id);
});
afterAll(async () => {
  await h?.close();
});

describe("a leader's dashboard covers their unit's subtree only", () => {
  it('the overview is about their unit', async () => {
    const res = await phong.get('/dashboard');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Tổng quan · Phòng Xây dựng, kiểm tra VBQPPL - QLXLVPHC');
    expect(res.text).not.toContain('Văn phòng Sở</a>');
  });

  it('another unit, by id in the URL, is forbidden', async () => {
    expect((await phong.get(`/dashboard?unit=${pb}`)).status).toBe(403);
    expect((await phong.get(`/dashboard/overdue?unit=${pb}`)).status).toBe(403);
    expect((await phong.get(`/dashboard/overdue.xlsx?unit=${pb}`)).status).toBe(403);
  });

  it("another unit's task is forbidden; their own opens with its history", async () => {
    const other = await phong.get(`/dashboard/task/${await taskLedBy(pb)}`);
    expect(other.status).toBe(403);
    expect(other.text).toContain('ngoài phạm vi');
    const own = await phong.get(`/dashboard/task/${await taskLedBy(xd)}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('Lịch sử cập nhật');
  });

  it('the overdue list and its export hold their tasks only', async () => {
    const page = await phong.get('/dashboard/overdue');
    const units = [...page.text.matchAll(/<div class="meta">\s*<span>([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(['Phòng Xây dựng, kiểm tra VBQPPL - QLXLVPHC']));

    const res = await fetch(`${h.base}/dashboard/overdue.xlsx`, { headers: { cookie: `dondoc_dash=${phong.cookies.get('dondoc_dash')}` } });
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(units.length + 1);
    for (let r = 2; r <= sheet.rowCount; r++) expect(sheet.getRow(r).getCell(4).value).toBe('Phòng Xây dựng, kiểm tra VBQPPL - QLXLVPHC');
  });

  it('link codes are made only for people in their subtree, and only from their own pages', async () => {
    const page = await phong.get('/dashboard/people');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const outsider = await staffId(h, 'Ngô Thị Thu Trang');
    const codes = () => h.database.db.selectFrom('link_codes').select('code').where('staff_id', '=', outsider).execute();
    const before = (await codes()).length;
    expect((await phong.form(`/dashboard/people/${outsider}/code`, { csrf })).status).toBe(403);
    const insider = await staffId(h, 'Đặng Thị Hương');
    expect((await phong.form(`/dashboard/people/${insider}/code`, { csrf: 'forged' })).status).toBe(403);
    expect((await phong.form(`/dashboard/people/${insider}/code`, { csrf }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await codes()).length).toBe(before);
    const made = await phong.form(`/dashboard/people/${insider}/code`, { csrf });
    expect(made.status).toBe(303);
    expect((await phong.get('/dashboard/people')).text).toMatch(new RegExp(`id="staff-${insider}"[\\s\\S]*?<code class="code">[A-Z2-9]{8}</code>`));
  });
});

describe('user text on the dashboard', () => {
  it('is escaped, so a task title or note can never become markup', async () => {
    const late = await h.database.db
      .selectFrom('occurrences')
      .select('task_id')
      .where('lead_unit_id', '=', xd)
      .where('status', 'in', ['open', 'in_progress', 'blocked'])
      .where('due_date', '<', '2026-11-24')
      .executeTakeFirstOrThrow();
    const task = late.task_id;
    await h.database.db.updateTable('tasks').set({ title: '<script>alert("x")</script> & <img src=x onerror=alert(1)>' }).where('id', '=', task).execute();
    await h.database.db.updateTable('occurrences').set({ last_note: '"><svg onload=alert(2)>' }).where('task_id', '=', task).execute();
    for (const path of ['/dashboard/overdue', `/dashboard/task/${task}`]) {
      const res = await phong.get(path);
      expect(res.text, path).not.toMatch(/<script>alert|<img src=x|<svg onload/);
      expect(res.text, path).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    }
    expect((await phong.get('/dashboard/overdue')).headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
