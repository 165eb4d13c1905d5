/**
 * dondoc as it runs in production (createApp with the real grammY channel), wired to a fake
 * Telegram Bot API server and a test database, with a fixed clock.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Message } from 'grammy/types';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/index.js';
import { fixedClock } from '../../src/domain/time.js';
import { startFakeTelegram, type FakeTelegram, type FakeUser } from '../fakes/telegram-api.js';
import { cliRunner } from './cli.js';
import { createTestDatabase } from './db.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** dondoc built by createApp on a test database, with a fixed clock and an admin CLI; any platform. */
export interface AppHarness {
  app: App;
  database: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  cli: ReturnType<typeof cliRunner>;
  dir: string;
  close(): Promise<void>;
}

/**
 * Starts the app with `env(port)` (the fakes it talks to, webhook URLs on its port); closing it
 * stops the app, then runs `cleanup` (closing the fakes), then drops the database.
 */
export async function startAppHarness(options: {
  env: (port: number) => Record<string, string>;
  at?: string;
  app?: Partial<AppOptions>;
  cleanup?: () => Promise<void>;
}): Promise<AppHarness> {
  const database = await createTestDatabase();
  const clock = fixedClock(options.at ?? '2026-11-23T02:00:00Z');
  const port = await freePort();
  // Cron jobs off: tests drive the scheduler by hand (app.scheduler) on the fixed clock.
  const config = parseConfig({ PORT: String(port), HOST: '127.0.0.1', SCHEDULER: 'off', ...options.env(port) });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = await createApp({ config, logger, clock, database, ...options.app });
  await app.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-e2e-'));
  return {
    app,
    database,
    clock,
    dir,
    cli: cliRunner(database.db, clock, dir),
    async close() {
      await app.stop();
      await options.cleanup?.();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TelegramHarness extends AppHarness {
  tg: FakeTelegram;
  /** Runs `act` and waits until the chat has received `n` more messages; returns the new ones. */
  expectMessages(user: FakeUser, n: number, act: () => unknown): Promise<Message[]>;
}

export async function startTelegramHarness(options: { webhookSecret?: string; at?: string; env?: Record<string, string> } = {}): Promise<TelegramHarness> {
  const tg = await startFakeTelegram({ token: '123456:TEST-TOKEN' });
  const base = await startAppHarness({
    ...(options.at ? { at: options.at } : {}),
    env: (port) => ({
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      ...(options.webhookSecret ? { TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`, TELEGRAM_WEBHOOK_SECRET: options.webhookSecret } : {}),
      ...options.env,
    }),
    app: { telegram: { botInfo: tg.botInfo } },
    cleanup: () => tg.close(),
  });
  return {
    ...base,
    tg,
    async expectMessages(user, n, act) {
      const before = tg.sentTo(user.id, { includeDeleted: true }).length;
      await act();
      await tg.waitForSent(user.id, before + n);
      return tg.sentTo(user.id, { includeDeleted: true }).slice(before);
    },
  };
}

export const PEOPLE_CSV = `name,unit,role,phone
Nguyễn Văn An,Sở Tư pháp / Văn phòng Sở,staff,0912000001
Trần Thị Bình,Sở Tư pháp / Văn phòng Sở,unit_head,0912000002
Lê Văn Cường,"Sở Tư pháp / Phòng Phổ biến, giáo dục pháp luật",staff,0912000003
Phạm Thị Dung,Sở Tư pháp,leader,0912000004
`;

/** Imports PEOPLE_CSV and returns a link code for each phone asked for. */
export async function seedPeople(h: AppHarness, ...phones: string[]): Promise<string[]> {
  fs.writeFileSync(path.join(h.dir, 'people.csv'), PEOPLE_CSV);
  const imported = await h.cli('staff', 'import', 'people.csv');
  if (imported.code !== 0) throw new Error(imported.stderr.join('\n'));
  const codes: string[] = [];
  for (const phone of phones) codes.push((await h.cli('staff', 'link-code', phone)).stdout.at(-1)!);
  return codes;
}

export async function addTask(h: AppHarness, title: string, owner: string, due?: string): Promise<number> {
  const result = await h.cli('task', 'add', '--title', title, '--owner', owner, ...(due ? ['--due', due] : []));
  if (result.code !== 0) throw new Error(result.stderr.join('\n'));
  return Number(result.stdout.at(-1));
}

export function buttons(message: Message): { text: string; data: string }[] {
  const markup = message.reply_markup;
  return (markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: 'callback_data' in b ? (b.callback_data ?? '') : '' }));
}
