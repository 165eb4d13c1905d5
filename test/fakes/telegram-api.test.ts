// Proves the fake Telegram Bot API behaves like the documented one (PLATFORMS.md §1):
// transport, getUpdates, sendMessage/edit limits, 403s, callback answers, commands, and a real
// grammY Bot round trip. Webhooks, flood limits, injected failures and files:
// telegram-api-delivery.test.ts.
import { Api, Bot, GrammyError } from 'grammy';
import type { Message } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTelegram } from './telegram-api.js';
import type { FakeTelegram } from './telegram-api.js';

const TOKEN = '123:ABC';
let tg: FakeTelegram;
let api: Api;

beforeEach(async () => {
  tg = await startFakeTelegram({ token: TOKEN, botUsername: 'dondoc_test_bot' });
  api = new Api(TOKEN, { apiRoot: tg.apiRoot });
});
afterEach(async () => {
  await tg.close();
});

async function raw(method: string, body: unknown, token = TOKEN) {
  const res = await fetch(`${tg.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** The GrammyError a call fails with (fails the test if it succeeds). */
async function failure(p: Promise<unknown>): Promise<GrammyError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(err)}`);
  return err;
}

const started = (id = 1001) => {
  const user = tg.user({ id, first_name: 'An', language_code: 'vi' });
  user.send('xin chào');
  return user;
};

describe('transport', () => {
  it('answers getMe, refuses a wrong token with 401 and an unknown method with 404', async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 123, is_bot: true, username: 'dondoc_test_bot', can_join_groups: true });
    expect(me).toEqual(tg.botInfo);
    expect(await raw('getMe', {}, '123:WRONG')).toEqual({
      status: 401,
      json: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect(await raw('noSuchMethod', {})).toEqual({ status: 404, json: { ok: false, error_code: 404, description: 'Not Found' } });
    expect((await raw('GETME', {})).status).toBe(200); // method names are case-insensitive
  });

  it('accepts urlencoded bodies and GET query strings (objects as JSON strings)', async () => {
    started();
    const markup = JSON.stringify({ inline_keyboard: [[{ text: 'Xong', callback_data: 'a:done:1' }]] });
    const form = await fetch(`${tg.apiRoot}/bot${TOKEN}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({ chat_id: '1001', text: 'form', reply_markup: markup }),
    });
    expect(form.status).toBe(200);
    const get = await fetch(`${tg.apiRoot}/bot${TOKEN}/sendMessage?chat_id=1001&text=query`);
    expect(((await get.json()) as { result: Message }).result.text).toBe('query');
    expect(tg.sentTo(1001).map((m) => m.text)).toEqual(['form', 'query']);
    expect(tg.lastTo(1001)?.reply_markup).toBeUndefined();
    expect(tg.sentTo(1001)[0]?.reply_markup).toEqual(JSON.parse(markup));
    expect(tg.callsOf('sendMessage')[0]?.payload).toMatchObject({ chat_id: '1001', text: 'form' });
  });
});

describe('getUpdates', () => {
  it('queues updates before polling and confirms those below offset', async () => {
    const an = tg.user({ id: 1001, first_name: 'An' });
    const first = an.send('/start CODE');
    an.send('hai');
    an.send('ba');
    expect(first.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    expect(tg.pendingCount()).toBe(3);

    const batch = await api.getUpdates({ limit: 2 });
    expect(batch.map((u) => u.message?.text)).toEqual(['/start CODE', 'hai']);
    expect(batch[1]?.update_id).toBe(first.update_id + 1);
    expect((await api.getUpdates()).length).toBe(3); // nothing confirmed yet

    const last = batch[1]?.update_id ?? 0;
    const rest = await api.getUpdates({ offset: last + 1 });
    expect(rest.map((u) => u.message?.text)).toEqual(['ba']);
    expect(tg.updatesQueued().map((u) => u.update_id)).toEqual([last + 1]);
    expect(await api.getUpdates({ offset: last + 2, timeout: 0 })).toEqual([]);
    expect(tg.pendingCount()).toBe(0);
  });

  it('long polls until a user sends, and the older of two polls gets 409', async () => {
    const an = tg.user({ id: 1001, first_name: 'An' });
    const t0 = Date.now();
    const poll = api.getUpdates({ timeout: 10 });
    setTimeout(() => an.send('đây'), 100);
    const got = await poll;
    expect(got.map((u) => u.message?.text)).toEqual(['đây']);
    expect(Date.now() - t0).toBeLessThan(3000);

    const older = failure(api.getUpdates({ offset: (got[0]?.update_id ?? 0) + 1, timeout: 10 }));
    await tg.waitFor(() => tg.callsOf('getUpdates').length === 2);
    const newer = api.getUpdates({ timeout: 0 });
    const err = await older;
    expect(err.error_code).toBe(409);
    expect(err.description).toBe('Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
    expect(await newer).toEqual([]);
  });

  it('refuses getUpdates while a webhook is set', async () => {
    await api.setWebhook('https://dondoc.example.gov.vn/telegram', { secret_token: 'abc_DEF-123' });
    const err = await failure(api.getUpdates());
    expect(err.error_code).toBe(409);
    expect(err.description).toBe("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    await api.deleteWebhook();
    expect(await api.getUpdates()).toEqual([]);
  });
});

describe('sendMessage and edits', () => {
  it('counts text in UTF-16 units after parsing: 4096 passes, 4097 fails, empty fails', async () => {
    started();
    expect((await api.sendMessage(1001, 'x'.repeat(4096))).text?.length).toBe(4096);
    expect((await api.sendMessage(1001, '😀'.repeat(2048))).message_id).toBeGreaterThan(0);
    const long = await failure(api.sendMessage(1001, '😀'.repeat(2048) + 'x'));
    expect([long.error_code, long.description]).toEqual([400, 'Bad Request: message is too long']);
    const tagged = `<b>${'đ'.repeat(4096)}</b>`;
    expect((await api.sendMessage(1001, tagged, { parse_mode: 'HTML' })).entities).toEqual([{ type: 'bold', offset: 0, length: 4096 }]);
    for (const text of ['', '   ']) {
      const empty = await failure(api.sendMessage(1001, text));
      expect([empty.error_code, empty.description]).toEqual([400, 'Bad Request: message text is empty']);
    }
  });

  it('refuses bad HTML and keeps plain text + entities for good HTML', async () => {
    started();
    const bad = ['<div>x</div>', '<b>x', 'a & b', 'x&nbsp;y', '<b>x</i>'];
    for (const text of bad) {
      const err = await failure(api.sendMessage(1001, text, { parse_mode: 'HTML' }));
      expect(err.description).toMatch(/^Bad Request: can't parse entities: /);
    }
    const ok = await api.sendMessage(1001, '<b>Việc</b> &lt;1&gt; &amp; &quot;x&quot; &#8220;y&#x201D; <a href="https://t.me/x">link</a>', {
      parse_mode: 'HTML',
    });
    expect(ok.text).toBe('Việc <1> & "x" “y” link');
    expect(ok.entities).toEqual([
      { type: 'bold', offset: 0, length: 4 },
      { type: 'text_link', url: 'https://t.me/x', offset: 19, length: 4 },
    ]);
    const emoji = await api.sendMessage(1001, '😀 <i>x</i>', { parse_mode: 'HTML' });
    expect(emoji.entities).toEqual([{ type: 'italic', offset: 3, length: 1 }]); // UTF-16 offsets
    const md = await failure(api.sendMessage(1001, 'Hạn: 01.12', { parse_mode: 'MarkdownV2' }));
    expect(md.description).toBe("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
  });

  it('checks callback_data in bytes (64 ok, 65 with Vietnamese letters refused)', async () => {
    started();
    const data64 = 'a:'.padEnd(64, 'x');
    await api.sendMessage(1001, 'ok', { reply_markup: { inline_keyboard: [[{ text: 'Xong', callback_data: data64 }]] } });
    const data65 = 'ệ'.repeat(21) + 'xx'; // 21 × 3 bytes + 2 = 65 bytes, only 23 characters
    expect(Buffer.byteLength(data65)).toBe(65);
    const err = await failure(api.sendMessage(1001, 'ko', { reply_markup: { inline_keyboard: [[{ text: 'Xong', callback_data: data65 }]] } }));
    expect([err.error_code, err.description]).toEqual([400, 'Bad Request: BUTTON_DATA_INVALID']);
    const noAction = await raw('sendMessage', { chat_id: 1001, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'A' }]] } });
    expect(noAction.status).toBe(400);
  });

  it('answers 403 for a user who never started or blocked the bot, 400 for an unknown chat', async () => {
    tg.user({ id: 2002, first_name: 'Bình' });
    const never = await failure(api.sendMessage(2002, 'chào'));
    expect([never.error_code, never.description]).toEqual([403, "Forbidden: bot can't initiate conversation with a user"]);
    const an = started();
    await api.sendMessage(1001, 'trước');
    an.blockBot();
    const blocked = await failure(api.sendMessage(1001, 'sau'));
    expect([blocked.error_code, blocked.description]).toEqual([403, 'Forbidden: bot was blocked by the user']);
    expect(tg.updatesQueued().at(-1)?.my_chat_member?.new_chat_member.status).toBe('kicked');
    tg.user({ id: 3003, first_name: 'Chi' }, { started: true }); // started long ago, no update queued
    expect((await api.sendMessage(3003, 'nhắc việc')).chat.id).toBe(3003);
    const unknown = await failure(api.sendMessage(9999, 'ai?'));
    expect([unknown.error_code, unknown.description]).toEqual([400, 'Bad Request: chat not found']);
    an.send('/start'); // writing again un-blocks
    expect((await api.sendMessage(1001, 'lại')).text).toBe('lại');
  });

  it('edits in place, refuses "not modified", and tracks the current text in sentTo', async () => {
    const an = started();
    const keyboard = { inline_keyboard: [[{ text: 'Xong', callback_data: 'a:done:1' }]] };
    const sent = await api.sendMessage(1001, 'Việc 1', { reply_markup: keyboard });
    const err = await failure(api.editMessageText(1001, sent.message_id, 'Việc 1', { reply_markup: keyboard }));
    expect(err.description).toBe(
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    await api.editMessageText(1001, sent.message_id, 'Việc 1'); // same text, keyboard removed: a change
    expect(tg.lastTo(1001)).toMatchObject({ text: 'Việc 1', edit_date: expect.any(Number) });
    expect(tg.lastTo(1001)?.reply_markup).toBeUndefined();
    await api.editMessageReplyMarkup(1001, sent.message_id, { reply_markup: keyboard });
    expect((await failure(api.editMessageReplyMarkup(1001, sent.message_id, { reply_markup: keyboard }))).error_code).toBe(400);
    await api.editMessageText(1001, sent.message_id, 'Việc 1 — Hoàn thành');
    expect(tg.sentTo(1001).map((m) => m.text)).toEqual(['Việc 1 — Hoàn thành']);
    const missing = await failure(api.editMessageText(1001, 999, 'x'));
    expect(missing.description).toBe('Bad Request: message to edit not found');
    const userMessage = an.send('tin của tôi').message?.message_id ?? 0;
    expect((await failure(api.editMessageText(1001, userMessage, 'x'))).description).toBe("Bad Request: message can't be edited");
  });

  it('gives per-chat increasing message ids shared with the user and sets reply_to_message', async () => {
    const an = started(); // user message #1
    const a = await api.sendMessage(1001, 'a');
    const reply = an.reply(a.message_id, 'xong');
    const b = await api.sendMessage(1001, 'b', { reply_parameters: { message_id: reply.message?.message_id ?? 0 } });
    expect([a.message_id, reply.message?.message_id, b.message_id]).toEqual([2, 3, 4]);
    expect(reply.message?.reply_to_message?.text).toBe('a');
    expect(b.reply_to_message?.text).toBe('xong');
    expect(b).toMatchObject({ from: { id: 123, is_bot: true }, chat: { id: 1001, type: 'private', first_name: 'An' } });
    expect(Math.abs(b.date - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe('callback queries and commands', () => {
  it('accepts one answer per query; a second is "too old"; long text refused', async () => {
    const an = started();
    const msg = await api.sendMessage(1001, 'Việc', { reply_markup: { inline_keyboard: [[{ text: 'Xong', callback_data: 'a:done:1' }]] } });
    const id = an.pressButton(msg, 'Xong');
    const update = tg.updatesQueued().at(-1);
    expect(update?.callback_query).toMatchObject({ id, data: 'a:done:1', from: { id: 1001 }, message: { message_id: msg.message_id } });
    expect((await failure(api.answerCallbackQuery(id, { text: 'x'.repeat(201) }))).description).toBe('Bad Request: MESSAGE_TOO_LONG');
    await api.answerCallbackQuery(id, { text: 'Đã ghi nhận' });
    const again = await failure(api.answerCallbackQuery(id));
    expect([again.error_code, again.description]).toEqual([400, 'Bad Request: query is too old and response timeout expired or query ID is invalid']);
    expect(tg.callbackAnswers(id)).toEqual([expect.objectContaining({ callback_query_id: id, text: 'Đã ghi nhận' })]);
    expect(() => an.pressButton(msg, 'Không có')).toThrow(/buttons: "Xong"/);
    expect(typeof an.press(msg, 'forged:data')).toBe('string'); // forged data is allowed, as in Telegram
  });

  it('validates setMyCommands and stores commands per scope and language', async () => {
    const vi = [
      { command: 'tasks', description: 'Việc của tôi' },
      { command: 'viec', description: 'Việc của tôi' },
    ];
    const en = [{ command: 'tasks', description: 'My tasks' }];
    await api.setMyCommands(vi);
    await api.setMyCommands(en, { language_code: 'en' });
    await api.setMyCommands([{ command: 'help', description: 'Trợ giúp' }], { scope: { type: 'all_private_chats' } });
    expect(await api.getMyCommands()).toEqual(vi);
    expect(await api.getMyCommands({ language_code: 'en' })).toEqual(en);
    expect(tg.commands(undefined, 'en')).toEqual(en);
    expect(tg.commands({ type: 'all_private_chats' })).toEqual([{ command: 'help', description: 'Trợ giúp' }]);
    expect(tg.commandsShownTo(1001, 'en')).toEqual([{ command: 'help', description: 'Trợ giúp' }]);
    await api.deleteMyCommands({ scope: { type: 'all_private_chats' } });
    expect(tg.commandsShownTo(1001, 'en')).toEqual(en);
    expect(tg.commandsShownTo(1001, 'fr')).toEqual(vi);

    for (const command of ['quáhạn', 'Tasks', '', 'x'.repeat(33), '/start']) {
      const err = await failure(api.setMyCommands([{ command, description: 'x' }]));
      expect(err.description).toBe('Bad Request: BOT_COMMAND_INVALID');
    }
    const many = Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: 'x' }));
    expect((await failure(api.setMyCommands(many))).description).toBe('Bad Request: BOT_COMMANDS_TOO_MUCH');
    expect(await api.getMyCommands()).toEqual(vi);
  });
});

describe('a real grammY Bot against the fake', () => {
  it('polls, answers /start with the deep-link code, handles a button, and stops', async () => {
    const bot = new Bot(TOKEN, { botInfo: tg.botInfo, client: { apiRoot: tg.apiRoot } });
    bot.command('start', (ctx) => ctx.reply(`Mã: ${ctx.match}`, { reply_markup: { inline_keyboard: [[{ text: 'Hoàn thành', callback_data: 'a:done:12' }]] } }));
    bot.callbackQuery(/^a:done:(\d+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Đã lưu' });
      await ctx.editMessageText(`Việc ${ctx.match[1]}: Hoàn thành`);
    });
    const an = tg.user({ id: 1001, first_name: 'An', language_code: 'vi' });
    an.send('/start CODE123'); // queued before the bot polls
    const running = bot.start({ drop_pending_updates: false });
    const [reply] = await tg.waitForSent(1001, 1);
    expect(reply?.text).toBe('Mã: CODE123');

    const queryId = an.pressButton(reply as Message, 'Hoàn thành');
    await tg.waitFor(() => tg.lastTo(1001)?.text === 'Việc 12: Hoàn thành');
    expect(tg.callbackAnswers(queryId)).toEqual([expect.objectContaining({ text: 'Đã lưu' })]);
    expect(tg.lastTo(1001)?.reply_markup).toBeUndefined();
    await tg.waitForIdle();
    await bot.stop();
    await running;
    expect(tg.callsOf('deleteWebhook')).toHaveLength(1);
    expect(tg.pendingCount()).toBe(0);
  });
});
