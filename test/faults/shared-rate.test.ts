/**
 * Issue 11, defect 8: two dondoc processes on one database each paced themselves at 30 msg/s and
 * together sent 65. The limit belongs to the bot: reservations through Postgres keep N limiters
 * together within it. The limiters here are given a sleep that records when each send would go
 * (no real waiting), so the test reads the schedule they made, not the wall clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/index.js';
import { createRateLimiter, type RateLimiter } from '../../src/channels/rate-limit.js';
import { botBucket, createSharedRateLimiter } from '../../src/channels/shared-rate-limit.js';
import { reserveSendSlot } from '../../src/store/send-rate.js';
import { createTestDatabase } from '../helpers/db.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const RATE = { perSecond: 30, perChatIntervalMs: 1100 };

function peakPerSecond(times: number[]): number {
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

describe('the send rate of one bot across processes', () => {
  it('reserves slots one interval apart, whoever asks', async () => {
    const bucket = botBucket('telegram', '111:slots');
    const slots = await Promise.all(Array.from({ length: 40 }, () => reserveSendSlot(handle.db, bucket, 1000 / 30)));
    const at = slots.map((s) => s.at.getTime()).sort((a, b) => a - b);
    // Milliseconds truncate Postgres's microseconds: 33.3 ms apart reads as 33 or 34.
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(33);
  });

  it('keeps two limiters of one bot within 30 a second together (in-process limiters made 60)', async () => {
    const bucket = botBucket('telegram', '222:two-processes');
    const planned = async (make: (sleep: (ms: number) => Promise<void>) => RateLimiter) => {
      const departures: number[] = [];
      const run = async (i: number) => {
        let leaves: number | undefined;
        const limiter = make(async (ms) => {
          leaves = Date.now() + ms;
        });
        for (let k = 0; k < 45; k++) {
          leaves = undefined;
          const asked = Date.now();
          await limiter.acquire(`chat-${i}-${k}`);
          // Not held back: it could have left as soon as it asked.
          departures.push(leaves ?? asked);
        }
      };
      await Promise.all([run(0), run(1)]);
      return departures.sort((a, b) => a - b);
    };
    const slots: number[] = [];
    await planned((sleep) => createSharedRateLimiter(handle.db, { ...RATE, bucket, sleep, onSlot: (at) => slots.push(at.getTime()) }));
    expect(slots).toHaveLength(90);
    expect(peakPerSecond(slots.sort((a, b) => a - b))).toBeLessThanOrEqual(30);
    const separate = await planned((sleep) => createRateLimiter({ ...RATE, now: () => Date.now(), sleep }));
    expect(peakPerSecond(separate)).toBeGreaterThan(50);
  });
});
