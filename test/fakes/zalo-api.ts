/**
 * A fake Zalo Bot API on 127.0.0.1, faithful to the documented shapes and limits
 * (../shared/PLATFORMS.md §2), so the Zalo channel can be tested end to end at the network edge.
 *
 * - `/bot<TOKEN>/<method>`; a wrong token answers 401 Unauthorized, a case-mismatched or unknown
 *   method 400 (Zalo's table: "bad request: wrong path or invalid API name"), any other path 404.
 * - Params from the query string, a JSON body or a form body, GET or POST.
 * - Errors are `{ ok:false, error_code, description }` sent with HTTP 200 (HTTP 200 does not imply
 *   ok on Zalo); `mirrorErrorStatus: true` sends them with the HTTP status = error_code instead.
 * - getUpdates is a long poll that answers ONE update object per call (as documented; set
 *   `updatesAsList` for a list), or error 408 "Request timeout" after `timeout` seconds.
 * - setWebhook needs an https URL and an 8–256 character secret_token; while a webhook is set,
 *   getUpdates fails with 400 (undocumented: Telegram says 409, absent from Zalo's error table,
 *   whose closest entry is 400).
 * - Text limits (sendMessage text, sendPhoto caption: 1–2000) are counted in UTF-16 code units,
 *   the strictest plausible reading (see src/channels/zalo/split.ts).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { ZaloUpdate } from '../../src/channels/zalo/types.js';

export interface FakeZaloOptions {
  token?: string;
  /** Answer getUpdates with every queued update as a list instead of one object per call. */
  updatesAsList?: boolean;
  mirrorErrorStatus?: boolean;
  /** Clock for message dates, epoch ms. */
  now?: () => number;
}

export interface SentRecord {
  method: 'sendMessage' | 'sendPhoto' | 'sendSticker';
  chat_id: string;
  /** The text, or the photo caption ('' when none). */
  text: string;
  photo?: string;
  sticker?: string;
  message_id: string;
  date: number;
}

export interface CallRecord {
  method: string;
  httpMethod: string;
  contentType: string | undefined;
  params: Record<string, unknown>;
  tokenOk: boolean;
}

/**
 * An injected failure for the next call of a method: 'network' drops the connection without an
 * answer; otherwise `status` is the Zalo error_code to answer with (served like the fake's other
 * errors), `httpStatus` forces the HTTP status, `body` replaces the whole body (string = raw),
 * and `delayMs` delays the answer (alone: then answer normally).
 */
export type FailureSpec = 'network' | { status?: number; httpStatus?: number; body?: unknown; delayMs?: number };

export interface FakeZaloUser {
  id: string;
  displayName: string;
  send(text: string): ZaloUpdate;
  sendSticker(sticker?: string): ZaloUpdate;
  sendImage(url: string, caption?: string): ZaloUpdate;
  /** What a sender from a protected group produces: no content at all. */
  sendUnsupported(): ZaloUpdate;
}

export interface FakeZalo {
  apiRoot: string;
  token: string;
  sent: SentRecord[];
  calls: CallRecord[];
  actions: Array<{ chat_id: string; action: string }>;
  updatesAsList: boolean;
  user(id: string, displayName?: string): FakeZaloUser;
  /** Queue any raw update object, e.g. an odd shape. */
  queue(update: unknown): void;
  pendingUpdates(): number;
  waitingPolls(): number;
  sentTo(chatId: string): SentRecord[];
  waitForSent(predicate: (record: SentRecord) => boolean, timeoutMs?: number): Promise<SentRecord>;
  failNext(method: string, spec: FailureSpec): void;
  webhook(): { url: string; secret: string; updated_at: number } | null;
  /** Deliver an update like Zalo does; `secret` undefined = the configured one, null = no header. */
  postWebhook(url: string, update: unknown, secret?: string | null, options?: { wrapped?: boolean }): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

const TEXT_LIMIT = 2000;
const METHODS = new Set(['getMe', 'getUpdates', 'setWebhook', 'deleteWebhook', 'getWebhookInfo', 'sendMessage', 'sendPhoto', 'sendSticker', 'sendChatAction']);

class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

interface Waiter {
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

export async function startFakeZalo(options: FakeZaloOptions = {}): Promise<FakeZalo> {
  const token = options.token ?? '1234567890:fake-zalo-bot-token';
  const now = options.now ?? Date.now;
  const queue: unknown[] = [];
  const waiters: Waiter[] = [];
  const failures = new Map<string, FailureSpec[]>();
  const sentListeners = new Set<() => void>();
  let hook: { url: string; secret: string; updated_at: number } | null = null;
  let hookUpdatedAt = now();

  const fake: FakeZalo = {
    apiRoot: '',
    token,
    sent: [],
    calls: [],
    actions: [],
    updatesAsList: options.updatesAsList ?? false,
    user: (id, displayName = `User ${id}`) => makeUser(id, displayName, now, (u) => fake.queue(u)),
    queue(update) {
      queue.push(update);
      flushWaiters();
    },
    pendingUpdates: () => queue.length,
    waitingPolls: () => waiters.length,
    sentTo: (chatId) => fake.sent.filter((r) => r.chat_id === chatId),
    waitForSent(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const hit = fake.sent.find(predicate);
          if (!hit) return false;
          sentListeners.delete(check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          sentListeners.delete(check);
          reject(new Error(`waitForSent: nothing matched within ${timeoutMs} ms; sent: ${JSON.stringify(fake.sent)}`));
        }, timeoutMs);
        if (!check()) sentListeners.add(check);
      });
    },
    failNext(method, spec) {
      failures.set(method, [...(failures.get(method) ?? []), spec]);
    },
    webhook: () => hook,
    async postWebhook(url, update, secret, opts = {}) {
      const header = secret === undefined ? hook?.secret : (secret ?? undefined);
      const body = opts.wrapped === false ? update : { ok: true, result: update };
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(header ? { 'x-bot-api-secret-token': header } : {}) },
        body: JSON.stringify(body),
        reset: true,
      });
      return { status: res.statusCode, body: await res.body.text() };
    },
    async close() {
      for (const w of waiters.splice(0)) {
        clearTimeout(w.timer);
        w.res.destroy();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function record(entry: Omit<SentRecord, 'message_id' | 'date'>): { message_id: string; date: number } {
    const sent = { ...entry, message_id: newMessageId(), date: now() };
    fake.sent.push(sent);
    for (const listener of [...sentListeners]) listener();
    return { message_id: sent.message_id, date: sent.date };
  }

  function flushWaiters(): void {
    while (queue.length > 0 && waiters.length > 0) {
      const waiter = waiters.shift();
      if (!waiter) break;
      clearTimeout(waiter.timer);
      if (waiter.res.destroyed) continue;
      reply(waiter.res, 200, { ok: true, result: takeUpdates() });
    }
  }

  function takeUpdates(): unknown {
    return fake.updatesAsList ? queue.splice(0) : queue.shift();
  }

  function fail(res: ServerResponse, code: number, description: string, httpStatus?: number): void {
    reply(res, httpStatus ?? (options.mirrorErrorStatus ? code : 200), { ok: false, error_code: code, description });
  }

  /** Answers a method call; returns the result, throws ApiFailure, or returns `undefined` when it took over `res`. */
  function handle(method: string, p: Record<string, unknown>, res: ServerResponse): unknown {
    switch (method) {
      case 'getMe':
        return { id: '1459232241454765289', account_name: 'bot.FakeDondoc', account_type: 'BASIC', can_join_groups: false };
      case 'getUpdates':
        return poll(p, res);
      case 'setWebhook': {
        const url = requireString(p, 'url');
        if (!isHttpsUrl(url)) throw new ApiFailure(400, 'Bad request: url must be an HTTPS URL');
        const secret = requireString(p, 'secret_token');
        if (secret.length < 8 || secret.length > 256) {
          throw new ApiFailure(400, 'Bad request: secret_token must be 8-256 characters');
        }
        hook = { url, secret, updated_at: (hookUpdatedAt = now()) };
        return { url, updated_at: hookUpdatedAt };
      }
      case 'deleteWebhook':
        hook = null;
        return { url: '', updated_at: (hookUpdatedAt = now()) };
      case 'getWebhookInfo':
        return { url: hook?.url ?? '', updated_at: hookUpdatedAt };
      case 'sendMessage': {
        const chat_id = requireString(p, 'chat_id');
        return record({ method, chat_id, text: requireText(p, 'text', true) });
      }
      case 'sendPhoto': {
        const chat_id = requireString(p, 'chat_id');
        const photo = requireString(p, 'photo');
        if (!/^https?:\/\//.test(photo)) throw new ApiFailure(400, 'Bad request: photo must be an image URL');
        return record({ method, chat_id, photo, text: requireText(p, 'caption', false) });
      }
      case 'sendSticker': {
        const chat_id = requireString(p, 'chat_id');
        return record({ method, chat_id, sticker: requireString(p, 'sticker'), text: '' });
      }
      case 'sendChatAction': {
        const chat_id = requireString(p, 'chat_id');
        const action = requireString(p, 'action');
        if (action !== 'typing' && action !== 'upload_photo') throw new ApiFailure(400, 'Bad request: invalid action');
        fake.actions.push({ chat_id, action });
        return undefined;
      }
      default:
        throw new ApiFailure(400, 'Bad request: invalid API name');
    }
  }

  function poll(p: Record<string, unknown>, res: ServerResponse): unknown {
    if (hook) throw new ApiFailure(400, 'Bad request: a webhook is set; call deleteWebhook before getUpdates');
    if (queue.length > 0) return takeUpdates();
    const seconds = Number(p['timeout'] ?? 30);
    const waitMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000;
    const waiter: Waiter = {
      res,
      timer: setTimeout(() => {
        removeWaiter(waiter);
        fail(res, 408, 'Request timeout');
      }, waitMs),
    };
    waiters.push(waiter);
    res.on('close', () => {
      clearTimeout(waiter.timer);
      removeWaiter(waiter);
    });
    return TOOK_OVER;
  }

  function removeWaiter(waiter: Waiter): void {
    const i = waiters.indexOf(waiter);
    if (i >= 0) waiters.splice(i, 1);
  }

  const server = createServer((req, res) => {
    void serve(req, res).catch(() => res.destroy());
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname);
    const raw = await readBody(req);
    if (!match) return fail(res, 404, 'Not found');
    const [, pathToken = '', method = ''] = match;
    let params: Record<string, unknown>;
    try {
      params = { ...Object.fromEntries(url.searchParams), ...parseBody(req.headers['content-type'], raw) };
    } catch (err) {
      return fail(res, 400, err instanceof Error ? err.message : 'Bad request');
    }
    const tokenOk = decodeURIComponent(pathToken) === token;
    fake.calls.push({ method, httpMethod: req.method ?? '', contentType: req.headers['content-type'], params, tokenOk });

    const failure = failures.get(method)?.shift();
    if (failure === 'network') return void req.socket.destroy();
    if (failure?.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
    if (failure && (failure.status !== undefined || failure.httpStatus !== undefined || failure.body !== undefined)) {
      return injected(res, failure);
    }
    if (req.method !== 'GET' && req.method !== 'POST') return fail(res, 400, 'Bad request: use GET or POST');
    if (!tokenOk) return fail(res, 401, 'Unauthorized');
    if (!METHODS.has(method)) return fail(res, 400, 'Bad request: invalid API name');
    try {
      const result = handle(method, params, res);
      if (result === TOOK_OVER) return;
      reply(res, 200, result === undefined ? { ok: true } : { ok: true, result });
    } catch (err) {
      if (err instanceof ApiFailure) return fail(res, err.code, err.description);
      throw err;
    }
  }

  function injected(res: ServerResponse, f: Exclude<FailureSpec, 'network'>): void {
    const code = f.status ?? f.httpStatus ?? 500;
    if (f.body === undefined) return fail(res, code, DESCRIPTIONS[code] ?? 'Error', f.httpStatus);
    const status = f.httpStatus ?? (options.mirrorErrorStatus ? code : 200);
    if (typeof f.body === 'string') {
      res.writeHead(status, { 'content-type': 'text/html' }).end(f.body);
    } else reply(res, status, f.body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

const TOOK_OVER = Symbol('took over the response');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Internal server error',
  404: 'Not found',
  408: 'Request timeout',
  429: 'Quota exceeded',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

function makeUser(id: string, displayName: string, now: () => number, queue: (u: ZaloUpdate) => void): FakeZaloUser {
  const emit = (event_name: string, content: Record<string, string>): ZaloUpdate => {
    const update: ZaloUpdate = {
      event_name,
      message: {
        from: { id, display_name: displayName, is_bot: false },
        chat: { id, chat_type: 'PRIVATE' },
        ...content,
        message_id: newMessageId(),
        date: now(),
      },
    };
    queue(update);
    return update;
  };
  return {
    id,
    displayName,
    send: (text) => emit('message.text.received', { text }),
    sendSticker: (sticker = '0e078a2fb66a5f34067b') =>
      emit('message.sticker.received', { sticker, url: `https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=${sticker}` }),
    sendImage: (url, caption) => emit('message.image.received', { photo: url, ...(caption ? { caption } : {}) }),
    sendUnsupported: () => emit('message.unsupported.received', {}),
  };
}

function newMessageId(): string {
  return randomBytes(10).toString('hex');
}

function requireString(p: Record<string, unknown>, name: string): string {
  const value = p[name];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value === '') throw new ApiFailure(400, `Bad request: ${name} is required`);
  return value;
}

function requireText(p: Record<string, unknown>, name: string, required: boolean): string {
  const value = p[name];
  if (value === undefined && !required) return '';
  if (typeof value !== 'string' || value.length < 1 || value.length > TEXT_LIMIT) {
    throw new ApiFailure(400, `Bad request: ${name} must be 1-${TEXT_LIMIT} characters`);
  }
  return value;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function parseBody(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new Error('Bad request: body is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('Bad request: body must be a JSON object');
    }
    return parsed as Record<string, unknown>;
  }
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw));
  throw new Error(`Bad request: unsupported content type ${type ?? ''} (the fake reads JSON, form and query params)`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
