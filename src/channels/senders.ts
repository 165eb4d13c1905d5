/**
 * One outbox Sender per configured channel, each with its own pacing: Telegram at its published
 * limits (30 messages a second, one a second per chat); Zalo publishes none, so it is paced
 * conservatively. The app and the `remind` / `digest` commands build them the same way.
 */
import type { Deps } from '../chat/types.js';
import type { Sender } from '../chat/sender.js';
import { createTelegramSender } from './telegram/sender.js';
import type { ZaloClient } from './zalo/client.js';
import { createZaloSender } from './zalo/sender.js';
import type { Config } from '../config.js';
import type { Channel } from '../domain/types.js';
import { createRateLimiter, TELEGRAM_RATE, type RateLimitOptions } from './rate-limit.js';

export const ZALO_RATE: RateLimitOptions = { perSecond: 20, perChatIntervalMs: 1000 };

export function createSenders(config: Config, deps: Deps, shared: { zaloClient?: ZaloClient | undefined } = {}): Map<Channel, Sender> {
  const senders = new Map<Channel, Sender>();
  if (config.telegram) {
    senders.set('telegram', createTelegramSender({ token: config.telegram.token, apiRoot: config.telegram.apiRoot, limiter: createRateLimiter(TELEGRAM_RATE) }));
  }
  if (config.zalo) {
    const zalo = config.zalo;
    senders.set(
      'zalo',
      createZaloSender({ token: zalo.token, apiRoot: zalo.apiRoot, ...(shared.zaloClient ? { client: shared.zaloClient } : {}), limiter: createRateLimiter(ZALO_RATE) }, deps),
    );
  }
  return senders;
}
