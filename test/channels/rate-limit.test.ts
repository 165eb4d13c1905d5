import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/channels/rate-limit.js';

function fakeTime() {
  let now = 0;
  const sent: { key: string; at: number }[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    sent,
    set: (t: number) => {
      now = t;
    },
  };
}

describe('the outbound rate limiter', () => {
  it('spaces messages to the overall rate and one chat to its interval', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 10, perChatIntervalMs: 1000, now: time.now, sleep: time.sleep });
    const slots: [string, number][] = [];
    for (const key of ['a', 'b', 'c', 'a', 'd']) {
      // Each call reserves its slot at once; the fake sleep advances time to it.
      const start = time.now();
      await limiter.acquire(key);
      slots.push([key, time.now()]);
      time.set(start);
    }
    expect(slots).toEqual([
      ['a', 0],
      ['b', 100],
      ['c', 200],
      ['a', 1000],
      ['d', 1100],
    ]);
  });

  it('holds everything back after a "retry after"', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 30, perChatIntervalMs: 1100, now: time.now, sleep: time.sleep });
    limiter.pause('a', 3000);
    await limiter.acquire('b');
    expect(time.now()).toBe(3000);
  });
});
