/**
 * dondoc as it runs in production (createApp with the real Zalo channel), wired to the fake Zalo
 * Bot API (and, when asked, the fake Telegram Bot API too), a test database and a fixed clock.
 */
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-api.js';
import { startFakeZalo, type FakeZalo, type FakeZaloUser, type SentRecord } from '../fakes/zalo-api.js';
import { startAppHarness, type AppHarness } from './telegram-app.js';

export interface ZaloHarness extends AppHarness {
  zalo: FakeZalo;
  /** Present when started with `telegram: true`. */
  tg?: FakeTelegram;
  /** Where the fake Zalo posts webhook deliveries (dondoc's own port), in webhook mode. */
  webhookUrl?: string;
  /** Runs `act` and waits until the chat has received `n` more messages; returns the new ones. */
  expectSent(user: FakeZaloUser, n: number, act: () => unknown): Promise<SentRecord[]>;
  /** Sends a text as `user` and returns the texts of the `n` messages it brings back. */
  say(user: FakeZaloUser, text: string, n?: number): Promise<string[]>;
  /**
   * One planner tick (nudges or digest) at the clock's instant; fails if the planner lock was taken
   * (the lock is per schema, so another test file's planner never holds it).
   */
  plan(kind: 'nudges' | 'digest'): Promise<{ queued: { channel: string; chatId: string }[] }>;
  /** plan(kind), then deliver the outbox. */
  tick(kind: 'nudges' | 'digest'): Promise<void>;
}

/** The public HTTPS address Zalo is told (TLS ends at a proxy); dondoc serves its path. */
export const PUBLIC_WEBHOOK_URL = 'https://dondoc.example.gov.vn/zalo/webhook';

export async function startZaloHarness(options: { webhookSecret?: string; at?: string; telegram?: boolean; sendAttempts?: number } = {}): Promise<ZaloHarness> {
  const zalo = await startFakeZalo();
  const tg = options.telegram ? await startFakeTelegram({ token: '123456:TEST-TOKEN' }) : undefined;
  let port = 0;
  const base = await startAppHarness({
    ...(options.at ? { at: options.at } : {}),
    env: (p) => {
      port = p;
      return {
        // Tests drive the scheduler by hand (app.scheduler), at the instants they choose.
        SCHEDULER: 'off',
        ZALO_BOT_TOKEN: zalo.token,
        ZALO_API_ROOT: zalo.apiRoot,
        ...(options.webhookSecret ? { ZALO_WEBHOOK_URL: PUBLIC_WEBHOOK_URL, ZALO_WEBHOOK_SECRET: options.webhookSecret } : {}),
        ...(tg ? { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot } : {}),
      };
    },
    app: {
      zalo: { pollSeconds: 5, backoff: { baseMs: 20, maxMs: 200 }, ...(options.sendAttempts ? { sendAttempts: options.sendAttempts } : {}) },
      ...(tg ? { telegram: { botInfo: tg.botInfo } } : {}),
    },
    cleanup: async () => {
      await zalo.close();
      await tg?.close();
    },
  });
  const plan = async (kind: 'nudges' | 'digest') => {
    const scheduler = base.app.scheduler;
    const result = kind === 'nudges' ? await scheduler.planNudges() : await scheduler.planDigest();
    if (!result.ran) throw new Error(`the ${kind} planner lock was taken`);
    return result;
  };
  const expectSent = async (user: FakeZaloUser, n: number, act: () => unknown): Promise<SentRecord[]> => {
    const before = zalo.sentTo(user.id).length;
    await act();
    await zalo.waitForSent(() => zalo.sentTo(user.id).length >= before + n);
    // The reply is out; wait until dondoc has also remembered it (menu, task) before going on.
    await base.app.zalo?.idle();
    return zalo.sentTo(user.id).slice(before);
  };
  return {
    ...base,
    zalo,
    ...(tg ? { tg } : {}),
    ...(options.webhookSecret ? { webhookUrl: `http://127.0.0.1:${port}${new URL(PUBLIC_WEBHOOK_URL).pathname}` } : {}),
    expectSent,
    async say(user, text, n = 1) {
      const sent = await expectSent(user, n, () => user.send(text));
      return sent.map((s) => s.text);
    },
    plan,
    async tick(kind) {
      await plan(kind);
      await base.app.scheduler.deliver();
    },
  };
}
