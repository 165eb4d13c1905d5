/**
 * The demo as a person uses it, in Chromium: pick someone, answer a task with a button, and see
 * a nudge from the scheduler arrive in the open page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, openBrowser, screenshot, type BrowserSession } from '../helpers/browser.js';
import { startWebHarness, type WebHarness } from '../helpers/web-app.js';

describe.skipIf(!haveChromium)('the demo web chat in a browser', () => {
  let h: WebHarness;
  let browser: BrowserSession;

  beforeAll(async () => {
    h = await startWebHarness();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('shows the demo people, and after picking one, their tasks with buttons; pressing Hoàn thành marks the task done', async () => {
    const { page } = browser;
    await page.goto(h.base);
    expect(await page.locator('.person').count()).toBe(14);
    await screenshot(page, '01-chat-picker');

    await page.locator('.person', { hasText: 'Đỗ Minh Tuấn' }).click();
    await page.waitForSelector('body[data-live="1"]');
    await page.locator('.msg.bot', { hasText: 'Đỗ Minh Tuấn' }).waitFor();

    await page.locator('button.chip', { hasText: '/tasks' }).click();
    const card = page.locator('.msg.bot', { hasText: 'Trạng thái: Đang thực hiện' }).first();
    await card.waitFor();
    await screenshot(page, '02-chat-tasks');
    const title = (await card.locator('.text').innerText()).split('\n')[0]!;

    await card.locator('button.action', { hasText: 'Hoàn thành' }).click();
    const done = page.locator('.msg.bot', { hasText: title }).filter({ hasText: 'Trạng thái: Hoàn thành' });
    await done.waitFor();
    expect(await page.locator('#toast').innerText()).toContain('Đã cập nhật: Hoàn thành');
    await screenshot(page, '03-chat-done');

    const taskId = Number(/^#(\d+)/.exec(title)?.[1]);
    const stored = await h.database.db.selectFrom('occurrences').select('status').where('task_id', '=', taskId).where('status', '!=', 'done').execute();
    expect(stored).toEqual([]);
    const update = await h.database.db
      .selectFrom('updates')
      .select(['channel', 'status'])
      .where('task_id', '=', taskId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(update).toEqual({ channel: 'web', status: 'done' });
  }, 60_000);

  it('a nudge the scheduler sends to this person appears in the open page without reloading', async () => {
    const { page } = browser;
    await page.locator('form[action="/chat/leave"] button').click();
    await page.locator('.person', { hasText: 'Vũ Thị Lan Anh' }).click();
    await page.waitForSelector('body[data-live="1"]');
    const before = await page.locator('.msg.bot').count();

    const plan = await h.app.scheduler.planNudges();
    expect(plan.queued.some((q) => q.channel === 'web')).toBe(true);
    const delivery = await h.app.scheduler.deliver();
    expect(delivery.counts.sent).toBeGreaterThan(0);

    await expect.poll(() => page.locator('.msg.bot').count(), { timeout: 10_000 }).toBeGreaterThan(before);
    const nudge = page.locator('.msg.bot').last();
    expect(await nudge.locator('button.action').first().isVisible()).toBe(true);
    await screenshot(page, '04-chat-live-nudge');
  }, 60_000);
});
