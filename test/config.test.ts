import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

describe('configuration', () => {
  it('starts with nothing set: embedded database in ./data, port 8080, no channels', () => {
    const config = parseConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/data$/);
    expect(config.port).toBe(8080);
    expect(config.telegram).toBeUndefined();
    expect(config.zalo).toBeUndefined();
  });

  it('names every bad variable', () => {
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TELEGRAM_BOT_TOKEN: 'not a token', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'TELEGRAM_BOT_TOKEN', 'LOG_LEVEL']) expect(message).toContain(name);
    }
  });

  it('requires a secret when a webhook URL is set', () => {
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/tg' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => parseConfig({ ZALO_BOT_TOKEN: 'x', ZALO_WEBHOOK_URL: 'https://bot.example.vn/zalo' })).toThrow(/ZALO_WEBHOOK_SECRET/);
    const ok = parseConfig({ TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/tg', TELEGRAM_WEBHOOK_SECRET: 's3cr3t_-' });
    expect(ok.telegram).toMatchObject({ token: '1:abc', webhookSecret: 's3cr3t_-' });
  });

  it('refuses a webhook secret Telegram would refuse', () => {
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_URL: 'https://x.vn/tg', TELEGRAM_WEBHOOK_SECRET: 'has space' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET/,
    );
  });

  it('treats empty strings as unset', () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: '', DATABASE_URL: ' ' });
    expect(config.telegram).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
  });
});
