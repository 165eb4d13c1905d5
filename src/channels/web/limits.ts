/**
 * A fixed-window counter per key (a chat, an address), in memory: what one visitor of the web
 * chat may write. Physical time from the caller, so tests can drive it; keys of past windows are
 * dropped as the map grows.
 */
export interface WindowLimit {
  /** Counts one event for `key` at `nowMs`; false when the key is over its limit in this window. */
  allow(key: string, nowMs: number): boolean;
}

const MAX_KEYS = 50_000;

export function createWindowLimit(limit: number, windowMs: number): WindowLimit {
  const counts = new Map<string, { window: number; n: number }>();
  return {
    allow(key, nowMs) {
      const window = Math.floor(nowMs / windowMs);
      if (counts.size > MAX_KEYS) for (const [k, v] of counts) if (v.window !== window) counts.delete(k);
      const entry = counts.get(key);
      if (!entry || entry.window !== window) {
        counts.set(key, { window, n: 1 });
        return true;
      }
      entry.n++;
      return entry.n <= limit;
    },
  };
}
