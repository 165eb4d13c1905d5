import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyError, type RetryInfo } from '../../src/channels/retry.js';
import { createZaloClient, type ZaloClient, type ZaloClientOptions } from '../../src/channels/zalo/client.js';
import { ZaloApiError, ZaloNetworkError } from '../../src/channels/zalo/errors.js';
import { startFakeZalo, type FakeZalo } from '../fakes/zalo-api.js';

let fake: FakeZalo;
let client: ZaloClient;
let sleeps: number[];
let retries: RetryInfo[];
const extraClients: ZaloClient[] = [];
const extraFakes: FakeZalo[] = [];

function makeClient(overrides: Partial<ZaloClientOptions> = {}): ZaloClient {
  const c = createZaloClient({
    token: fake.token,
    apiRoot: fake.apiRoot,
    timeoutMs: 2_000,
    retry: {
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      onRetry: (info) => void retries.push(info),
    },
    ...overrides,
  });
  extraClients.push(c);
  return c;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const callsOf = (method: string): number => fake.calls.filter((c) => c.method === method).length;

beforeEach(async () => {
  fake = await startFakeZalo();
  sleeps = [];
  retries = [];
  client = makeClient();
});

afterEach(async () => {
  for (const c of extraClients.splice(0)) await c.close();
  for (const f of extraFakes.splice(0)) await f.close();
  await fake.close();
});

describe('Zalo client: methods', () => {
  it('getMe returns the bot account, asked with a JSON POST', async () => {
    const me = await client.getMe();
    expect(me).toEqual({ id: '1459232241454765289', account_name: 'bot.FakeDondoc', account_type: 'BASIC', can_join_groups: false });
    expect(fake.calls[0]).toMatchObject({ method: 'getMe', httpMethod: 'POST', tokenOk: true });
    expect(fake.calls[0]?.contentType).toMatch(/^application\/json/);
  });

  it('sendMessage delivers the text and returns Zalo’s message id and a millisecond date', async () => {
    const sent = await client.sendMessage({ chat_id: 'u-1', text: 'Nhắc việc: báo cáo quý IV' });
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({ method: 'sendMessage', chat_id: 'u-1', text: 'Nhắc việc: báo cáo quý IV' });
    expect(sent.message_id).toBe(fake.sent[0]?.message_id);
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(sent.date).toBeGreaterThan(1e12);
  });

  it('sendPhoto sends the image URL and its caption', async () => {
    const sent = await client.sendPhoto({ chat_id: 'u-1', photo: 'https://example.org/chart.png', caption: 'Biểu đồ' });
    expect(fake.sentTo('u-1')).toEqual([
      expect.objectContaining({ method: 'sendPhoto', photo: 'https://example.org/chart.png', text: 'Biểu đồ', message_id: sent.message_id }),
    ]);
  });

  it('sendChatAction shows “typing”', async () => {
    await client.sendChatAction({ chat_id: 'u-1', action: 'typing' });
    expect(fake.actions).toEqual([{ chat_id: 'u-1', action: 'typing' }]);
  });

  it('setWebhook, getWebhookInfo and deleteWebhook manage the webhook and never echo its secret', async () => {
    const set = await client.setWebhook({ url: 'https://dondoc.example.gov.vn/zalo', secret_token: 'a-long-secret-123' });
    expect(set.url).toBe('https://dondoc.example.gov.vn/zalo');
    const info = await client.getWebhookInfo();
    expect(info.url).toBe('https://dondoc.example.gov.vn/zalo');
    expect(info.updated_at).toBeGreaterThan(1e12);
    expect(JSON.stringify(info)).not.toContain('a-long-secret-123');
    expect(await client.deleteWebhook()).toMatchObject({ url: '' });
    expect((await client.getWebhookInfo()).url).toBe('');
  });

  it('setWebhook refuses a plain-http URL and a secret shorter than 8 characters, without retrying', async () => {
    const http = await failure(client.setWebhook({ url: 'http://dondoc.example/zalo', secret_token: 'a-long-secret' }));
    expect(http).toBeInstanceOf(ZaloApiError);
    expect((http as ZaloApiError).errorCode).toBe(400);
    const short = await failure(client.setWebhook({ url: 'https://dondoc.example/zalo', secret_token: 'short' }));
    expect((short as ZaloApiError).errorCode).toBe(400);
    expect(callsOf('setWebhook')).toBe(2);
    expect(sleeps).toEqual([]);
  });
});

describe('Zalo client: getUpdates', () => {
  it('returns one queued update per call, as Zalo documents', async () => {
    const an = fake.user('u-an', 'Nguyễn Văn An');
    const first = an.send('xong');
    an.send('50%');
    expect(await client.getUpdates({ timeout: 1 })).toEqual([first]);
    const second = await client.getUpdates({ timeout: 1 });
    expect(second.map((u) => u.message.text)).toEqual(['50%']);
    expect(fake.calls[0]?.params).toEqual({ timeout: '1' });
  });

  it('accepts a list of updates when Zalo sends one', async () => {
    fake.updatesAsList = true;
    const an = fake.user('u-an');
    an.send('một');
    an.sendImage('https://example.org/a.jpg');
    const updates = await client.getUpdates({ timeout: 1 });
    expect(updates.map((u) => u.event_name)).toEqual(['message.text.received', 'message.image.received']);
    expect(updates[1]?.message.photo).toBe('https://example.org/a.jpg');
  });

  it('reads Zalo’s 408 at the end of an empty long poll as “no updates”', async () => {
    const started = Date.now();
    expect(await client.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('returns a message sent while the long poll waits, at once', async () => {
    const poll = client.getUpdates({ timeout: 10 });
    await until(() => fake.waitingPolls() === 1);
    const update = fake.user('u-binh').send('/start 123456');
    expect(await poll).toEqual([update]);
  });

  it('may take its timeout plus the margin, while ordinary calls stop at timeoutMs', async () => {
    const quick = makeClient({ timeoutMs: 300, pollMarginMs: 1_000, retry: { attempts: 1 } });
    expect(await quick.getUpdates({ timeout: 1 })).toEqual([]);
    fake.failNext('getMe', { delayMs: 1_000 });
    const err = await failure(quick.getMe());
    expect(err).toBeInstanceOf(ZaloNetworkError);
    expect(err).toMatchObject({ method: 'getMe', timedOut: true, aborted: false });
  });

  it('fails while a webhook is set, and works again after deleteWebhook', async () => {
    await client.setWebhook({ url: 'https://dondoc.example/zalo', secret_token: 'a-long-secret' });
    const err = await failure(client.getUpdates({ timeout: 1 }));
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(classifyError(err, { poll: true }).retry).toBe(false);
    await client.deleteWebhook();
    fake.user('u-an').send('hi');
    expect(await client.getUpdates({ timeout: 1 })).toHaveLength(1);
  });

  it('stops when the caller aborts, with an error that says not to retry', async () => {
    const controller = new AbortController();
    const poll = client.getUpdates({ timeout: 10, signal: controller.signal });
    await until(() => fake.waitingPolls() === 1);
    controller.abort();
    const err = await failure(poll);
    expect(err).toMatchObject({ name: 'ZaloNetworkError', aborted: true, timedOut: false });
    expect(classifyError(err)).toMatchObject({ retry: false, reason: 'aborted' });
    await until(() => fake.waitingPolls() === 0);
  });
});

describe('Zalo client: errors', () => {
  it('turns ok:false under HTTP 200 into a ZaloApiError with Zalo’s code and description', async () => {
    fake.failNext('sendMessage', { status: 429 });
    const err = await failure(client.sendMessage({ chat_id: 'u-1', text: 'x' }));
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ errorCode: 429, description: 'Quota exceeded', method: 'sendMessage', httpStatus: 200 });
  });

  it('reads the same error when Zalo also sets the HTTP status', async () => {
    const mirrored = await startFakeZalo({ mirrorErrorStatus: true });
    extraFakes.push(mirrored);
    const c = makeClient({ token: 'bad:token', apiRoot: mirrored.apiRoot });
    expect(await failure(c.getMe())).toMatchObject({ errorCode: 401, httpStatus: 401 });
    expect(await makeClient({ token: mirrored.token, apiRoot: mirrored.apiRoot }).getUpdates({ timeout: 0 })).toEqual([]);
  });

  it('reports a wrong token as 401 without revealing the token, and does not retry it', async () => {
    const c = makeClient({ token: '99999:wrong-secret-token-value' });
    const err = await failure(c.getMe());
    expect(err).toMatchObject({ name: 'ZaloApiError', errorCode: 401, method: 'getMe' });
    expect(String(err)).toMatch(/ZALO_BOT_TOKEN/);
    expect(`${String(err)} ${(err as Error).stack}`).not.toContain('wrong-secret-token-value');
    expect(sleeps).toEqual([]);
  });

  it('refuses a text over 2000 characters with 400', async () => {
    const err = await failure(client.sendMessage({ chat_id: 'u-1', text: 'a'.repeat(2001) }));
    expect(err).toMatchObject({ errorCode: 400, method: 'sendMessage' });
    expect(fake.sent).toEqual([]);
  });

  it('turns a dropped connection into a ZaloNetworkError naming the method, with no token anywhere', async () => {
    fake.failNext('sendMessage', 'network');
    const err = await failure(client.sendMessage({ chat_id: 'u-1', text: 'x' }));
    expect(err).toBeInstanceOf(ZaloNetworkError);
    expect(err).toMatchObject({ method: 'sendMessage', timedOut: false, aborted: false });
    const cause = (err as Error).cause as Error;
    expect(cause).toBeInstanceOf(Error);
    const everything = [String(err), (err as Error).stack, String(cause), cause.stack].join('\n');
    expect(everything).not.toContain(fake.token);
    expect(classifyError(err)).toMatchObject({ retry: true, reason: 'network' });
  });

  it('scrubs the token even from a library error that quotes the URL', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get('https://bot-api.zaloplatforms.com')
      .intercept({ path: `/bot${fake.token}/getMe`, method: 'POST' })
      .replyWithError(new Error(`socket hang up at https://bot-api.zaloplatforms.com/bot${fake.token}/getMe`));
    const c = makeClient({ apiRoot: undefined, dispatcher: agent, retry: { attempts: 1 } });
    const err = await failure(c.getMe());
    expect(err).toBeInstanceOf(ZaloNetworkError);
    const cause = (err as Error).cause as Error;
    expect(cause.message).toContain('/bot<token>/getMe');
    expect([String(err), (err as Error).stack, cause.message, cause.stack].join('\n')).not.toContain(fake.token);
    await agent.close();
  });

  it('turns a refused connection into a ZaloNetworkError', async () => {
    const c = makeClient({ apiRoot: 'http://127.0.0.1:1', retry: { attempts: 1 } });
    const err = await failure(c.getMe());
    expect(err).toBeInstanceOf(ZaloNetworkError);
    expect(String(err)).not.toContain(fake.token);
  });

  it('rejects a token that would break the URL, without echoing it', () => {
    expect(() => createZaloClient({ token: 'abc/def?x' })).toThrow(/ZALO_BOT_TOKEN/);
    expect(() => createZaloClient({ token: 'abc/def?x' })).not.toThrow(/abc/);
  });
});

describe('Zalo client: retries', () => {
  it('retries idempotent calls after 5xx with growing, jittered backoff, then succeeds', async () => {
    fake.failNext('getMe', { status: 500 });
    fake.failNext('getMe', { status: 503 });
    await expect(client.getMe()).resolves.toMatchObject({ account_type: 'BASIC' });
    // equal jitter with random 0.5: attempt n waits 0.75 · min(60 s, 500 ms · 2^(n-1))
    expect(sleeps).toEqual([375, 750]);
    expect(retries.map((r) => [r.attempt, r.decision.reason])).toEqual([
      [1, 'server_error'],
      [2, 'server_error'],
    ]);
    expect(callsOf('getMe')).toBe(3);
  });

  it('gives up after three attempts and throws the last error', async () => {
    for (let i = 0; i < 3; i++) fake.failNext('getWebhookInfo', { status: 500 });
    expect(await failure(client.getWebhookInfo())).toMatchObject({ errorCode: 500 });
    expect(sleeps).toHaveLength(2);
    expect(callsOf('getWebhookInfo')).toBe(3);
  });

  it('waits at least a second after Zalo’s 429, which carries no retry_after', async () => {
    fake.failNext('setWebhook', { status: 429 });
    await client.setWebhook({ url: 'https://dondoc.example/zalo', secret_token: 'a-long-secret' });
    expect(sleeps).toEqual([1_000]);
  });

  it('retries a dropped connection and a proxy’s HTML 502 on idempotent calls', async () => {
    fake.failNext('deleteWebhook', 'network');
    fake.failNext('deleteWebhook', { httpStatus: 502, body: '<html>502 Bad Gateway</html>' });
    await expect(client.deleteWebhook()).resolves.toMatchObject({ url: '' });
    expect(retries.map((r) => r.decision.reason)).toEqual(['network', 'server_error']);
  });

  it('never retries sendMessage itself: the outbox worker decides, to avoid duplicates', async () => {
    fake.failNext('sendMessage', { status: 500 });
    const err = await failure(client.sendMessage({ chat_id: 'u-1', text: 'x' }));
    expect(err).toMatchObject({ errorCode: 500 });
    expect(callsOf('sendMessage')).toBe(1);
    expect(sleeps).toEqual([]);
    expect(classifyError(err, { attempt: 1, random: () => 0.5 })).toEqual({ retry: true, afterMs: 375, reason: 'server_error' });
  });
});
