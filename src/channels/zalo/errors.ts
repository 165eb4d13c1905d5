/**
 * The two ways a Zalo call fails, kept apart so retry rules can tell them apart (the split grammY
 * makes between GrammyError and HttpError):
 * - ZaloApiError: Zalo (or an HTTP proxy in front of it) answered and said no.
 * - ZaloNetworkError: no usable answer arrived: connection refused or dropped, timeout, abort.
 *   On a send this is ambiguous: Zalo may have delivered the message before the line broke.
 *
 * Neither ever contains the bot token: it sits in the request URL, and the client scrubs it from
 * everything it wraps (see `redactToken`).
 */
import type { ZaloMethod } from './types.js';

export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  /** Zalo's `error_code` (400, 401, 403, 404, 408, 429, …), or the HTTP status when the body was not Zalo's JSON. */
  readonly errorCode: number;
  readonly description: string;
  readonly method: ZaloMethod;
  /** HTTP status of the answer, which need not match `errorCode` (Zalo may say 200 with ok:false). */
  readonly httpStatus: number | undefined;
  /**
   * A wait the answer asked for (an undocumented `parameters.retry_after` or an HTTP Retry-After
   * header); Zalo documents neither, so this is normally undefined.
   */
  readonly retryAfterMs: number | undefined;

  constructor(method: ZaloMethod, errorCode: number, description: string, extra: { httpStatus?: number; retryAfterMs?: number } = {}) {
    super(`Zalo ${method} failed with ${errorCode}: ${description}${hintFor(errorCode)}`);
    this.method = method;
    this.errorCode = errorCode;
    this.description = description;
    this.httpStatus = extra.httpStatus;
    this.retryAfterMs = extra.retryAfterMs;
  }
}

export class ZaloNetworkError extends Error {
  override readonly name = 'ZaloNetworkError';
  readonly method: ZaloMethod;
  /** The client's own per-request deadline passed. */
  readonly timedOut: boolean;
  /** The caller's AbortSignal fired (shutdown); not worth retrying. */
  readonly aborted: boolean;

  constructor(method: ZaloMethod, cause: unknown, detail: string, flags: { timedOut?: boolean; aborted?: boolean } = {}) {
    super(`Zalo ${method}: network failure (${detail}); check that ZALO_API_ROOT is reachable`, { cause });
    this.method = method;
    this.timedOut = flags.timedOut ?? false;
    this.aborted = flags.aborted ?? false;
  }
}

function hintFor(code: number): string {
  if (code === 401) return ' (the bot token is wrong or was reset in Zalo Bot Creator: update ZALO_BOT_TOKEN)';
  if (code === 429) return ' (Zalo quota exceeded: slow down)';
  return '';
}

/**
 * Replace every occurrence of the token in a string. Also covers the URL-encoded form, since
 * tokens contain ':' which some libraries escape.
 */
export function redactToken(text: string, token: string): string {
  if (token === '') return text;
  let out = text.split(token).join('<token>');
  const encoded = encodeURIComponent(token);
  if (encoded !== token) out = out.split(encoded).join('<token>');
  return out;
}

/**
 * Scrub the token from an error thrown by the HTTP library (message, stack, and its own causes),
 * in place, so that logging the ZaloNetworkError's cause chain cannot leak it.
 */
export function scrubError(err: unknown, token: string, depth = 0): void {
  if (!(err instanceof Error) || depth > 4) return;
  try {
    err.message = redactToken(err.message, token);
    if (typeof err.stack === 'string') err.stack = redactToken(err.stack, token);
  } catch {
    // Some errors have read-only fields; they then never held a URL we built.
  }
  scrubError(err.cause, token, depth + 1);
}
