import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople } from '../helpers/telegram-app.js';
import { PUBLIC_WEBHOOK_URL, startZaloHarness, type ZaloHarness } from '../helpers/zalo-app.js';

const SECRET = 'correct-Secret_123';
let h: ZaloHarness;
let url: string;

beforeAll(async () => {
  h = await startZaloHarness({ webhookSecret: SECRET });
  url = h.webhookUrl!;
});
afterAll(async () => {
  await h.close();
});

async function inbound() {
  return h.database.db.selectFrom('inbound_updates').selectAll().execute();
}

describe('Zalo webhook mode', () => {
  it('registers the public URL with its secret and serves its path', () => {
    expect(h.app.zalo!.mode).toBe('webhook');
    expect(h.zalo.webhook()).toMatchObject({ url: PUBLIC_WEBHOOK_URL, secret: SECRET });
    expect(h.zalo.calls.filter((c) => c.method === 'getUpdates')).toHaveLength(0);
  });

  it('answers 401 to a wrong or missing secret and processes nothing', async () => {
    const stranger = h.zalo.user('7000000000000000001', 'Lạ');
    const update = stranger.send('/help');
    expect((await h.zalo.postWebhook(url, update, 'wrong-secret-123')).status).toBe(401);
    expect((await h.zalo.postWebhook(url, update, null)).status).toBe(401);
    expect((await h.zalo.postWebhook(url, update, `${SECRET}x`)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(await inbound()).toHaveLength(0);
    expect(h.zalo.sentTo(stranger.id)).toHaveLength(0);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'x-bot-api-secret-token': SECRET, 'content-type': 'application/json' }, body: '{oops' });
    expect(res.status).toBe(400);
  });

  it('handles deliveries with the right secret, wrapped or not, each update once', async () => {
    const [code] = await seedPeople(h, '0912000001');
    const an = h.zalo.user('8123456789012345678', 'Nguyễn Văn An');
    const link = an.send(code!);
    expect((await h.zalo.postWebhook(url, link)).status).toBe(200);
    await h.zalo.waitForSent(() => h.zalo.sentTo(an.id).length >= 2);
    expect(h.zalo.sentTo(an.id)[0]!.text).toContain('Nguyễn Văn An');

    const again = await h.zalo.postWebhook(url, link, undefined, { wrapped: false });
    expect(again.status).toBe(200);
    const help = an.send('/help');
    await h.zalo.postWebhook(url, help, undefined, { wrapped: false });
    await h.zalo.waitForSent(() => h.zalo.sentTo(an.id).length >= 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.zalo.sentTo(an.id)).toHaveLength(3);
    expect(h.zalo.sentTo(an.id)[2]!.text).toContain('/tasks');
    expect(await inbound()).toHaveLength(2);
  });

  it('accepts an event it cannot act on without failing', async () => {
    expect((await h.zalo.postWebhook(url, { event_name: 'bot.something.new' })).status).toBe(200);
  });
});
