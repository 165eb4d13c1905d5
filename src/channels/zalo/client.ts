/**
 * A small typed client for the Zalo Bot API (bot-token API; no SDK), built on undici.
 *
 * Every call is `POST {apiRoot}/bot<TOKEN>/<method>` with a JSON body. Answers are
 * `{ ok: true, result }` or `{ ok: false, error_code, description }`, and HTTP 200 does not imply
 * ok, so the body decides. Failures are a ZaloApiError (Zalo said no) or a ZaloNetworkError (no
 * usable answer). The token is part of the URL: the URL is never logged and the token is scrubbed
 * from every error.
 *
 * Idempotent calls (getMe, getWebhookInfo, setWebhook, deleteWebhook) are retried with backoff.
 * Sends are not: a send that timed out may have been delivered, and the outbox worker, which
 * owns delivery, decides with `classifyError` from ../retry.ts. getUpdates is not retried
 * either: the polling loop simply polls again.
 */
import { Agent, request, type Dispatcher } from 'undici';
import { z } from 'zod';
import { withRetry, type WithRetryOptions } from '../retry.js';
import { ZaloApiError, ZaloNetworkError, redactToken, scrubError } from './errors.js';
import type {
  ZaloBotInfo,
  ZaloCallOptions,
  ZaloGetUpdatesParams,
  ZaloMethod,
  ZaloSendChatActionParams,
  ZaloSendMessageParams,
  ZaloSendPhotoParams,
  ZaloSentMessage,
  ZaloSetWebhookParams,
  ZaloUpdate,
  ZaloWebhookInfo,
} from './types.js';
import { parseZaloUpdate, parseZaloWebhookBody } from './webhook.js';

export const ZALO_DEFAULT_API_ROOT = 'https://bot-api.zaloplatforms.com';

export interface ZaloClientOptions {
  token: string;
  /** Default https://bot-api.zaloplatforms.com (ZALO_API_ROOT); no trailing slash needed. */
  apiRoot?: string;
  /** Deadline for one ordinary call, connection to last byte (default 10 s). */
  timeoutMs?: number;
  /** Added to a long poll's own duration to make its deadline (default 10 s). */
  pollMarginMs?: number;
  /** Deadline for sendPhoto, which waits while Zalo fetches the image (default 30 s). */
  photoTimeoutMs?: number;
  /** Bring your own undici dispatcher; otherwise the client owns a keep-alive Agent. */
  dispatcher?: Dispatcher;
  /** Retry settings for idempotent calls; inject `sleep` and `random` in tests. */
  retry?: WithRetryOptions;
  /** Called for each update getUpdates could not parse (it is skipped). */
  onInvalidUpdate?: (raw: unknown) => void;
}

export interface ZaloClient {
  getMe(options?: ZaloCallOptions): Promise<ZaloBotInfo>;
  /** One long poll. Zalo answers one update, a list, or 408 when nothing came: always a list here. */
  getUpdates(params?: ZaloGetUpdatesParams & ZaloCallOptions): Promise<ZaloUpdate[]>;
  setWebhook(params: ZaloSetWebhookParams, options?: ZaloCallOptions): Promise<ZaloWebhookInfo>;
  deleteWebhook(options?: ZaloCallOptions): Promise<ZaloWebhookInfo>;
  getWebhookInfo(options?: ZaloCallOptions): Promise<ZaloWebhookInfo>;
  /** Not retried (see the module comment). */
  sendMessage(params: ZaloSendMessageParams, options?: ZaloCallOptions): Promise<ZaloSentMessage>;
  /** Not retried (see the module comment). */
  sendPhoto(params: ZaloSendPhotoParams, options?: ZaloCallOptions): Promise<ZaloSentMessage>;
  sendChatAction(params: ZaloSendChatActionParams, options?: ZaloCallOptions): Promise<void>;
  /** Call any method and get its raw `result`; for methods this client does not wrap yet. */
  call(method: ZaloMethod, body: object, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<unknown>;
  /** Close the keep-alive connections if the client owns them. */
  close(): Promise<void>;
}

const DEFAULT_POLL_SECONDS = 30;

const idString = z.union([z.string(), z.number()]).transform(String);
const botInfoSchema = z.object({
  id: idString,
  account_name: z.string().catch(''),
  account_type: z.string().catch(''),
  can_join_groups: z.boolean().catch(false),
});
const webhookInfoSchema = z.object({
  url: z
    .string()
    .nullish()
    .transform((url) => url ?? ''),
  updated_at: z.number().optional().catch(undefined),
});

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const { token, timeoutMs = 10_000, pollMarginMs = 10_000, photoTimeoutMs = 30_000 } = options;
  if (!/^[^\s/?#]+$/.test(token)) {
    throw new Error('createZaloClient: the Zalo bot token is empty or contains "/", "?", "#" or spaces; check ZALO_BOT_TOKEN');
  }
  const apiRoot = (options.apiRoot ?? ZALO_DEFAULT_API_ROOT).replace(/\/+$/, '');
  const ownsDispatcher = options.dispatcher === undefined;
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 });

  const call = async (method: ZaloMethod, body: object, callOptions: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<unknown> => {
    const deadline = callOptions.timeoutMs ?? timeoutMs;
    const abort = deadlineSignal(deadline, callOptions.signal);
    try {
      const answer = await post(dispatcher, `${apiRoot}/bot${token}/${method}`, body, deadline, abort.signal);
      return readEnvelope(method, answer, token);
    } catch (cause) {
      if (cause instanceof ZaloApiError || cause instanceof ZaloNetworkError) throw cause;
      throw toNetworkError(method, cause, token, {
        timedOut: abort.timedOut(),
        aborted: callOptions.signal?.aborted ?? false,
      });
    } finally {
      abort.dispose();
    }
  };

  const retrying = <T>(fn: () => Promise<T>): Promise<T> => withRetry(fn, options.retry);

  const webhookInfo = async (method: ZaloMethod, body: object, o?: ZaloCallOptions): Promise<ZaloWebhookInfo> =>
    parseResult(method, webhookInfoSchema, await call(method, body, o));

  return {
    getMe: (o) => retrying(async () => parseResult('getMe', botInfoSchema, await call('getMe', {}, o))),

    async getUpdates(params = {}) {
      const seconds = params.timeout ?? DEFAULT_POLL_SECONDS;
      try {
        const result = await call(
          'getUpdates',
          { timeout: String(seconds) },
          { timeoutMs: seconds * 1000 + pollMarginMs, ...(params.signal ? { signal: params.signal } : {}) },
        );
        return toUpdates(result, options.onInvalidUpdate);
      } catch (err) {
        if (err instanceof ZaloApiError && err.errorCode === 408) return [];
        throw err;
      }
    },

    setWebhook: (params, o) => retrying(() => webhookInfo('setWebhook', { url: params.url, secret_token: params.secret_token }, o)),
    deleteWebhook: (o) => retrying(() => webhookInfo('deleteWebhook', {}, o)),
    getWebhookInfo: (o) => retrying(() => webhookInfo('getWebhookInfo', {}, o)),

    sendMessage: async (params, o) => toSent(await call('sendMessage', { chat_id: params.chat_id, text: params.text }, o)),

    sendPhoto: async (params, o) =>
      toSent(
        await call(
          'sendPhoto',
          { chat_id: params.chat_id, photo: params.photo, ...(params.caption ? { caption: params.caption } : {}) },
          { timeoutMs: photoTimeoutMs, ...(o?.signal ? { signal: o.signal } : {}) },
        ),
      ),

    async sendChatAction(params, o) {
      await call('sendChatAction', { chat_id: params.chat_id, action: params.action }, o);
    },

    call,

    async close() {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}

interface HttpAnswer {
  status: number;
  text: string;
  retryAfterHeader: string | string[] | undefined;
}

async function post(dispatcher: Dispatcher, url: string, body: object, deadline: number, signal: AbortSignal): Promise<HttpAnswer> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    dispatcher,
    signal,
    // Slightly later than our own deadline, so that a timeout is always reported as ours.
    headersTimeout: deadline + 1_000,
    bodyTimeout: deadline + 1_000,
  });
  const text = await response.body.text();
  return { status: response.statusCode, text, retryAfterHeader: response.headers['retry-after'] };
}

/**
 * One signal fed by the call's deadline and the caller's signal. Hand-rolled rather than
 * AbortSignal.any, which has leaked listeners on long-lived signals in some Node 20 releases, and
 * a polling loop passes the same shutdown signal thousands of times.
 */
function deadlineSignal(deadline: number, callerSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deadline);
  const onCallerAbort = (): void => controller.abort();
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  if (callerSignal?.aborted) controller.abort();
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

function toNetworkError(method: ZaloMethod, cause: unknown, token: string, flags: { timedOut: boolean; aborted: boolean }): ZaloNetworkError {
  scrubError(cause, token);
  const c = cause as { name?: unknown; code?: unknown; message?: unknown } | null;
  const parts = [c?.code, c?.name, c?.message].filter((p): p is string => typeof p === 'string' && p !== '');
  let detail = flags.aborted ? 'aborted by caller' : flags.timedOut ? 'timed out' : parts.join(': ') || 'unknown error';
  detail = redactToken(detail, token);
  return new ZaloNetworkError(method, cause, detail, { timedOut: flags.timedOut && !flags.aborted, aborted: flags.aborted });
}

/** Turn an HTTP answer into the `result`, or throw. */
function readEnvelope(method: ZaloMethod, { status, text, retryAfterHeader }: HttpAnswer, token: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const envelope = json as { ok?: unknown; result?: unknown; error_code?: unknown; description?: unknown } | undefined;
  if (typeof envelope?.ok !== 'boolean') {
    if (status >= 200 && status < 300) {
      throw new ZaloNetworkError(method, undefined, `HTTP ${status} with a body that is not Zalo's JSON`);
    }
    throw new ZaloApiError(method, status, `HTTP ${status} without a Zalo answer`, { httpStatus: status, ...retryAfter(json, retryAfterHeader) });
  }
  if (envelope.ok) return envelope.result;
  const code = typeof envelope.error_code === 'number' ? envelope.error_code : status >= 400 ? status : 0;
  const description = redactToken(typeof envelope.description === 'string' ? envelope.description : 'no description', token);
  throw new ZaloApiError(method, code, description, { httpStatus: status, ...retryAfter(json, retryAfterHeader) });
}

/** Zalo documents no retry hint; honour one if an answer ever carries it. */
function retryAfter(json: unknown, header: string | string[] | undefined): { retryAfterMs?: number } {
  const fromBody = (json as { parameters?: { retry_after?: unknown } } | undefined)?.parameters?.retry_after;
  if (typeof fromBody === 'number' && fromBody >= 0) return { retryAfterMs: fromBody * 1000 };
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined && /^\d+$/.test(value.trim())) return { retryAfterMs: Number(value.trim()) * 1000 };
  return {};
}

function parseResult<T>(method: ZaloMethod, schema: z.ZodType<T>, result: unknown): T {
  const parsed = schema.safeParse(result);
  if (parsed.success) return parsed.data;
  throw new ZaloApiError(method, 502, `ok:true with an unexpected result shape (${parsed.error.issues[0]?.message ?? 'invalid'})`);
}

/** A send that Zalo accepted is a success even if the result is odd: failing it would cause a duplicate. */
function toSent(result: unknown): ZaloSentMessage {
  const r = (typeof result === 'object' && result !== null ? result : {}) as { message_id?: unknown; date?: unknown };
  const messageId = typeof r.message_id === 'string' || typeof r.message_id === 'number' ? String(r.message_id) : '';
  return typeof r.date === 'number' ? { message_id: messageId, date: r.date } : { message_id: messageId };
}

function toUpdates(result: unknown, onInvalid?: (raw: unknown) => void): ZaloUpdate[] {
  if (result === null || result === undefined) return [];
  const items = Array.isArray(result) ? result : [result];
  const updates: ZaloUpdate[] = [];
  for (const item of items) {
    if (typeof item === 'object' && item !== null && Object.keys(item).length === 0) continue;
    const update = parseZaloUpdate(item) ?? parseZaloWebhookBody(item);
    if (update) updates.push(update);
    else onInvalid?.(item);
  }
  return updates;
}
