/**
 * The office workbench over HTTP: who gets in, the staff list's preview and confirm (once), the
 * refusals that change nothing (oversized and unknown files, expired sessions, other sites, a
 * unit head outside their subtree, a form sent twice), and task edits written into the history.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZipBomb } from '../import/fixtures.js';
import { seedsDir } from '../import/seeds.js';
import { applyPlan } from '../../src/store/plans.js';
import { createLoginToken } from '../../src/store/sessions.js';
import { staffId, startWebHarness, type WebHarness } from '../helpers/web-app.js';
import { webClient, type WebClient } from '../helpers/web-client.js';

let h: WebHarness;
let admin: WebClient;
let head: WebClient;

async function signIn(name: string): Promise<WebClient> {
  const browser = webClient(h.base);
  const { token } = await createLoginToken(h.database.db, await staffId(h, name), h.clock.now());
  const res = await browser.form('/dashboard/login', { token, next: '/office' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/office');
  return browser;
}

function csrfOf(page: string): string {
  return /name="csrf" value="([^"]+)"/.exec(page)![1]!;
}

async function upload(client: WebClient, path: string, file: { name: string; bytes: Buffer | string }, csrf: string, origin = h.base) {
  const form = new FormData();
  form.set('csrf', csrf);
  form.set('file', new Blob([file.bytes]), file.name);
  const res = await fetch(`${h.base}${path}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin },
  });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

async function staffCount(): Promise<number> {
  return (await h.database.db.selectFrom('staff').select('id').execute()).length;
}

beforeAll(async () => {
  h = await startWebHarness();
  admin = await signIn('Phạm Quốc Bảo');
  head = await signIn('Hoàng Văn Nam');
});
afterAll(async () => {
  await h?.close();
});

describe('signing in to the office', () => {
  it("lets unit heads in to /office but not to the leaders' dashboard, and refuses staff", async () => {
    expect((await head.get('/office/tasks')).status).toBe(200);
    expect((await head.get('/dashboard')).status).toBe(403);
    const staff = webClient(h.base);
    const { token } = await createLoginToken(h.database.db, await staffId(h, 'Ngô Thị Thu Trang'), h.clock.now());
    expect((await staff.form('/dashboard/login', { token, next: '/office' })).status).toBe(403);
  });

  it('answers an expired or missing session with a page that says how to sign in again', async () => {
    const res = await webClient(h.base).get('/office/staff');
    expect(res.status).toBe(401);
    expect(res.text).toContain('login-link');
  });
});

describe('the staff list', () => {
  it('previews adds, changes and skipped lines, stores nothing before confirm, and applies once', async () => {
    const csrf = csrfOf((await admin.get('/office/staff')).text);
    const before = await staffCount();
    const csv = [
      'Họ tên;Đơn vị;Vai trò;Số điện thoại',
      'Mai Văn Mới;Sở Tư pháp / Văn phòng Sở;staff;0914000001',
      'Người Sai;Sở Tư pháp / Văn phòng Sở;boss;0914000002',
      'Đỗ Minh Tuấn Anh;Sở Tư pháp / Văn phòng Sở;staff;0368145920',
    ].join('\r\n');
    const preview = await upload(admin, '/office/staff', { name: 'ds.csv', bytes: csv }, csrf);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('1 người mới, 1 thay đổi');
    expect(preview.text).toMatch(/<td>3<\/td><td>vai trò &quot;boss&quot;/);
    expect(await staffCount()).toBe(before);
    const draft = /name="draft" value="(\d+)"/.exec(preview.text)![1]!;
    const applied = await admin.form('/office/staff/confirm', { csrf, draft });
    expect(applied.status).toBe(200);
    expect(applied.text).toContain('Đã lưu 2 người');
    expect(await staffCount()).toBe(before + 1);
    const again = await admin.form('/office/staff/confirm', { csrf, draft });
    expect(again.status).toBe(409);
    expect(again.text).toContain('bấm hai lần');
    expect(await staffCount()).toBe(before + 1);
  });

  it('refuses an oversized file, an unknown format and another site, changing nothing', async () => {
    const csrf = csrfOf((await admin.get('/office/staff')).text);
    const before = await staffCount();
    const big = await upload(admin, '/office/staff', { name: 'big.csv', bytes: Buffer.alloc(21 * 1024 * 1024, 0x41) }, csrf);
    expect(big.status).toBe(413);
    expect(big.text).toContain('20 MB');
    const pdf = await upload(admin, '/office/staff', { name: 'ds.pdf', bytes: '%PDF-1.4' }, csrf);
    expect(pdf.status).toBe(422);
    expect(pdf.text).toContain('.csv hoặc .xlsx');
    const csv = 'name,unit,role,phone\nX Y,Sở Tư pháp,staff,0914000009\n';
    expect((await upload(admin, '/office/staff', { name: 'a.csv', bytes: csv }, csrf, 'http://evil.example')).status).toBe(403);
    expect((await upload(admin, '/office/staff', { name: 'a.csv', bytes: csv }, 'wrong-token')).status).toBe(403);
    expect(await staffCount()).toBe(before);
  });

  it("skips the rows of a unit head's list that lie outside their unit", async () => {
    const csrf = csrfOf((await head.get('/office/staff')).text);
    const csv = [
      'name,unit,role,phone',
      'Trong Phòng,"Sở Tư pháp / Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật",staff,0914000011',
      'Ngoài Phòng,Sở Tư pháp / Văn phòng Sở,staff,0914000012',
    ].join('\n');
    const preview = await upload(head, '/office/staff', { name: 'p.csv', bytes: csv }, csrf);
    expect(preview.text).toContain('nằm ngoài phạm vi');
    expect(preview.text).toContain('1 người mới, 0 thay đổi, 0 không đổi, 1 dòng bỏ qua');
  });
});

describe('tasks', () => {
  async function taskOf(unit: string): Promise<number> {
    const row = await h.database.db
      .selectFrom('task_units as tu')
      .innerJoin('units as u', 'u.id', 'tu.unit_id')
      .select('tu.task_id')
      .where('u.name', '=', unit)
      .where('tu.role', '=', 'lead')
      .orderBy('tu.task_id')
      .executeTakeFirstOrThrow();
    return row.task_id;
  }

  it('edits a task once, records before and after in its history, and refuses the same form sent twice', async () => {
    const id = await taskOf('Văn phòng Sở');
    const page = (await admin.get(`/office/tasks/${id}`)).text;
    const csrf = csrfOf(page);
    const version = /name="version" value="([^"]+)"/.exec(page)![1]!;
    const form = { csrf, version, title: 'Tên đã sửa', product: 'Báo cáo', due: '2026-12-31', lead: '' };
    const lead = String((await h.database.db.selectFrom('units').select('id').where('name', '=', 'Văn phòng Sở').executeTakeFirstOrThrow()).id);
    expect(page).toContain(`<option value="${lead}" selected>`);
    const saved = await admin.form(`/office/tasks/${id}/edit`, { ...form, lead });
    expect(saved.status).toBe(303);
    const again = await admin.form(`/office/tasks/${id}/edit`, { ...form, lead, title: 'Lần hai' });
    expect(again.status).toBe(409);
    const task = await h.database.db.selectFrom('tasks').select(['title', 'due_date']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(task).toEqual({ title: 'Tên đã sửa', due_date: '2026-12-31' });
    const history = (await admin.get(`/office/tasks/${id}`)).text;
    expect(history).toContain('Văn phòng sửa nhiệm vụ');
    expect(history).toMatch(/<ins>Tên đã sửa<\/ins>/);
    expect(history).toContain('31/12/2026');
  });

  it('refuses a unit head a task, an edit or a plan outside their subtree', async () => {
    const other = await taskOf('Văn phòng Sở');
    expect((await head.get(`/office/tasks/${other}`)).status).toBe(403);
    const csrf = csrfOf((await head.get('/office/tasks')).text);
    const res = await head.form(`/office/tasks/${other}/cancel`, { csrf, version: 'x', reason: 'không cần' });
    expect(res.status).toBe(403);
    const own = await taskOf('Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật');
    expect((await head.get(`/office/tasks/${own}`)).status).toBe(200);
    const cancelled = await h.database.db.selectFrom('tasks').select('cancelled_at').where('id', '=', other).executeTakeFirstOrThrow();
    expect(cancelled.cancelled_at).toBeNull();
  });
});

describe('plans', () => {
  // The demo holds this plan already; one more line makes it another file (another hash).
  const SEED = Buffer.concat([fs.readFileSync(path.join(seedsDir, '004_287c31982e94b98a.txt')), Buffer.from('\n')]);
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  /** The draft form's fields as the page fills them (what a browser would send untouched). */
  function draftFields(page: string): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const m of page.matchAll(/<input (?:type="hidden" )?name="([a-z]+(?:\.\d+)?)" value="([^"]*)"/g)) fields[m[1]!] = unescape(m[2]!);
    return fields;
  }

  async function draftOf(client: WebClient, file: { name: string; bytes: Buffer | string }) {
    const csrf = csrfOf((await client.get('/office/plans')).text);
    const res = await upload(client, '/office/plans', file, csrf);
    expect(res.status).toBe(303);
    const path = res.location!;
    return { path, page: (await client.get(path)).text };
  }

  const tasks = async () => (await h.database.db.selectFrom('tasks').select('id').execute()).length;

  it('stores a confirmed plan with its owners, refuses the same form twice, and updates instead of duplicating on re-upload', async () => {
    const before = await tasks();
    const first = await draftOf(admin, { name: 'ke-hoach.txt', bytes: SEED });
    expect(first.page).toContain('class="why">tên nhiệm vụ bị cắt ngắn');
    const fields = draftFields(first.page);
    const row = Object.entries(fields)
      .find(([k, v]) => k.startsWith('ref.') && v === 'II.2')![0]
      .split('.')[1]!;
    const owner = String(await staffId(h, 'Vũ Thị Lan Anh'));
    const stored = await admin.form(first.path, { ...fields, [`owner.${row}`]: owner, [`title.${row}`]: 'Ban hành văn bản chỉ đạo (đã sửa)' });
    expect(stored.status).toBe(303);
    const added = (await tasks()) - before;
    expect(added).toBeGreaterThan(5);
    const task = await h.database.db.selectFrom('tasks').select('id').where('title', '=', 'Ban hành văn bản chỉ đạo (đã sửa)').executeTakeFirstOrThrow();
    const owners = await h.database.db.selectFrom('task_owners').select('staff_id').where('task_id', '=', task.id).execute();
    expect(owners).toEqual([{ staff_id: Number(owner) }]);
    expect((await admin.form(first.path, fields)).status).toBe(409);

    const second = await draftOf(admin, { name: 'ke-hoach.txt', bytes: SEED });
    expect((await admin.form(second.path, draftFields(second.page))).status).toBe(303);
    expect((await tasks()) - before).toBe(added);
  });

  it('keeps the draft and stores nothing when an owner is outside the lead unit', async () => {
    const before = await tasks();
    const draft = await draftOf(admin, { name: 'ke-hoach-2.txt', bytes: SEED.toString('utf8').replace('Sở Tư pháp', 'SỞ TƯ PHÁP TỈNH') });
    const fields = draftFields(draft.page);
    const row = Object.entries(fields)
      .find(([k, v]) => k.startsWith('ref.') && v === 'II.2')![0]
      .split('.')[1]!;
    const outsider = String(await staffId(h, 'Đinh Công Minh'));
    const res = await admin.form(draft.path, { ...fields, [`owner.${row}`]: outsider });
    expect(res.status).toBe(422);
    expect(res.text).toContain('người thực hiện phải thuộc đơn vị chủ trì');
    expect(await tasks()).toBe(before);
  });

  it('refuses a zip bomb, an unknown format and an oversized file with a page that says so', async () => {
    const csrf = csrfOf((await admin.get('/office/plans')).text);
    const before = await tasks();
    const bomb = await upload(admin, '/office/plans', { name: 'bom.docx', bytes: await buildZipBomb(100 * 1024 * 1024) }, csrf);
    expect(bomb.status).toBe(413);
    expect(bomb.text).toContain('giải nén ra quá lớn');
    const doc = await upload(admin, '/office/plans', { name: 'ke-hoach.doc', bytes: 'x' }, csrf);
    expect(doc.status).toBe(422);
    expect(doc.text).toContain('.docx, .pdf, .txt hoặc .xlsx');
    const big = await upload(admin, '/office/plans', { name: 'lon.txt', bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 65) }, csrf);
    expect(big.status).toBe(413);
    expect(await tasks()).toBe(before);
  });

  it('does not show a unit head a plan none of whose tasks their unit leads', async () => {
    const plan = {
      document: { number: '99/KH-VP', date: null, issuer: 'Sở Tư pháp' },
      tasks: [
        { ref: '1', title: 'Việc riêng của Văn phòng', lead: ['Văn phòng Sở'], support: [], due: { kind: 'none' as const, date: null, rule: null, text: '' } },
      ],
    };
    const report = await h.database.db.transaction().execute((trx) => applyPlan(trx, plan, { fileName: 'vp.txt', fileHash: 'vp-only' }, h.clock.now()));
    const son = await signIn('Trịnh Văn Sơn');
    expect((await son.get(`/office/plans/${report.documentId}`)).status).toBe(403);
    expect((await admin.get(`/office/plans/${report.documentId}`)).status).toBe(200);
    const nhung = await signIn('Lê Thị Hồng Nhung');
    expect((await nhung.get(`/office/plans/${report.documentId}`)).status).toBe(200);
  });
});
