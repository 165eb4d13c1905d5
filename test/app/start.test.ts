/**
 * Start-up when a platform cannot be reached: dondoc serves, schedules and keeps trying the
 * channel in the background; when the platform refuses the token, start-up stops with a clear error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { ChannelStartError, createApp, type App } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/index.js';
import { fixedClock } from '../../src/domain/time.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { startFakeZalo, type FakeZalo } from '../fakes/zalo-api.js';
import { createTestDatabase } from '../helpers/db.js';
import { freePort } from '../helpers/telegram-app.js';

const open: { app?: App; database?: DatabaseHandle; tg?: FakeTelegram; zalo?: FakeZalo }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.app?.stop();
    await o.tg?.close();
    await o.zalo?.close();
    await o.database?.close();
  }
});

async function build(env: Record<string, string>) {
  const database = await createTestDatabase();
  const port = await freePort();
  const config = parseConfig({ PORT: String(port), HOST: '127.0.0.1', SCHEDULER: 'off', ...env });
  const app = await createApp({ config, logger: pino({ level: 'silent' }), clock: fixedClock('2026-11-23T02:00:00Z'), database });
  return { app, database, port };
}

async function until(check: () => boolean, label: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('starting dondoc while a platform is unreachable', () => {
  it('Telegram down at start: the server answers at once, and the bot starts polling when Telegram is back', async () => {
    const tg = await startFakeTelegram({ token: '123456:TEST-TOKEN' });
    tg.failNext('getMe', 'network');
    tg.failNext('getMe', { status: 502 });
    const { app, database, port } = await build({ TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot });
    open.push({ app, database, tg });
    await app.start();
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    await until(() => tg.callsOf('getUpdates').length > 0, 'polling to start');
    expect(tg.callsOf('getMe').map((c) => c.status)).toEqual([0, 502, 200]);
    const user = tg.user({ id: 5001, first_name: 'An', language_code: 'vi' });
    await user.send('/help');
    await tg.waitForSent(user.id, 1);
    expect(tg.sentTo(user.id)[0]!.text).toContain('dondoc nhắc việc và nhận báo cáo tiến độ');
  });

  it("Telegram refuses the token: start-up stops with the channel and the platform's answer, never the token", async () => {
    const tg = await startFakeTelegram({ token: '123456:TEST-TOKEN' });
    const { app, database } = await build({ TELEGRAM_BOT_TOKEN: '123456:WRONG-TOKEN', TELEGRAM_API_ROOT: tg.apiRoot });
    open.push({ app, database, tg });
    const error = await app.start().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelStartError);
    expect((error as ChannelStartError).channel).toBe('telegram');
    expect((error as Error).message).toBe('the telegram channel could not start: 401 Unauthorized');
    expect((error as Error).message).not.toContain('WRONG');
    expect(tg.callsOf('getUpdates')).toHaveLength(0);
  });

  it("Zalo down beyond the client's own retries: polling begins once Zalo answers, and stop() ends the retrying", async () => {
    const zalo = await startFakeZalo();
    for (let i = 0; i < 4; i++) zalo.failNext('getMe', 'network');
    const { app, database } = await build({ ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot });
    open.push({ app, database, zalo });
    await app.start();
    await until(() => zalo.calls.some((c) => c.method === 'getUpdates'), 'Zalo polling to start', 25_000);
    expect(zalo.calls.filter((c) => c.method === 'getMe').length).toBeGreaterThanOrEqual(5);
  }, 40_000);

  it('stops cleanly while a channel is still waiting to retry', async () => {
    const tg = await startFakeTelegram({ token: '123456:TEST-TOKEN' });
    tg.failNext('getMe', 'network', { times: 50 });
    const { app, database } = await build({ TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot });
    open.push({ database, tg });
    await app.start();
    await app.stop();
    const calls = tg.callsOf('getMe').length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(tg.callsOf('getMe')).toHaveLength(calls);
  });
});
