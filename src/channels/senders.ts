/**
 * One Sender per configured channel, each with its own pacing: Telegram at its published limits
 * (30 messages a second, one a second per chat); Zalo publishes none, so it is paced
 * conservatively. The limit belongs to the bot: on Postgres it is shared by every process
 * (channels/shared-rate-limit.ts). The app hands them to the channels (for replies) and to the scheduler (for the
 * outbox); the `remind` / `digest` commands build them the same way.
 */
import { rememberSent, rememberSentBatch, type Sender } from '../chat/sender.js';
import type { Deps } from '../chat/types.js';
import type { Config } from '../config.js';
import type { Channel } from '../domain/types.js';
import { createRateLimiter, TELEGRAM_RATE, type RateLimitOptions } from './rate-limit.js';
import { botBucket, createSharedRateLimiter } from './shared-rate-limit.js';
import { createTelegramSender, type TelegramSender } from './telegram/sender.js';
import type { ZaloClient } from './zalo/client.js';
import { createZaloSender } from './zalo/sender.js';

export const ZALO_RATE: RateLimitOptions = { perSecond: 20, perChatIntervalMs: 1000 };

export interface Senders {
  telegram?: TelegramSender;
  /** Every sender by channel (what the scheduler's worker sends the outbox through). */
  all: Map<Channel, Sender>;
}

export function createSenders(config: Config, deps: Deps, shared: { zaloClient?: ZaloClient | undefined } = {}): Senders {
  const all = new Map<Channel, Sender>();
  // On Postgres several processes may send for one bot: the overall rate is kept in the database.
  const limiter = (channel: Channel, token: string, rate: RateLimitOptions) =>
    config.databaseUrl ? createSharedRateLimiter(deps.db, { ...rate, bucket: botBucket(channel, token) }) : createRateLimiter(rate);
  let telegram: TelegramSender | undefined;
  if (config.telegram) {
    telegram = createTelegramSender({
      token: config.telegram.token,
      apiRoot: config.telegram.apiRoot,
      limiter: limiter('telegram', config.telegram.token, TELEGRAM_RATE),
      remember: rememberSent(deps, 'telegram'),
      rememberBatch: rememberSentBatch(deps, 'telegram'),
    });
    all.set('telegram', telegram);
  }
  if (config.zalo) {
    const zalo = config.zalo;
    all.set(
      'zalo',
      createZaloSender(
        {
          token: zalo.token,
          apiRoot: zalo.apiRoot,
          ...(shared.zaloClient ? { client: shared.zaloClient } : {}),
          limiter: limiter('zalo', zalo.token, ZALO_RATE),
        },
        deps,
      ),
    );
  }
  return { ...(telegram ? { telegram } : {}), all };
}
