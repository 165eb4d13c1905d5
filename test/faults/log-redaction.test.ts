/**
 * Issue 11, defect 4: with Telegram unreachable, grammY's network error carries the request URL,
 * token included. No log line may hold a token or a secret: not the message, the error, its stack
 * or its causes.
 */
import { Api } from 'grammy';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger, REDACTED, secretsOf } from '../../src/logger.js';
import { createTestDatabase } from '../helpers/db.js';
import { freePort } from '../helpers/telegram-app.js';

const TOKEN = '7712345678:AAFakeTokenForTests_abcdefghijklmnopq';
const ZALO_TOKEN = 'zalo-secret-token-0123456789';
const SECRET = 'webhook_secret_value_42';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('log lines', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('never carry the bot token from a network error, its stack or its cause', async () => {
    const { lines, destination } = capture();
    const logger = createLogger('debug', { secrets: [TOKEN, ZALO_TOKEN, SECRET], destination });
    const port = await freePort();
    const error = await new Api(TOKEN, { apiRoot: `http://127.0.0.1:${port}` }).getMe().catch((e: unknown) => e);
    expect(
      JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as Error).stack) + String((error as { error?: Error }).error?.message),
    ).toContain(TOKEN.split(':')[0]);
    logger.error({ err: error }, `telegram failed at http://127.0.0.1/bot${TOKEN}/getMe`);
    logger.warn(
      { token: ZALO_TOKEN, headers: { 'x-telegram-bot-api-secret-token': SECRET }, url: `https://x/?secret=${encodeURIComponent(SECRET)}` },
      'webhook',
    );
    logger.info({ database: 'postgres://dondoc:hunter2pass@db:5432/dondoc' }, 'connecting');
    const all = lines.join('');
    expect(lines).toHaveLength(3);
    for (const secret of [TOKEN, TOKEN.split(':')[1]!, ZALO_TOKEN, SECRET, 'hunter2pass']) expect(all).not.toContain(secret);
    expect(all).toContain(REDACTED);
  });

  it('never carry the token while the app keeps retrying an unreachable Telegram at start-up', async () => {
    const { lines, destination } = capture();
    const database = await createTestDatabase();
    const port = await freePort();
    const deadApi = await freePort();
    const config = parseConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      SCHEDULER: 'off',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${deadApi}`,
    });
    const logger = createLogger('debug', { secrets: secretsOf(config), destination });
    const app = await createApp({ config, logger, database });
    closers.push(async () => {
      await app.stop();
      await database.close();
    });
    await app.start();
    for (let i = 0; i < 100 && !lines.some((l) => l.includes('could not start')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(lines.some((l) => l.includes('could not start'))).toBe(true);
    expect(lines.join('')).not.toContain(TOKEN.split(':')[1]!);
  });
});
