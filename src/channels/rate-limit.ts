/**
 * In-process pacing of outbound messages: about N a second overall and one a second per chat
 * (Telegram's published limits, PLATFORMS.md §1). Each call reserves the earliest slot both
 * limits allow and sleeps until it, so concurrent senders queue fairly and a burst never leaves
 * the process faster than the platform accepts. This is physical time (performance.now), not
 * the business Clock: it paces HTTP calls, it decides nothing about tasks.
 */

export interface RateLimiter {
  /** Waits until one message to `key` (a chat) may be sent. */
  acquire(key: string): Promise<void>;
  /** The platform said "retry after": hold back this chat, and everything, for `ms`. */
  pause(key: string, ms: number): void;
}

export interface RateLimitOptions {
  perSecond: number;
  /** Minimum gap between two messages to one chat; a little over a second absorbs network jitter. */
  perChatIntervalMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const TELEGRAM_RATE: RateLimitOptions = { perSecond: 30, perChatIntervalMs: 1100 };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const MAX_TRACKED_CHATS = 10_000;

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const interval = 1000 / options.perSecond;
  let nextGlobal = 0;
  const nextByChat = new Map<string, number>();

  function forgetIdleChats(t: number): void {
    if (nextByChat.size < MAX_TRACKED_CHATS) return;
    for (const [key, at] of nextByChat) if (at <= t) nextByChat.delete(key);
  }

  return {
    async acquire(key) {
      const t = now();
      forgetIdleChats(t);
      const slot = Math.max(t, nextGlobal, nextByChat.get(key) ?? 0);
      nextGlobal = slot + interval;
      nextByChat.set(key, slot + options.perChatIntervalMs);
      if (slot > t) await sleep(slot - t);
    },
    pause(key, ms) {
      const until = now() + ms;
      nextGlobal = Math.max(nextGlobal, until);
      nextByChat.set(key, Math.max(nextByChat.get(key) ?? 0, until));
    },
  };
}
