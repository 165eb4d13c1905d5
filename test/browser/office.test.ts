/**
 * The office workbench in Chromium, at desktop size and on a 390×844 phone, with dondoc talking
 * to the fake Telegram API: the first administrator signs in with `login-link`, loads a staff
 * workbook with one bad row, prints link cards and reads a QR code back from the page, loads a
 * corpus plan, corrects a lead and picks an owner; the owner then finds the task in /tasks on
 * Telegram with the corrected lead; a unit head cannot open that plan.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import jsqr from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { applyPlan } from '../../src/store/plans.js';
import { haveChromium, openBrowser, screenshot, type BrowserSession } from '../helpers/browser.js';
import { startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const shared = process.env.DONDOC_SHARED ?? path.resolve(repoRoot, '..', 'shared');
const PLAN = path.join(shared, 'corpus', '02-bvhttdl-cv6225-nq57.docx');
const havePlan = fs.existsSync(PLAN);
if (!havePlan) console.warn(`office browser test skipped: no corpus plan at ${PLAN}`);

// jsqr is CommonJS typed as an ES default export: take the function from whichever shape loads.
type Decode = typeof jsqr.default;
const jsQR: Decode = (jsqr as unknown as { default?: Decode }).default ?? (jsqr as unknown as Decode);

const ROOT = 'Bộ Văn hóa, Thể thao và Du lịch';
const CDS = 'Trung tâm Chuyển đổi số VHTTDL';
const FIRST_ADMIN = `name,unit,role,phone\nĐặng Thu Hà,"${ROOT} / Văn phòng Bộ",admin,0911000001\n`;

/** Where the app answers; links printed by the CLI name localhost, the tests use 127.0.0.1. */
function local(h: TelegramHarness, link: string): string {
  const url = new URL(link);
  return `http://127.0.0.1:${h.app.port}${url.pathname}${url.search}`;
}

async function signIn(h: TelegramHarness, page: Page, phone: string): Promise<void> {
  const printed = await h.cli('login-link', phone);
  expect(printed.code).toBe(0);
  await page.goto(local(h, printed.stdout.at(-1)!));
  await page.locator('button.primary').click();
  await page.waitForURL(/\/office\/tasks$/);
}

async function staffWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cán bộ');
  sheet.addRow(['Họ tên', 'Đơn vị', 'Vai trò', 'Số điện thoại']);
  sheet.addRow(['Lương Văn Số', `${ROOT} / ${CDS}`, 'Trưởng phòng', '0911000002']);
  sheet.addRow(['Cao Thị Mạng', `${ROOT} / ${CDS}`, 'chuyên viên', '0911000003']);
  sheet.addRow(['Người Thiếu Số', `${ROOT} / ${CDS}`, 'chuyên viên', '12']);
  sheet.addRow(['Kha Văn Luật', `${ROOT} / Vụ Pháp chế`, 'Trưởng phòng', '0911000004']);
  await workbook.xlsx.writeFile(file);
}

/** Draws the card's QR code (inline SVG) on a canvas and returns its pixels for jsQR. */
async function qrPixels(page: Page, selector: string): Promise<{ data: number[]; width: number; height: number }> {
  return page.locator(selector).evaluate(async (svg) => {
    // Runs in the page; the test files are typed for Node, so the DOM is reached through globalThis.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const w = globalThis as any;
    const size = 400;
    const image = new w.Image();
    image.src = `data:image/svg+xml;base64,${w.btoa(new w.XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = w.document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, size, size);
    g.drawImage(image, 0, 0, size, size);
    return { data: Array.from(g.getImageData(0, 0, size, size).data as ArrayLike<number>), width: size, height: size };
  });
}

describe.skipIf(!haveChromium || !havePlan)('the office workbench in a browser', () => {
  let h: TelegramHarness;
  let desk: BrowserSession;
  let phone: BrowserSession;
  let documentUrl = '';

  beforeAll(async () => {
    h = await startTelegramHarness();
    fs.writeFileSync(path.join(h.dir, 'admin.csv'), FIRST_ADMIN);
    expect((await h.cli('staff', 'import', 'admin.csv')).code).toBe(0);
    desk = await openBrowser({ width: 1280, height: 900 });
    phone = await openBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await h?.close();
  });

  it('the first administrator signs in with login-link and loads a staff workbook, seeing the bad row named before confirming', async () => {
    const { page } = desk;
    await signIn(h, page, '0911000001');
    await page.locator('.nav a', { hasText: 'Cán bộ' }).click();
    const file = path.join(h.dir, 'can-bo.xlsx');
    await staffWorkbook(file);
    await page.setInputFiles('input[type="file"]', file);
    await page.locator('form.upload button[type="submit"]').click();
    await page.locator('.skipped').waitFor();
    expect(await page.locator('.skipped tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/^4\s+số điện thoại "12" không hợp lệ$/)]);
    expect(await page.locator('.summary-line').innerText()).toContain('3 người mới');
    expect((await h.database.db.selectFrom('staff').select('id').execute()).length).toBe(1);
    await screenshot(page, '20-office-staff-preview');
    await page.locator('form.confirm button').click();
    await page.locator('.notice.done').waitFor();
    expect(await page.locator('.notice.done').innerText()).toContain('Đã lưu 3 người');
    expect((await h.database.db.selectFrom('staff').select('id').execute()).length).toBe(4);
  }, 60_000);

  it('prints link cards whose QR code carries the Telegram deep link, and the code links the person', async () => {
    const { page } = desk;
    await page.locator('.nav a', { hasText: 'Mã liên kết' }).click();
    await page.selectOption('select[name="unit"]', { label: `\u00a0\u00a0${CDS}` });
    await page.locator('.links-filter button').click();
    await page.locator('.link-tools button.primary').click();
    const card = page.locator('.link-card', { hasText: 'Cao Thị Mạng' });
    await card.locator('.qr svg').waitFor();
    const code = await card.locator('code.code').innerText();
    const pixels = await qrPixels(page, '.link-card:has-text("Cao Thị Mạng") .qr svg');
    const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
    expect(decoded?.data).toBe(`https://t.me/${h.tg.botInfo.username}?start=${code}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('.link-card').count()).toBe(2);
    await screenshot(page, '21-office-link-cards-print');
    await page.emulateMedia({ media: 'screen' });
    const mang = h.tg.user({ id: 5003, first_name: 'Mạng' });
    const [welcome] = await h.expectMessages(mang, 2, () => mang.send(`/start ${code}`));
    expect(welcome!.text).toContain('Cao Thị Mạng');
  }, 60_000);

  it('loads a corpus plan, corrects a lead, picks an owner and confirms; the owner has the task in /tasks with that lead', async () => {
    const { page } = desk;
    await page.locator('.nav a', { hasText: 'Kế hoạch' }).click();
    await page.setInputFiles('input[type="file"]', PLAN);
    await page.locator('form.upload button[type="submit"]').click();
    await page.waitForURL(/\/office\/plans\/draft\/\d+$/);
    const row = page.locator('tr[data-ref="PL.3"]');
    expect(await row.locator('input[name^="lead."]').inputValue()).toBe('Cục Phát thanh truyền hình và Thông tin điện tử');
    expect(await page.locator('td.doubt').count()).toBeGreaterThan(0);
    expect(await page.locator('td.doubt .why').first().innerText()).toMatch(/chưa rõ|bị cắt/);
    await screenshot(page, '22-office-plan-draft');
    await row.locator('input[name^="lead."]').fill(CDS);
    await row.locator('select[name^="owner."]').selectOption({ label: `Cao Thị Mạng · ${CDS}` });
    await page.locator('form.draft button.primary').click();
    await page.waitForURL(/\/office\/plans\/\d+\?saved=1$/);
    documentUrl = new URL(page.url()).pathname;
    const stored = page.locator('table.tasks tr', { hasText: 'Xây dựng bộ quy tắc ứng xử văn hóa trên môi trường số' });
    expect(await stored.locator('td.lead').innerText()).toBe(CDS);
    expect(await stored.locator('td.owners').innerText()).toBe('Cao Thị Mạng');
    await screenshot(page, '23-office-plan-stored');

    const mang = h.tg.user({ id: 5003, first_name: 'Mạng' });
    const [header, card] = await h.expectMessages(mang, 2, () => mang.send('/tasks'));
    expect(header!.text).toContain('1 việc');
    expect(card!.text).toContain('Xây dựng bộ quy tắc ứng xử văn hóa trên môi trường số');
    expect(card!.text).toContain(CDS);
  }, 90_000);

  it('cancels the task with a reason: the history keeps it and the owner is told on Telegram', async () => {
    const { page } = desk;
    await page.locator('table.tasks a', { hasText: 'Xây dựng bộ quy tắc ứng xử văn hóa trên môi trường số' }).click();
    await page.locator('form.cancel textarea').fill('Đã giao cho đơn vị khác');
    await page.locator('form.cancel button').click();
    await page.locator('.notice.done').waitFor();
    expect(await page.locator('.history li').first().innerText()).toContain('Hủy nhiệm vụ');
    expect(await page.locator('.history li blockquote').first().innerText()).toBe('Đã giao cho đơn vị khác');
    await screenshot(page, '26-office-task-cancelled');
    const mang = h.tg.user({ id: 5003, first_name: 'Mạng' });
    const [told] = await h.expectMessages(mang, 1, () => h.app.scheduler.deliver());
    expect(told!.text).toContain('đã được Đặng Thu Hà hủy. Lý do: Đã giao cho đơn vị khác');
  }, 60_000);

  it('on a phone, a unit head of another unit cannot open that plan, and link codes stay on screen', async () => {
    const { page } = phone;
    await signIn(h, page, '0911000004');
    // A plan only the Trung tâm leads is not his; the corpus plan shows him only his unit's rows.
    const plan = {
      document: { number: '12/KH-TTCĐS', date: null, issuer: ROOT },
      tasks: [{ ref: '1', title: 'Nâng cấp nền tảng số', lead: [CDS], support: [], due: { kind: 'none' as const, date: null, rule: null, text: '' } }],
    };
    const other = await h.database.db.transaction().execute((trx) => applyPlan(trx, plan, { fileName: 'ttcds.txt', fileHash: 'ttcds' }, h.clock.now()));
    const refused = await page.goto(`http://127.0.0.1:${h.app.port}/office/plans/${other.documentId}`);
    expect(refused?.status()).toBe(403);
    expect(await page.locator('.notice').innerText()).toContain('ngoài phạm vi');
    await page.goto(`http://127.0.0.1:${h.app.port}${documentUrl}`);
    expect(new Set(await page.locator('table.tasks td.lead').allInnerTexts())).toEqual(new Set(['Vụ Pháp chế']));
    await page.goto(`http://127.0.0.1:${h.app.port}/office/plans/${other.documentId}`);
    await screenshot(page, '24-office-phone-plan-refused');
    await page.goto(`http://127.0.0.1:${h.app.port}/office/links`);
    await page.locator('.link-tools button.primary').click();
    const code = page.locator('.link-card code.code').first();
    await code.waitFor();
    const box = (await code.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    await screenshot(page, '25-office-phone-link-cards');
  }, 60_000);
});
