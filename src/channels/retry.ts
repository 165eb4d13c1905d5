/**
 * When to retry an outbound platform call, and after how long. Shared by the Zalo client (for its
 * idempotent calls) and the outbox delivery worker (for sends, on both Telegram and Zalo).
 *
 * `classifyError` is pure: it looks at an error and the attempt number and returns a decision; the
 * caller owns the waiting (an injected sleep, or a `next_attempt_at` column). Rules:
 * - the platform asked us to wait (Telegram 429 `parameters.retry_after`) → wait exactly that;
 * - rate limited without a hint (Zalo 429 has no documented retry_after) → backoff, at least 1 s;
 * - 5xx, 408 outside a long poll, network failures and timeouts → backoff;
 * - 408 inside a long poll is Zalo's "no updates" → poll again at once;
 * - Telegram 403 → permanent 'blocked' (the user blocked the bot or left the chat);
 * - Zalo 403 is labelled "Internal server error" in Zalo's error table, so it is treated as a
 *   server fault and retried, but only up to ZALO_403_MAX_ATTEMPTS attempts in all: if it really
 *   means "forbidden", a few retries cost little;
 * - 401 → permanent 'auth' (the token is wrong: every call will fail until config changes);
 * - 400, 404 and other 4xx → permanent 'invalid' (this request will never succeed);
 * - the caller aborted (shutdown) or an unrecognised error (a bug) → no retry.
 *
 * Backoff is exponential with "equal jitter": attempt n waits between c/2 and c, where
 * c = min(maxMs, baseMs·2^(n-1)), so retries spread out but never fire immediately.
 */
import type { RetryDecision } from '../chat/sender.js';
import { ZaloApiError, ZaloNetworkError } from './zalo/errors.js';

export type { FailureReason, PermanentKind, RetryDecision } from '../chat/sender.js';

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** Returns a number in [0, 1); injected by tests. */
  random?: () => number;
}

export interface ClassifyOptions extends BackoffOptions {
  /** Which attempt just failed, starting at 1. */
  attempt?: number;
  /** The call was a long poll (getUpdates), where a 408 means "nothing new". */
  poll?: boolean;
}

export const DEFAULT_BASE_MS = 500;
export const DEFAULT_MAX_MS = 60_000;
export const RATE_LIMIT_FLOOR_MS = 1_000;
export const ZALO_403_MAX_ATTEMPTS = 3;

/** Delay before the retry that follows failed attempt `attempt` (1-based). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = DEFAULT_BASE_MS, maxMs = DEFAULT_MAX_MS, random = Math.random } = options;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A platform-neutral reading of an error thrown by an outbound call. */
export type OutboundFailure =
  | { kind: 'api'; platform: 'zalo' | 'telegram'; code: number; retryAfterMs?: number }
  | { kind: 'network'; timedOut: boolean; aborted: boolean }
  | { kind: 'unknown' };

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * Reads Zalo errors by class and grammY's by shape (GrammyError: `error_code`, `parameters`;
 * HttpError: `name`), so this module does not depend on a particular grammY copy.
 */
export function describeFailure(err: unknown): OutboundFailure {
  if (err instanceof ZaloApiError) {
    return { kind: 'api', platform: 'zalo', code: err.errorCode, ...optionalRetryAfter(err.retryAfterMs) };
  }
  if (err instanceof ZaloNetworkError) return { kind: 'network', timedOut: err.timedOut, aborted: err.aborted };
  if (typeof err !== 'object' || err === null) return { kind: 'unknown' };
  const e = err as { name?: unknown; code?: unknown; error_code?: unknown; parameters?: { retry_after?: unknown } };
  if (typeof e.error_code === 'number') {
    const after = e.parameters?.retry_after;
    return {
      kind: 'api',
      platform: 'telegram',
      code: e.error_code,
      ...optionalRetryAfter(typeof after === 'number' ? after * 1000 : undefined),
    };
  }
  if (e.name === 'HttpError') return { kind: 'network', timedOut: false, aborted: false };
  if (e.name === 'TimeoutError') return { kind: 'network', timedOut: true, aborted: false };
  if (e.name === 'AbortError') return { kind: 'network', timedOut: false, aborted: true };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || e.code.startsWith('UND_ERR_'))) {
    return { kind: 'network', timedOut: e.code.includes('TIMEOUT'), aborted: e.code === 'UND_ERR_ABORTED' };
  }
  return { kind: 'unknown' };
}

function optionalRetryAfter(ms: number | undefined): { retryAfterMs?: number } {
  return ms !== undefined && Number.isFinite(ms) && ms >= 0 ? { retryAfterMs: ms } : {};
}

/** Decide whether the call that failed with `err` on attempt `options.attempt` should be retried. */
export function classifyError(err: unknown, options: ClassifyOptions = {}): RetryDecision {
  const attempt = options.attempt ?? 1;
  const failure = describeFailure(err);
  const backoff = (): number => backoffDelay(attempt, options);
  if (failure.kind === 'unknown') return { retry: false, reason: 'unknown' };
  if (failure.kind === 'network') {
    if (failure.aborted) return { retry: false, reason: 'aborted' };
    return { retry: true, afterMs: backoff(), reason: failure.timedOut ? 'timeout' : 'network' };
  }
  const { code, platform } = failure;
  if (code === 429) {
    const afterMs = failure.retryAfterMs ?? Math.max(RATE_LIMIT_FLOOR_MS, backoff());
    return { retry: true, afterMs, reason: 'rate_limited' };
  }
  if (code === 408) {
    if (options.poll) return { retry: true, afterMs: 0, reason: 'poll_timeout' };
    return { retry: true, afterMs: backoff(), reason: 'timeout' };
  }
  if (code >= 500 && code <= 599) return { retry: true, afterMs: backoff(), reason: 'server_error' };
  if (code === 403) {
    if (platform === 'telegram') return { retry: false, permanent: 'blocked', reason: 'blocked' };
    if (attempt < ZALO_403_MAX_ATTEMPTS) return { retry: true, afterMs: backoff(), reason: 'server_error' };
    return { retry: false, reason: 'server_error' };
  }
  if (code === 401) return { retry: false, permanent: 'auth', reason: 'unauthorized' };
  if (code === 404) return { retry: false, permanent: 'invalid', reason: 'not_found' };
  if (code >= 400 && code <= 499) return { retry: false, permanent: 'invalid', reason: 'bad_request' };
  return { retry: false, permanent: 'invalid', reason: 'unknown' };
}

export interface RetryInfo {
  /** The attempt that just failed, starting at 1. */
  attempt: number;
  delayMs: number;
  error: unknown;
  decision: RetryDecision;
}

export interface WithRetryOptions extends BackoffOptions {
  /** Total attempts, including the first (default 3). */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: RetryInfo) => void;
  /** Give up at once, rather than sleep, when a wait would exceed this (default 60 s). */
  maxSleepMs?: number;
  /** Replace the decision rule (defaults to `classifyError`). */
  classify?: (err: unknown, attempt: number) => RetryDecision;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Run `fn` until it succeeds, the error is not worth retrying, or attempts run out; rethrows the
 * last error unchanged. Only for idempotent calls: a send that timed out may have been delivered.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: WithRetryOptions = {}): Promise<T> {
  const { attempts = 3, sleep = realSleep, onRetry, maxSleepMs = 60_000 } = options;
  const classify = options.classify ?? ((err: unknown, attempt: number) => classifyError(err, { ...options, attempt }));
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const decision = classify(error, attempt);
      const delayMs = decision.afterMs ?? 0;
      if (!decision.retry || attempt >= attempts || delayMs > maxSleepMs) throw error;
      onRetry?.({ attempt, delayMs, error, decision });
      await sleep(delayMs);
    }
  }
}
