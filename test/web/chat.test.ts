import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.js';
import { createLinkCode } from '../../src/store/links.js';
import { startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';
import { staffId, startWebHarness, type WebHarness } from '../helpers/web-app.js';
import { webClient } from '../helpers/web-client.js';

interface Sent {
  messages: { id: number; from: string; text: string; rows?: { label: string; action: string }[][] }[];
  edits: { id: number; text: string }[];
  notice?: { text: string };
  personChanged: boolean;
}

const sent = (text: string) => JSON.parse(text) as Sent;

describe('the web chat in demo mode', () => {
  let h: WebHarness;
  beforeAll(async () => {
    h = await startWebHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('offers the demo people, and gives an HttpOnly, SameSite chat cookie once the visitor acts', async () => {
    const browser = webClient(h.base);
    const page = await browser.get('/');
    expect(page.status).toBe(200);
    expect(page.setCookies).toEqual([]);
    expect(page.text.match(/class="person"/g)).toHaveLength(14);
    const picked = await browser.form('/chat/pick', { staff: String(await staffId(h, 'Vũ Thị Lan Anh')) });
    expect(picked.setCookies[0]).toMatch(/^dondoc_chat=[\w-]+; Path=\/; Max-Age=\d+; SameSite=Lax; HttpOnly$/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('after picking a person, /tasks answers through the shared commands with the same buttons as Telegram', async () => {
    const browser = webClient(h.base);
    await browser.get('/');
    expect((await browser.form('/chat/pick', { staff: String(await staffId(h, 'Vũ Thị Lan Anh')) })).status).toBe(303);
    const reply = sent((await browser.json('/chat/send', { text: '/tasks', clientId: 'tasks-00000001' })).text);
    expect(reply.messages[0]).toMatchObject({ from: 'user', text: '/tasks' });
    const cards = reply.messages.filter((m) => m.rows);
    expect(cards.length).toBeGreaterThan(1);
    expect(cards[0]!.rows!.map((row) => row.map((b) => b.label))).toEqual([
      ['Đang thực hiện', 'Hoàn thành'],
      ['Vướng mắc', 'Xin gia hạn'],
    ]);

    // The same click twice (a retry) is handled once.
    const again = sent((await browser.json('/chat/send', { text: '/tasks', clientId: 'tasks-00000001' })).text);
    expect(again.messages).toEqual([]);

    const blocked = cards[0]!.rows![1]![0]!.action;
    const press = sent((await browser.json('/chat/send', { action: blocked, messageId: cards[0]!.id })).text);
    expect(press.edits[0]!.text).toContain('Trạng thái: Vướng mắc');
    expect(press.messages[0]!.text).toContain('Vướng mắc gì?');
    const reason = sent((await browser.json('/chat/send', { text: 'chờ số liệu của Sở Tài chính' })).text);
    expect(reason.messages.at(-1)!.text).toContain('Đã ghi nhận ghi chú');
    const taskId = Number(/^#(\d+)/.exec(cards[0]!.text)![1]);
    const note = await h.database.db
      .selectFrom('updates')
      .select(['note', 'channel'])
      .where('task_id', '=', taskId)
      .where('kind', '=', 'note')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(note).toEqual({ note: 'chờ số liệu của Sở Tài chính', channel: 'web' });
  });

  it("a button pressed on another chat's message edits nothing in that chat", async () => {
    const owner = webClient(h.base);
    await owner.get('/');
    await owner.form('/chat/pick', { staff: String(await staffId(h, 'Phan Văn Long')) });
    const card = sent((await owner.json('/chat/send', { text: '/tasks' })).text).messages.find((m) => m.rows)!;
    const intruder = webClient(h.base);
    await intruder.get('/');
    await intruder.form('/chat/pick', { staff: String(await staffId(h, 'Lý Thị Ngọc Ánh')) });
    const forged = sent((await intruder.json('/chat/send', { action: card.rows![0]![1]!.action, messageId: card.id })).text);
    expect(forged.edits).toEqual([]);
    expect(forged.notice?.text).toContain('không thuộc anh/chị');
  });

  it('refuses posts from other sites and malformed bodies; a first message opens the chat', async () => {
    const browser = webClient(h.base);
    await browser.get('/');
    expect((await browser.json('/chat/send', { text: '/tasks' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await browser.json('/chat/send', { nothing: true })).status).toBe(400);
    const first = await webClient(h.base).json('/chat/send', { text: '/tasks' });
    expect(first.status).toBe(200);
    expect(first.setCookies[0]).toMatch(/^dondoc_chat=/);
    expect((await webClient(h.base).get('/chat/events')).status).toBe(401);
  });

  it('switching person gives a fresh chat, and the old chat is no longer anyone', async () => {
    const browser = webClient(h.base);
    await browser.get('/');
    await browser.form('/chat/pick', { staff: String(await staffId(h, 'Hoàng Văn Nam')) });
    await browser.form('/chat/leave', {});
    const page = await browser.get('/');
    expect(page.text).toContain('class="picker"');
    const links = await h.database.db
      .selectFrom('chat_links')
      .select('id')
      .where('staff_id', '=', await staffId(h, 'Hoàng Văn Nam'))
      .execute();
    expect(links).toEqual([]);
  });
});

describe('a real deployment never offers the demo picker', () => {
  let tg: TelegramHarness;
  beforeAll(async () => {
    tg = await startTelegramHarness();
    // Even on a database that holds the demo organisation, a bot token means a real deployment.
    await loadDemo(tg.database.db, tg.clock.now(), { linkCodeTtlDays: 7 });
  });
  afterAll(async () => {
    await tg?.close();
  });

  it('shows no people to pick and refuses a pick', async () => {
    const base = `http://127.0.0.1:${tg.app.port}`;
    const browser = webClient(base);
    const page = await browser.get('/');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('class="person"');
    expect(page.text).not.toContain('/chat/pick');
    const pick = await browser.form('/chat/pick', { staff: '1' });
    expect(pick.status).toBe(404);
    expect(await tg.database.db.selectFrom('chat_links').select('id').where('channel', '=', 'web').execute()).toEqual([]);
  });

  it('a person links the web chat with a code from the office, like on Zalo', async () => {
    const base = `http://127.0.0.1:${tg.app.port}`;
    const browser = webClient(base);
    const page = await browser.get('/');
    expect(page.text).toContain('/start');
    const staff = (await tg.database.db.selectFrom('staff').select('id').where('name', '=', 'Đỗ Minh Tuấn').executeTakeFirstOrThrow()).id;
    const { code } = await createLinkCode(tg.database.db, staff, tg.clock.now(), 7);
    const linked = sent((await browser.json('/chat/send', { text: `/start ${code}` })).text);
    expect(linked.personChanged).toBe(true);
    expect(linked.messages.at(-2)!.text).toContain('Đỗ Minh Tuấn');
    expect((await browser.get('/')).text).toContain('Đỗ Minh Tuấn · Chuyên viên');
  });
});

describe('without tokens, a database that is not the demo', () => {
  let h: WebHarness;
  beforeAll(async () => {
    h = await startWebHarness({ demo: false, env: { DEMO: '' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('offers no picker either', async () => {
    expect(await h.app.demo.active()).toBe(false);
    const page = await webClient(h.base).get('/');
    expect(page.text).not.toContain('class="person"');
  });
});
