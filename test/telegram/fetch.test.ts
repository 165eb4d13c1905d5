// The undici client every grammY Api of dondoc uses (src/channels/telegram/fetch.ts): JSON and
// multipart calls through the fake Bot API, Telegram's errors as GrammyError, a gateway's HTML as
// HttpError, grammY's timeout as a network failure, and kept-alive connections for calls in turn.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '../../src/channels/retry.js';
import { telegramFetch } from '../../src/channels/telegram/fetch.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';

/** A plain HTTP server on 127.0.0.1 answering every request with `answer`; counts connections. */
async function rawServer(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  let connections = 0;
  const server = http.createServer(answer);
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('the Telegram HTTP client (undici under grammY)', () => {
  let tg: FakeTelegram;
  beforeAll(async () => {
    tg = await startFakeTelegram({ token: '555:FETCH' });
    tg.user({ id: 7001, first_name: 'An', language_code: 'vi' }, { started: true });
  });
  afterAll(async () => tg.close());

  it('sends JSON calls and multipart uploads, and reads their answers', async () => {
    const api = new Api(tg.token, { apiRoot: tg.apiRoot, fetch: telegramFetch() });
    const sent = await api.sendMessage(7001, 'Chào anh', { reply_markup: { inline_keyboard: [[{ text: 'Hoàn thành', callback_data: 'st:d:1' }]] } });
    expect(sent.text).toBe('Chào anh');
    expect(tg.lastTo(7001)?.message_id).toBe(sent.message_id);
    const bytes = Buffer.from('Báo cáo tuần: 3 việc trễ hạn\n', 'utf8');
    const doc = await api.sendDocument(7001, new InputFile(bytes, 'bao-cao.txt'));
    expect(doc.document?.file_name).toBe('bao-cao.txt');
    expect(tg.fileBytes(doc.document!.file_id)?.equals(bytes)).toBe(true);
  });

  it("turns Telegram's refusals into GrammyError with their code and retry_after", async () => {
    const api = new Api(tg.token, { apiRoot: tg.apiRoot, fetch: telegramFetch() });
    const refused = await api.sendMessage(424242, 'không ai').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GrammyError);
    expect((refused as GrammyError).error_code).toBe(400);
    tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    const limited = await api.sendMessage(7001, 'lần nữa').catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(GrammyError);
    expect((limited as GrammyError).parameters.retry_after).toBe(3);
    expect(classifyError(limited, { attempt: 1, maxMs: 2_000 })).toMatchObject({ retry: true, reason: 'rate_limited' });
  });

  it("turns a gateway's HTML page, a dropped connection and grammY's own timeout into HttpError, retried", async () => {
    const api = new Api(tg.token, { apiRoot: tg.apiRoot, fetch: telegramFetch(), timeoutSeconds: 0.5 });
    const failures = [{ status: 502, body: '<html>502 Bad Gateway</html>' }, 'network', { delayMs: 3_000 }] as const;
    for (const failure of failures) {
      tg.failNext('sendMessage', failure);
      const error = await api.sendMessage(7001, 'thử lại').catch((e: unknown) => e);
      expect(error, JSON.stringify(failure)).toBeInstanceOf(HttpError);
      expect(classifyError(error, { attempt: 1, maxMs: 2_000 })).toMatchObject({ retry: true });
    }
    expect((await api.sendMessage(7001, 'được rồi')).text).toBe('được rồi');
  });

  it('keeps its connections open: twenty calls in turn use at most two', async () => {
    const server = await rawServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"result":true}'));
    const agent = new Agent({ keepAliveTimeout: 30_000 });
    try {
      const api = new Api('1:X', { apiRoot: server.apiRoot, fetch: telegramFetch(agent) });
      for (let i = 0; i < 20; i++) expect(await api.answerCallbackQuery(`q${i}`)).toBe(true);
      // A call's socket returns to the pool just after its answer is read, so the next call may
      // open a second one; after that the two are reused.
      expect(server.connections()).toBeLessThanOrEqual(2);
    } finally {
      await agent.close();
      await server.close();
    }
  });
});
