import { describe, expect, it } from 'vitest';
import { backoffDelay, classifyError, describeFailure, withRetry } from '../../src/channels/retry.js';
import { ZaloApiError, ZaloNetworkError } from '../../src/channels/zalo/errors.js';

/** Shaped like grammY's GrammyError / HttpError, which retry.ts reads by shape. */
const telegram = (error_code: number, retry_after?: number): Error =>
  Object.assign(new Error(`Call to 'sendMessage' failed! (${error_code})`), {
    name: 'GrammyError',
    ok: false,
    error_code,
    description: 'x',
    parameters: retry_after === undefined ? {} : { retry_after },
  });
const telegramHttp = (): Error => Object.assign(new Error("Network request for 'sendMessage' failed!"), { name: 'HttpError' });
const zalo = (code: number): ZaloApiError => new ZaloApiError('sendMessage', code, 'x');
const half = { random: () => 0.5 };

describe('backoffDelay', () => {
  it('grows exponentially with equal jitter and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, half))).toEqual([375, 750, 1500, 3000]);
    expect(backoffDelay(1, { random: () => 0 })).toBe(250);
    expect(backoffDelay(1, { random: () => 0.999999 })).toBe(500);
    expect(backoffDelay(30, { ...half, maxMs: 10_000 })).toBe(7_500);
  });
});

describe('classifyError', () => {
  it('waits exactly the retry_after Telegram asks for on 429', () => {
    expect(classifyError(telegram(429, 7), { attempt: 4, ...half })).toEqual({ retry: true, afterMs: 7_000, reason: 'rate_limited' });
  });

  it('backs off at least a second on Zalo’s 429, which has no retry_after', () => {
    expect(classifyError(zalo(429), { attempt: 1, ...half })).toEqual({ retry: true, afterMs: 1_000, reason: 'rate_limited' });
    expect(classifyError(zalo(429), { attempt: 5, ...half }).afterMs).toBe(6_000);
  });

  it('retries server errors, timeouts and network failures with backoff', () => {
    for (const err of [zalo(500), zalo(503), telegram(502), zalo(408), telegramHttp(), new ZaloNetworkError('getMe', new Error('reset'), 'reset')]) {
      expect(classifyError(err, { attempt: 2, ...half })).toMatchObject({ retry: true, afterMs: 750 });
    }
    const timedOut = new ZaloNetworkError('getMe', undefined, 'timed out', { timedOut: true });
    expect(classifyError(timedOut, half)).toMatchObject({ retry: true, reason: 'timeout' });
    expect(classifyError(Object.assign(new Error('x'), { code: 'ECONNRESET' }), half)).toMatchObject({ retry: true, reason: 'network' });
  });

  it('reads Zalo’s 408 in a long poll as “poll again now”', () => {
    expect(classifyError(new ZaloApiError('getUpdates', 408, 'Request timeout'), { poll: true })).toEqual({
      retry: true,
      afterMs: 0,
      reason: 'poll_timeout',
    });
  });

  it('labels Telegram 403 as blocked, 401 as auth, and 400/404 as invalid', () => {
    expect(classifyError(telegram(403))).toEqual({ retry: false, permanent: 'blocked', reason: 'blocked' });
    expect(classifyError(telegram(401))).toEqual({ retry: false, permanent: 'auth', reason: 'unauthorized' });
    expect(classifyError(zalo(401))).toMatchObject({ retry: false, permanent: 'auth' });
    expect(classifyError(zalo(400))).toMatchObject({ retry: false, permanent: 'invalid', reason: 'bad_request' });
    expect(classifyError(telegram(400))).toMatchObject({ retry: false, permanent: 'invalid' });
    expect(classifyError(zalo(404))).toMatchObject({ retry: false, permanent: 'invalid', reason: 'not_found' });
  });

  it('retries Zalo’s 403 (“Internal server error” in Zalo’s table) for three attempts in all', () => {
    expect(classifyError(zalo(403), { attempt: 1, ...half })).toMatchObject({ retry: true, afterMs: 375 });
    expect(classifyError(zalo(403), { attempt: 2, ...half })).toMatchObject({ retry: true });
    expect(classifyError(zalo(403), { attempt: 3, ...half })).toEqual({ retry: false, reason: 'server_error' });
  });

  it('does not retry a caller’s abort or an error it does not recognise', () => {
    expect(classifyError(new ZaloNetworkError('getUpdates', undefined, 'aborted', { aborted: true }))).toEqual({ retry: false, reason: 'aborted' });
    expect(classifyError(new TypeError('x is undefined'))).toEqual({ retry: false, reason: 'unknown' });
    expect(describeFailure('boom')).toEqual({ kind: 'unknown' });
  });
});

describe('withRetry', () => {
  it('sleeps the classified delays between attempts and returns the first success', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw zalo(500);
        return 'ok';
      },
      { attempts: 5, sleep: async (ms) => void sleeps.push(ms), ...half },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(sleeps).toEqual([375, 750]);
  });

  it('rethrows at once when waiting would exceed maxSleepMs, leaving the wait to the caller', async () => {
    const sleeps: number[] = [];
    const err = telegram(429, 120);
    await expect(withRetry(() => Promise.reject(err), { sleep: async (ms) => void sleeps.push(ms), maxSleepMs: 60_000 })).rejects.toBe(err);
    expect(sleeps).toEqual([]);
  });

  it('rethrows a permanent error without sleeping', async () => {
    const sleeps: number[] = [];
    await expect(withRetry(() => Promise.reject(zalo(400)), { sleep: async (ms) => void sleeps.push(ms) })).rejects.toMatchObject({ errorCode: 400 });
    expect(sleeps).toEqual([]);
  });
});
