import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeZalo, type FakeZalo } from '../fakes/zalo-api.js';

let fake: FakeZalo;

async function raw(path: string, init: { method?: 'GET' | 'POST'; body?: string; type?: string } = {}): Promise<unknown> {
  const res = await request(`${fake.apiRoot}${path}`, {
    method: init.method ?? 'POST',
    ...(init.body === undefined ? {} : { body: init.body, headers: { 'content-type': init.type ?? 'application/json' } }),
    reset: true,
  });
  return res.body.json();
}

beforeEach(async () => {
  fake = await startFakeZalo({ token: '123:abc-xyz' });
});

afterEach(async () => {
  await fake.close();
});

describe('fake Zalo Bot API', () => {
  it('answers an unknown or wrongly-cased method name with 400, and other paths with 404', async () => {
    expect(await raw('/bot123:abc-xyz/getme')).toEqual({ ok: false, error_code: 400, description: expect.any(String) });
    expect(await raw('/bot123:abc-xyz/sendVoice')).toMatchObject({ ok: false, error_code: 400 });
    expect(await raw('/getMe')).toMatchObject({ ok: false, error_code: 404 });
    expect(await raw('/botWRONG/getMe')).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
  });

  it('reads params from the query string, a form body or JSON, with GET or POST', async () => {
    await raw('/bot123:abc-xyz/sendMessage?chat_id=u1&text=query', { method: 'GET' });
    await raw('/bot123:abc-xyz/sendMessage', { body: 'chat_id=u2&text=form%20body', type: 'application/x-www-form-urlencoded' });
    await raw('/bot123:abc-xyz/sendMessage', { body: JSON.stringify({ chat_id: 'u3', text: 'json' }) });
    expect(fake.sent.map((s) => [s.chat_id, s.text])).toEqual([
      ['u1', 'query'],
      ['u2', 'form body'],
      ['u3', 'json'],
    ]);
  });

  it('refuses an empty text and one over 2000 characters, accepting exactly 2000', async () => {
    const send = (text: string): Promise<unknown> => raw('/bot123:abc-xyz/sendMessage', { body: JSON.stringify({ chat_id: 'u', text }) });
    expect(await send('')).toMatchObject({ ok: false, error_code: 400 });
    expect(await send('x'.repeat(2001))).toMatchObject({ ok: false, error_code: 400 });
    expect(await send('x'.repeat(2000))).toMatchObject({ ok: true, result: { message_id: expect.stringMatching(/^[0-9a-f]{20}$/) } });
  });

  it('lets a test wait for a message the bot sends later', async () => {
    const waiting = fake.waitForSent((s) => s.chat_id === 'u9');
    setTimeout(() => void raw('/bot123:abc-xyz/sendMessage', { body: JSON.stringify({ chat_id: 'u9', text: 'chào' }) }), 20);
    expect(await waiting).toMatchObject({ chat_id: 'u9', text: 'chào' });
    await expect(fake.waitForSent(() => false, 50)).rejects.toThrow(/nothing matched/);
  });
});
