import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloClient } from '../../src/channels/zalo/client.js';
import { ZALO_SECRET_HEADER } from '../../src/channels/zalo/types.js';
import { parseZaloWebhookBody, updateKey } from '../../src/channels/zalo/webhook.js';
import { startFakeZalo, type FakeZalo } from '../fakes/zalo-api.js';

// The documented sample body (Zalo Bot Platform docs, "Webhook").
const documented = {
  ok: true,
  result: {
    message: {
      from: { id: '6ede9afa66b88fe6d6a9', display_name: 'Ted', is_bot: false },
      chat: { id: '6ede9afa66b88fe6d6a9', chat_type: 'PRIVATE' },
      text: 'Xin chào',
      message_id: '2d758cb5e222177a4e35',
      date: 1750316131602,
    },
    event_name: 'message.text.received',
  },
};

describe('parseZaloWebhookBody', () => {
  it('reads the documented wrapped body', () => {
    expect(parseZaloWebhookBody(documented)).toEqual({
      event_name: 'message.text.received',
      message: documented.result.message,
    });
  });

  it('reads the same update sent unwrapped', () => {
    expect(parseZaloWebhookBody(documented.result)).toEqual(parseZaloWebhookBody(documented));
  });

  it('takes the image URL from photo or photo_url', () => {
    const base = { ...documented.result.message, text: undefined, caption: 'Ảnh hiện trường' };
    const photo = parseZaloWebhookBody({ event_name: 'message.image.received', message: { ...base, photo: 'https://a/1.jpg' } });
    const photoUrl = parseZaloWebhookBody({ event_name: 'message.image.received', message: { ...base, photo_url: 'https://a/2.jpg' } });
    expect(photo?.message).toMatchObject({ photo: 'https://a/1.jpg', caption: 'Ảnh hiện trường' });
    expect(photoUrl?.message.photo).toBe('https://a/2.jpg');
    expect(photoUrl?.message).not.toHaveProperty('photo_url');
  });

  it('passes unknown event names through so the bot can answer them', () => {
    const update = parseZaloWebhookBody({ ...documented.result, event_name: 'message.voice.received' });
    expect(update?.event_name).toBe('message.voice.received');
  });

  it('reads a content-less unsupported message from a protected sender', () => {
    const { text: _text, ...message } = documented.result.message;
    const update = parseZaloWebhookBody({ event_name: 'message.unsupported.received', message });
    expect(update?.message.text).toBeUndefined();
    expect(update?.message.chat.id).toBe('6ede9afa66b88fe6d6a9');
  });

  it('turns numeric ids into strings and tolerates odd optional fields', () => {
    const update = parseZaloWebhookBody({
      event_name: 'message.text.received',
      message: { ...documented.result.message, message_id: 123, from: { id: 42, is_bot: 'no' }, chat: { id: 42 }, date: '1750316131602', text: 7 },
    });
    expect(update?.message).toMatchObject({ message_id: '123', from: { id: '42' }, chat: { id: '42' }, date: 1750316131602 });
    expect(update?.message.text).toBeUndefined();
  });

  it('returns null, never throws, for bodies it cannot act on', () => {
    const { message_id: _id, ...noId } = documented.result.message;
    const bad: unknown[] = [
      null,
      undefined,
      'ok',
      42,
      [],
      {},
      { ok: false, error_code: 400 },
      { ok: true, result: null },
      { event_name: 'message.text.received' },
      { event_name: 'message.text.received', message: noId },
      { event_name: '', message: documented.result.message },
      { event_name: 'message.text.received', message: { ...documented.result.message, chat: {} } },
    ];
    for (const body of bad) expect(parseZaloWebhookBody(body)).toBeNull();
  });
});

describe('updateKey', () => {
  it('is the event name and message id, since Zalo sends no update id', () => {
    const update = parseZaloWebhookBody(documented);
    expect(update && updateKey(update)).toBe('message.text.received:2d758cb5e222177a4e35');
  });
});

describe('fake Zalo webhook delivery', () => {
  let fake: FakeZalo;
  let server: Server;
  let url: string;
  let received: Array<{ headers: IncomingHttpHeaders; body: unknown }>;

  beforeEach(async () => {
    fake = await startFakeZalo();
    received = [];
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(raw) as unknown });
        const ok = req.headers[ZALO_SECRET_HEADER] === 'a-long-secret';
        res.writeHead(ok ? 200 : 401).end(ok ? '{"message":"Success"}' : '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo`;
  });

  afterEach(async () => {
    await fake.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('delivers an update wrapped, with the configured secret header, like Zalo', async () => {
    const client = createZaloClient({ token: fake.token, apiRoot: fake.apiRoot });
    await client.setWebhook({ url: 'https://dondoc.example/zalo', secret_token: 'a-long-secret' });
    await client.close();
    const update = fake.user('u-an', 'An').send('xong');
    // The registered URL must be https, so the test posts to its local server with the registered secret.
    const answer = await fake.postWebhook(url, update);
    expect(answer.status).toBe(200);
    expect(received[0]?.headers[ZALO_SECRET_HEADER]).toBe('a-long-secret');
    expect(received[0]?.body).toEqual({ ok: true, result: update });
    expect(parseZaloWebhookBody(received[0]?.body)).toEqual(update);
  });

  it('can deliver unwrapped, and without the header', async () => {
    const update = fake.user('u-an').sendSticker();
    expect((await fake.postWebhook(url, update, null, { wrapped: false })).status).toBe(401);
    expect(received[0]?.headers[ZALO_SECRET_HEADER]).toBeUndefined();
    expect(parseZaloWebhookBody(received[0]?.body)).toEqual(update);
  });
});
