/**
 * The RateLimiter of channels/rate-limit.ts, with the overall rate kept in Postgres
 * (store/send-rate.ts) so that N dondoc processes sending for one bot stay together within the
 * bot's limit. The per-chat gap stays in the process: the outbox worker serves each chat's rows
 * in order, and a chat's rows are claimed by one worker at a time in practice. Reusable by any
 * channel: name the bucket after the bot, not the process.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/index.js';
import { holdSendSlots, reserveSendSlot } from '../store/send-rate.js';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit.js';

export interface SharedRateLimitOptions extends RateLimitOptions {
  /** One bucket per bot, e.g. botBucket('telegram', token). */
  bucket: string;
  /** Told the slot each send got, by the database's clock (metrics, tests). */
  onSlot?: (at: Date) => void;
}

/** A bucket name for a bot that does not reveal its token: the channel and a short hash. */
export function botBucket(channel: string, token: string): string {
  return `${channel}:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSharedRateLimiter(db: Db, options: SharedRateLimitOptions): RateLimiter {
  const sleep = options.sleep ?? realSleep;
  // 10 % under the limit: each process sleeps until its slot and then makes an HTTP call, and
  // event-loop and network jitter bunch calls together; Telegram counts per second, and 27 a
  // second with zero 429s beats 30 with a few (measured by bench/chaos.ts).
  const interval = (1000 / options.perSecond) * 1.1;
  // In-process: only the per-chat gap (an unbounded overall rate here; the bucket holds that).
  const perChat = createRateLimiter({ ...options, perSecond: Number.POSITIVE_INFINITY });
  return {
    async acquire(key) {
      await perChat.acquire(key);
      const slot = await reserveSendSlot(db, options.bucket, interval);
      options.onSlot?.(slot.at);
      if (slot.waitMs > 0) await sleep(slot.waitMs);
    },
    pause(key, ms) {
      perChat.pause(key, ms);
      holdSendSlots(db, options.bucket, ms).catch(() => undefined);
    },
  };
}
