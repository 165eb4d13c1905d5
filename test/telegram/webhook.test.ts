import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startTelegramHarness, type TelegramHarness } from '../helpers/telegram-app.js';

let h: TelegramHarness;
let url: string;

beforeAll(async () => {
  h = await startTelegramHarness({ webhookSecret: 'correct_Secret-123' });
  url = h.tg.webhook!.url;
});
afterAll(async () => {
  await h.close();
});

function update(updateId: number, text: string) {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 1, chat: { id: 2001, type: 'private', first_name: 'X' }, from: { id: 2001, is_bot: false, first_name: 'X' }, text },
  };
}

async function post(body: unknown, secret?: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
    body: JSON.stringify(body),
  });
}

describe('Telegram webhook mode', () => {
  it('registers the webhook with its secret and the updates it needs', () => {
    expect(h.app.telegram!.mode).toBe('webhook');
    expect(url).toBe(`http://127.0.0.1:${h.app.port}/telegram/webhook`);
    const call = h.tg.callsOf('setWebhook')[0]!;
    expect(call.payload).toMatchObject({ secret_token: 'correct_Secret-123', allowed_updates: ['message', 'callback_query'] });
  });

  it('answers 401 to a wrong or missing secret and processes nothing', async () => {
    expect((await post(update(5001, '/help'), 'wrong')).status).toBe(401);
    expect((await post(update(5002, '/help'))).status).toBe(401);
    expect(await h.database.db.selectFrom('inbound_updates').selectAll().execute()).toHaveLength(0);
    expect(h.tg.sentTo(2001)).toHaveLength(0);
  });

  it('handles updates delivered by Telegram with the right secret, once each', async () => {
    const [code] = await seedPeople(h, '0912000001');
    const user = h.tg.user({ id: 3001, first_name: 'An' });
    user.send(`/start ${code}`);
    await h.tg.waitForSent(3001, 2);
    expect(h.tg.sentTo(3001)[0]!.text).toContain('Nguyễn Văn An');
    const again = await post(h.tg.updates.at(-1), 'correct_Secret-123');
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.tg.sentTo(3001)).toHaveLength(2);
  });
});

describe('health', () => {
  it('/healthz checks the database', async () => {
    const res = await fetch(`http://127.0.0.1:${h.app.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });
});
