// Proves the fake Telegram Bot API's webhooks, flood limits, injected failures and files
// (PLATFORMS.md §1 "Webhooks and updates", "Rate limits", "Files").
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, Bot, GrammyError, HttpError, InputFile, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTelegram } from './telegram-api.js';
import type { FakeTelegram } from './telegram-api.js';

const TOKEN = '123:ABC';
let tg: FakeTelegram;
let api: Api;
const servers: http.Server[] = [];

beforeEach(async () => {
  tg = await startFakeTelegram({ token: TOKEN, webhook: { retryDelayMs: 10 } });
  api = new Api(TOKEN, { apiRoot: tg.apiRoot });
});
afterEach(async () => {
  await tg.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A webhook receiver on 127.0.0.1; `answer` picks the status per request (default 200). */
async function receiver(handler?: http.RequestListener) {
  const got: { secret: string | undefined; update: Update }[] = [];
  const statuses: number[] = [];
  const server = http.createServer(
    handler ??
      ((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const secret = req.headers['x-telegram-bot-api-secret-token'];
          got.push({ secret: typeof secret === 'string' ? secret : undefined, update: JSON.parse(Buffer.concat(chunks).toString()) as Update });
          res.writeHead(statuses.shift() ?? 200).end();
        });
      }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`, got, statuses };
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
}

describe('webhooks', () => {
  it('POSTs queued updates with the secret header, in order, and empties the queue', async () => {
    const hook = await receiver();
    const an = tg.user({ id: 1001, first_name: 'An' });
    an.send('một'); // queued before the webhook exists
    await api.setWebhook(hook.url, { secret_token: 'S3cret_-x' });
    an.send('hai');
    await tg.waitFor(() => hook.got.length === 2);
    expect(hook.got.map((g) => [g.secret, g.update.message?.text])).toEqual([
      ['S3cret_-x', 'một'],
      ['S3cret_-x', 'hai'],
    ]);
    await tg.waitForIdle();
    expect(await api.getWebhookInfo()).toMatchObject({ url: hook.url, has_custom_certificate: false, pending_update_count: 0 });
  });

  it('retries a non-2xx answer, then gives up and reports the error in getWebhookInfo', async () => {
    const hook = await receiver();
    hook.statuses.push(500, 500); // two failures, then 200
    await api.setWebhook(hook.url);
    const an = tg.user({ id: 1001, first_name: 'An' });
    const first = an.send('thử lại');
    await tg.waitForIdle();
    expect(tg.webhookDeliveries.map((d) => [d.update_id, d.attempt, d.status])).toEqual([
      [first.update_id, 1, 500],
      [first.update_id, 2, 500],
      [first.update_id, 3, 200],
    ]);
    hook.statuses.push(401, 401, 401);
    an.send('bỏ');
    await tg.waitForIdle();
    expect(hook.got.length).toBe(6);
    const info = await api.getWebhookInfo();
    expect(info).toMatchObject({ pending_update_count: 0, last_error_message: 'Wrong response from the webhook: 401 Unauthorized' });
  });

  it('validates setWebhook; https webhooks elsewhere only hold updates until delivered by hand', async () => {
    const bad: [string, Record<string, unknown>, string][] = [
      ['http://example.com/x', {}, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook'],
      ['https://example.com:8080/x', {}, 'Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443'],
      ['https://example.com/x', { secret_token: 'có dấu' }, 'Bad Request: secret token contains unallowed characters'],
    ];
    for (const [url, other, description] of bad) {
      expect(await failure(api.setWebhook(url, other))).toMatchObject({ error_code: 400, description });
    }
    await api.setWebhook('https://dondoc.example.gov.vn:8443/tg', { secret_token: 'real' });
    const an = tg.user({ id: 1001, first_name: 'An' });
    an.send('giữ');
    expect((await api.getWebhookInfo()).pending_update_count).toBe(1);

    const hook = await receiver();
    const wrong = await tg.deliverViaWebhook({ url: hook.url, secretToken: 'wrong', attempts: 1 });
    expect(wrong.map((d) => [d.secretToken, d.status])).toEqual([['wrong', 200]]);
    expect(hook.got[0]?.secret).toBe('wrong');
    expect(tg.pendingCount()).toBe(0);
  });

  it('drives a real grammY webhookCallback: wrong secret → 401, right one → handled, webhook reply executed', async () => {
    const bot = new Bot(TOKEN, {
      botInfo: tg.botInfo,
      client: { apiRoot: tg.apiRoot, canUseWebhookReply: (method) => method === 'sendChatAction' },
    });
    bot.on('message:text', async (ctx) => {
      await ctx.replyWithChatAction('typing'); // rides on the webhook response
      await ctx.reply(`Nhận: ${ctx.message.text}`);
    });
    const hook = await receiver(webhookCallback(bot, 'http', { secretToken: 'good_secret' }));
    tg.autoDeliver = false;
    await api.setWebhook(hook.url, { secret_token: 'good_secret' });
    const an = tg.user({ id: 1001, first_name: 'An' });
    an.send('lần 1');
    const refused = await tg.deliverViaWebhook({ secretToken: 'bad', attempts: 1 });
    expect(refused.map((d) => d.status)).toEqual([401]);
    expect(tg.sentTo(1001)).toEqual([]);

    an.send('lần 2');
    const ok = await tg.deliverViaWebhook();
    expect(ok.map((d) => d.status)).toEqual([200]);
    // The webhook answered 200 as soon as sendChatAction rode on its response; the reply follows.
    await tg.waitFor(() => tg.lastTo(1001)?.text === 'Nhận: lần 2');
    expect(tg.calls.find((c) => c.viaWebhookReply === true)).toMatchObject({ method: 'sendChatAction', status: 200 });
  });
});

describe('flood limits', () => {
  it('answers 429 with retry_after above 1 message/second per chat, and counts them', async () => {
    tg.setRateLimits({ perChatPerSecond: 1, globalPerSecond: 30 });
    tg.user({ id: 1001, first_name: 'An' }).send('hi');
    tg.user({ id: 1002, first_name: 'Bình' }).send('hi');
    await api.sendMessage(1001, 'một');
    const err = await failure(api.sendMessage(1001, 'hai'));
    expect(err).toBeInstanceOf(GrammyError);
    expect(err).toMatchObject({ error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    await api.sendMessage(1002, 'chat khác vẫn được');
    expect(tg.tooManyRequests).toBe(1);
    await new Promise((r) => setTimeout(r, 1050));
    await api.sendMessage(1001, 'sau một giây');
    expect(tg.sentTo(1001).map((m) => m.text)).toEqual(['một', 'sau một giây']);
  });

  it('limits all chats together and can answer a fixed retry_after', async () => {
    // A burst of 3, refilled slowly, so a loaded machine cannot refill the bucket mid-test.
    tg.setRateLimits({ perChatPerSecond: 1, globalPerSecond: 0.1, globalBurst: 3, retryAfterSeconds: 7 });
    for (const id of [1, 2, 3, 4]) tg.user({ id, first_name: `U${id}` }).send('hi');
    for (const id of [1, 2, 3]) await api.sendMessage(id, 'ok');
    expect(await failure(api.sendMessage(4, 'x'))).toMatchObject({ error_code: 429, parameters: { retry_after: 7 } });
    const raw = await fetch(`${tg.apiRoot}/bot${TOKEN}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: 4, text: 'x' }),
    });
    expect(raw.status).toBe(429);
    expect(tg.tooManyRequests).toBe(2);
    tg.setRateLimits(false);
    await api.sendMessage(4, 'giới hạn đã tắt');
  });
});

describe('failure injection', () => {
  it('fails the next matching calls as told, then serves normally', async () => {
    tg.user({ id: 1001, first_name: 'An' }).send('hi');
    tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    tg.failNext('sendMessage', 'network');
    tg.failNext('sendMessage', { status: 502 });
    tg.failNext('getMe', { error_code: 500, description: 'Internal Server Error' }, { times: 2 });
    tg.failNext('sendMessage', { delayMs: 150 }, { when: (p) => p['text'] === 'chậm' });

    expect(await failure(api.sendMessage(1001, 'a'))).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    expect(await failure(api.sendMessage(1001, 'b'))).toBeInstanceOf(HttpError);
    expect(await failure(api.sendMessage(1001, 'c'))).toBeInstanceOf(HttpError);
    expect(await failure(api.getMe())).toMatchObject({ error_code: 500 });
    expect(await failure(api.getMe())).toMatchObject({ error_code: 500 });
    expect((await api.getMe()).id).toBe(123);
    await api.sendMessage(1001, 'nhanh');
    const t0 = Date.now();
    await api.sendMessage(1001, 'chậm');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(tg.sentTo(1001).map((m) => m.text)).toEqual(['nhanh', 'chậm']);
    expect(tg.callsOf('sendMessage').map((c) => c.status)).toEqual([429, 0, 502, 200, 200]);
    expect(tg.tooManyRequests).toBe(1);
  });

  it('explains a timed-out wait with a dump of calls and chats', async () => {
    tg.user({ id: 1001, first_name: 'An' }).send('/tasks');
    const err = await tg.waitForSent(1001, 1, { timeoutMs: 50 }).catch((e: unknown) => e as Error);
    expect(String(err)).toMatch(/1 message\(s\) sent to chat 1001/);
    expect(String(err)).toMatch(/pending updates: 1/);
    expect(String(err)).toMatch(/chat 1001 \(An; started\)/);
  });
});

describe('files', () => {
  it('serves a user document through getFile and /file/bot<token>/<path>', async () => {
    const an = tg.user({ id: 1001, first_name: 'An' });
    const bytes = Buffer.from('name,unit\nAn,Sở Tư pháp\n');
    const update = an.sendDocument({ fileName: 'people.csv', mimeType: 'text/csv', bytes, caption: 'danh sách' });
    const doc = update.message?.document;
    expect(doc).toMatchObject({ file_name: 'people.csv', mime_type: 'text/csv', file_size: bytes.length });
    const file = await api.getFile(doc?.file_id ?? '');
    expect(file).toMatchObject({ file_id: doc?.file_id, file_size: bytes.length, file_path: expect.stringMatching(/\.csv$/) });
    const res = await fetch(`${tg.apiRoot}/file/bot${TOKEN}/${file.file_path ?? ''}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(`${tg.apiRoot}/file/bot123:WRONG/${file.file_path ?? ''}`)).status).toBe(404);
    expect(await failure(api.getFile('nope'))).toMatchObject({ error_code: 400, description: 'Bad Request: invalid file_id' });
  });

  it('accepts a multipart document upload from grammY', async () => {
    tg.user({ id: 1001, first_name: 'An' }).send('hi');
    const bytes = Buffer.from('PK fake xlsx bytes');
    const sent = await api.sendDocument(1001, new InputFile(bytes, 'bao-cao.xlsx'), { caption: '<b>Báo cáo</b>', parse_mode: 'HTML' });
    expect(sent.document).toMatchObject({
      file_name: 'bao-cao.xlsx',
      mime_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      file_size: bytes.length,
    });
    expect(sent.caption).toBe('Báo cáo');
    expect(tg.fileBytes(sent.document?.file_id ?? '')?.equals(bytes)).toBe(true);
    expect(tg.lastTo(1001)?.document?.file_name).toBe('bao-cao.xlsx');
  });
});
