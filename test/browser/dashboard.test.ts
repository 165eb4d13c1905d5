/**
 * The leadership dashboard in Chromium: the /dashboard link from the chat opens a session, the
 * pages show the demo organisation, the Excel export downloads a real workbook, and a staff
 * member's session gets "access denied".
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, DASHBOARD_SESSION_TTL_MS } from '../../src/store/sessions.js';
import { getTranslator } from '../../src/i18n.js';
import { REPORT_COLUMNS } from '../../src/dashboard/xlsx.js';
import { haveChromium, openBrowser, screenshot, type BrowserSession } from '../helpers/browser.js';
import { staffId, startWebHarness, type WebHarness } from '../helpers/web-app.js';

const t = getTranslator().for('vi');

describe.skipIf(!haveChromium)('the dashboard in a browser', () => {
  let h: WebHarness;
  let browser: BrowserSession;

  beforeAll(async () => {
    h = await startWebHarness();
    browser = await openBrowser({ width: 1180, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('a leader gets a one-time link with /dashboard in the chat, and it opens the overview', async () => {
    const { page } = browser;
    await page.goto(h.base);
    await page.locator('.person', { hasText: 'Nguyễn Văn Hùng' }).click();
    await page.waitForSelector('body[data-live="1"]');
    await page.fill('#text', '/dashboard');
    await page.press('#text', 'Enter');
    const link = page.locator('.msg.bot a[href*="/dashboard/login?token="]').last();
    await link.waitFor();
    await screenshot(page, '05-chat-dashboard-link');

    await page.goto((await link.getAttribute('href'))!);
    await page.locator('button.primary').waitFor();
    expect(await page.locator('.notice').innerText()).toContain('Nguyễn Văn Hùng');
    await screenshot(page, '06-dashboard-login');
    await page.locator('button.primary').click();
    await page.waitForURL(`${h.base}/dashboard`);
    expect(await page.locator('h1').innerText()).toBe('Tổng quan · Sở Tư pháp');
    expect(await page.locator('svg.chart rect').count()).toBe(8);
    expect(Number(await page.locator('.card.late .value').innerText())).toBeGreaterThan(0);
    await screenshot(page, '07-dashboard-overview');
  }, 60_000);

  it('lists overdue tasks with filters, opens one task with its history, and exports the view as a workbook', async () => {
    const { page } = browser;
    await page.locator('.nav a', { hasText: 'Quá hạn' }).click();
    await page.locator('.items').waitFor();
    const all = await page.locator('.item').count();
    expect(all).toBeGreaterThan(2);
    await screenshot(page, '08-dashboard-overdue');

    await page.selectOption('select[name="unit"]', { label: '\u00a0\u00a0Văn phòng Sở' });
    await page.locator('.filters button[type="submit"]').click();
    await page.waitForURL(/unit=\d+/);
    const units = await page.locator('.item .meta span:first-child').allInnerTexts();
    expect(units.length).toBeGreaterThan(0);
    expect(units.length).toBeLessThan(all);
    expect(new Set(units)).toEqual(new Set(['Văn phòng Sở']));
    const titles = await page.locator('.item .head a').allInnerTexts();

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.button[href*="overdue.xlsx"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^dondoc-qua-han-2026-11-24\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(t('report-sheet'))!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(REPORT_COLUMNS.map((c) => t(c.key)));
    expect(sheet.rowCount).toBe(titles.length + 1);
    expect(titles[0]).toContain(String(sheet.getRow(2).getCell(2).value));
    expect(sheet.getRow(2).getCell(4).value).toBe('Văn phòng Sở');
    expect(Number(sheet.getRow(2).getCell(9).value)).toBeGreaterThan(0);

    await page.locator('.item .head a').first().click();
    await page.locator('.history li').first().waitFor();
    expect(await page.locator('.facts').innerText()).toContain('Văn phòng Sở');
    await screenshot(page, '09-dashboard-task');
  }, 60_000);

  it('shows who is not linked yet, makes a link code on demand, and switches to English', async () => {
    const { page } = browser;
    await page.locator('.nav a', { hasText: 'Chưa liên kết' }).click();
    await page.locator('table.people').waitFor();
    const withoutCode = page.locator('table.people tr', { has: page.locator('button.small') }).first();
    const name = await withoutCode.locator('th').innerText();
    await withoutCode.locator('button.small').click();
    await page.locator('table.people tr', { hasText: name }).locator('code.code').waitFor();
    await screenshot(page, '10-dashboard-people');

    await page.locator('.top form[action="/dashboard/lang"] button').click();
    await page.waitForSelector('html[lang="en"]');
    await page.locator('.nav a', { hasText: 'Overview' }).click();
    expect(await page.locator('h1').innerText()).toBe('Overview · Sở Tư pháp');
    await screenshot(page, '11-dashboard-overview-en');
  }, 60_000);

  it('is usable on a phone', async () => {
    const phone = await openBrowser();
    try {
      const session = await createSession(
        h.database.db,
        { kind: 'dashboard', staffId: await staffId(h, 'Trần Thị Thanh Mai') },
        h.clock.now(),
        DASHBOARD_SESSION_TTL_MS,
      );
      await phone.context.addCookies([{ name: 'dondoc_dash', value: session.token, url: h.base }]);
      await phone.page.goto(`${h.base}/dashboard`);
      await screenshot(phone.page, '12-dashboard-phone-overview');
      await phone.page.goto(`${h.base}/dashboard/overdue`);
      const width = await phone.page.evaluate('document.documentElement.scrollWidth');
      expect(Number(width)).toBeLessThanOrEqual(412);
      await screenshot(phone.page, '13-dashboard-phone-overdue');
    } finally {
      await phone.close();
    }
  }, 60_000);

  it('a staff member with a dashboard session is shown "access denied", not the data', async () => {
    const other = await openBrowser();
    try {
      const session = await createSession(
        h.database.db,
        { kind: 'dashboard', staffId: await staffId(h, 'Phan Văn Long') },
        h.clock.now(),
        DASHBOARD_SESSION_TTL_MS,
      );
      await other.context.addCookies([{ name: 'dondoc_dash', value: session.token, url: h.base }]);
      const response = await other.page.goto(`${h.base}/dashboard/overdue`);
      expect(response?.status()).toBe(403);
      expect(await other.page.locator('h1').innerText()).toBe('Không có quyền truy cập');
      expect(await other.page.locator('.item').count()).toBe(0);
      await screenshot(other.page, '14-dashboard-forbidden');
    } finally {
      await other.close();
    }
  }, 60_000);
});
