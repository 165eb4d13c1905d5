// A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests with the real grammY bot:
//   const tg = await startFakeTelegram({ token: '123:ABC', botUsername: 'dondoc_test_bot' });
//   const bot = new Bot(tg.token, { botInfo: tg.botInfo, client: { apiRoot: tg.apiRoot } });
//   const an = tg.user({ id: 1001, first_name: 'An', language_code: 'vi' });
//   an.send('/start CODE'); void bot.start(); await tg.waitForSent(1001, 1); ...; await bot.stop(); await tg.close();
// Requests: POST|GET /bot<token>/<method> with JSON, urlencoded, multipart or a query string;
// answers {ok:true,result} or {ok:false,error_code,description,parameters?} with HTTP status =
// error_code. Files: GET /file/bot<token>/<file_path>. Facts: /work/shared/PLATFORMS.md §1, §3.
// The pieces: telegram-http (parsing), telegram-format (parse modes), telegram-rules (limits),
// telegram-state (world), telegram-methods / telegram-delivery (methods), telegram-users (people).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Message, Update, UserFromGetMe } from 'grammy/types';
import type { DeliverOptions, WebhookDelivery, WebhookOptions } from './telegram-delivery.js';
import { Delivery } from './telegram-delivery.js';
import type { Payload } from './telegram-http.js';
import { ApiError, parsePayload, readBody, sendJson } from './telegram-http.js';
import type { Handler } from './telegram-methods.js';
import { Described, messageMethods } from './telegram-methods.js';
import type { RateLimits } from './telegram-rules.js';
import { FloodLimiter, scopeKey } from './telegram-rules.js';
import type { ApiCall, CallbackAnswer, Failure, FakeUserInfo, WebhookState } from './telegram-state.js';
import { TelegramState } from './telegram-state.js';
import { FakeGroup, FakeUser } from './telegram-users.js';
import { dumpState } from './telegram-dump.js';

export type { ApiCall, CallbackAnswer, Failure, FakeUserInfo, WebhookState } from './telegram-state.js';
export type { RateLimits } from './telegram-rules.js';
export type { DeliverOptions, WebhookDelivery, WebhookOptions } from './telegram-delivery.js';
export type { DocumentInput } from './telegram-users.js';
export { FakeGroup, FakeUser } from './telegram-users.js';

export interface FakeTelegramOptions {
  /** Bot token; the numeric part before ':' is the bot's user id. Default '123456:TEST-TOKEN'. */
  token?: string;
  /** Default 'dondoc_test_bot'. */
  botUsername?: string;
  botFirstName?: string;
  /** First update_id handed out (default 100000). */
  firstUpdateId?: number;
  /** Flood limits; off (undefined/false) by default. */
  rateLimits?: RateLimits | false;
  webhook?: WebhookOptions;
  /** Answers to callback queries older than this fail as "too old" (default: never). */
  callbackQueryTtlMs?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Said in the error when the wait times out. */
  label?: string;
}

/** Scopes a private chat's command menu falls back through (core.telegram.org/bots/api#botcommandscope). */
const PRIVATE_SCOPES = (chatId: number) => [{ type: 'chat', chat_id: chatId }, { type: 'all_private_chats' }, { type: 'default' }];

export class FakeTelegram {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  private readonly state: TelegramState;
  private readonly delivery: Delivery;
  private readonly handlers = new Map<string, { name: string; handler: Handler }>();
  private readonly server: http.Server;
  private readonly users = new Map<number, FakeUser>();
  private origin = '';

  constructor(options: FakeTelegramOptions = {}) {
    this.token = options.token ?? '123456:TEST-TOKEN';
    const botId = Number(this.token.split(':')[0]);
    this.botInfo = {
      id: Number.isSafeInteger(botId) && botId > 0 ? botId : 123456,
      is_bot: true,
      first_name: options.botFirstName ?? 'Đôn Đốc (test)',
      username: options.botUsername ?? 'dondoc_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
    } as UserFromGetMe;
    this.state = new TelegramState(this.token, this.botInfo, options.firstUpdateId ?? 100_000);
    this.state.callbackQueryTtlMs = options.callbackQueryTtlMs ?? Number.POSITIVE_INFINITY;
    this.setRateLimits(options.rateLimits ?? false);
    this.delivery = new Delivery(this.state, (method, payload) => this.webhookReply(method, payload), options.webhook);
    for (const [name, handler] of Object.entries({ ...messageMethods(this.state), ...this.delivery.methods() })) {
      this.handlers.set(name.toLowerCase(), { name, handler });
    }
    this.server = http.createServer((req, res) => {
      this.serve(req, res).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
      });
    });
  }

  /** Listens on 127.0.0.1 with a random port. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Pass as `client.apiRoot` to grammY. */
  get apiRoot(): string {
    return this.origin;
  }

  async close(): Promise<void> {
    this.delivery.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ------------------------------------------------------------ people and what they saw

  /**
   * The person with this id (created on first use, details updated on later calls). A new person
   * has not started the bot; `started: true` marks the chat as started without queuing an update
   * (as if /start was handled long ago; handy for benchmarks and seeded databases).
   */
  user(info: FakeUserInfo, options: { started?: boolean } = {}): FakeUser {
    const known = this.users.get(info.id);
    if (known !== undefined) Object.assign(known.info, info);
    const user = known ?? new FakeUser(this.state, { ...info });
    this.users.set(info.id, user);
    const chat = this.state.chatFor(user.info);
    if (options.started === true) chat.started = true;
    return user;
  }

  /** A group chat (negative id) with the bot already in it; members write with `group.send(user, text)`. */
  group(id: number, title: string): FakeGroup {
    if (id >= 0) throw new Error('fake Telegram: group chat ids are negative');
    this.state.groups.set(id, title);
    const chat = this.state.chatFor({ id, first_name: title });
    chat.started = true;
    return new FakeGroup(this.state, id, title);
  }

  /** Messages the bot sent to a chat, oldest first, as they are now (after edits); deleted ones left out unless asked. */
  sentTo(chatId: number, options: { includeDeleted?: boolean } = {}): Message[] {
    const chat = this.state.chats.get(chatId);
    if (chat === undefined) return [];
    return [...chat.messages.values()].filter((m) => m.fromBot && (options.includeDeleted === true || !m.deleted)).map((m) => m.message);
  }

  lastTo(chatId: number): Message | undefined {
    return this.sentTo(chatId).at(-1);
  }

  /** Any message of a chat (the user's or the bot's) as it is now. */
  message(chatId: number, messageId: number): Message | undefined {
    return this.state.liveMessage(chatId, messageId)?.message;
  }

  /** Every API call, in arrival order. */
  get calls(): readonly ApiCall[] {
    return this.state.calls;
  }

  callsOf(method: string): ApiCall[] {
    return this.state.calls.filter((c) => c.method.toLowerCase() === method.toLowerCase());
  }

  /** Successful answerCallbackQuery calls, for one query id or all. */
  callbackAnswers(queryId?: string): CallbackAnswer[] {
    const out: CallbackAnswer[] = [];
    for (const [id, q] of this.state.callbackQueries) {
      if (q.answer !== undefined && (queryId === undefined || id === queryId)) out.push(q.answer);
    }
    return out.sort((a, b) => a.at - b.at);
  }

  /** Commands stored for exactly this scope and language (as getMyCommands answers). */
  commands(scope?: { type: string; chat_id?: number | string; user_id?: number }, languageCode = ''): BotCommand[] {
    return this.state.commands.get(`${scopeKey(scope)}|${languageCode}`) ?? [];
  }

  /** The menu a user of a private chat sees: chat+lang, chat, all_private+lang, all_private, default+lang, default. */
  commandsShownTo(chatId: number, languageCode?: string): BotCommand[] {
    for (const scope of PRIVATE_SCOPES(chatId)) {
      for (const lang of languageCode === undefined ? [''] : [languageCode, '']) {
        const found = this.state.commands.get(`${scopeKey(scope)}|${lang}`);
        if (found !== undefined) return found;
      }
    }
    return [];
  }

  // ------------------------------------------------------------ updates and webhook

  /** Updates not yet confirmed by getUpdates or delivered to the webhook. */
  pendingCount(): number {
    return this.state.queue.length;
  }

  updatesQueued(): Update[] {
    return [...this.state.queue];
  }

  /** Every update ever queued, in order. */
  get updates(): readonly Update[] {
    return this.state.allUpdates;
  }

  get webhook(): WebhookState | undefined {
    return this.state.webhook === undefined ? undefined : { ...this.state.webhook };
  }

  /** Every POST to a webhook so far. */
  get webhookDeliveries(): readonly WebhookDelivery[] {
    return this.delivery.deliveries;
  }

  /** Whether queued updates are POSTed to a loopback webhook by themselves (default true). */
  set autoDeliver(on: boolean) {
    this.delivery.autoDeliver = on;
  }

  get autoDeliver(): boolean {
    return this.delivery.autoDeliver;
  }

  /** Delivers queued updates to the webhook now (or to `options.url`, with `options.secretToken`). */
  deliverViaWebhook(options?: DeliverOptions): Promise<WebhookDelivery[]> {
    return this.delivery.deliverNow(options);
  }

  // ------------------------------------------------------------ limits, failures, files

  setRateLimits(limits: RateLimits | false): void {
    this.state.limiter = limits === false ? undefined : new FloodLimiter(limits);
  }

  /** 429 answers given so far (flood limits and injected ones). */
  get tooManyRequests(): number {
    return this.state.tooManyRequests;
  }

  /**
   * The next call(s) of `method` (optionally only those whose payload matches `when`) fail:
   * `{error_code, description, parameters?}` → that API error; 'network' → socket destroyed;
   * `{status, body?}` → raw HTTP status with a non-JSON body; `{delayMs}` → answered late but normally.
   */
  failNext(method: string, failure: Failure, options: { times?: number; when?: (payload: Payload) => boolean } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i += 1) {
      this.state.failures.push({ method: method.toLowerCase(), failure, ...(options.when ? { when: options.when } : {}) });
    }
  }

  /** A callback query id the API will accept, for an update built by hand and POSTed to a webhook directly (bench/inbound.ts). */
  newCallbackQueryId(chatId: number): string {
    return this.state.newCallbackQueryId(chatId);
  }

  /** Makes a file the bot can fetch with getFile (e.g. to build a message by hand). */
  registerFile(file: { bytes: Buffer | string; fileName?: string; mimeType?: string }) {
    const stored = this.state.registerFile(Buffer.from(file.bytes), file.fileName, file.mimeType);
    return { file_id: stored.file_id, file_unique_id: stored.file_unique_id, file_size: stored.file_size, file_path: stored.file_path };
  }

  /** Bytes of a file the bot uploaded or a user sent. */
  fileBytes(fileId: string): Buffer | undefined {
    return this.state.files.get(fileId)?.bytes;
  }

  // ------------------------------------------------------------ waiting

  /** Polls until `check` returns a truthy value and returns it; on timeout throws with a dump of the fake. */
  async waitFor<T>(check: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
      if (Date.now() >= deadline) {
        throw new Error(`fake Telegram: waited ${timeoutMs} ms for ${options.label ?? check.toString()}\n${this.dump()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 10));
    }
  }

  /** Waits until at least `n` messages were sent to the chat; returns them (as sentTo). */
  async waitForSent(chatId: number, n: number, options: WaitOptions = {}): Promise<Message[]> {
    await this.waitFor(() => this.sentTo(chatId, { includeDeleted: true }).length >= n, {
      label: `${n} message(s) sent to chat ${chatId}`,
      ...options,
    });
    return this.sentTo(chatId);
  }

  /**
   * Waits until no update is pending and no webhook delivery runs. With `bot.start()` an update
   * is confirmed by the next getUpdates, i.e. after its batch was handled; with a webhook, by the
   * 2xx answer. (With @grammyjs/runner updates are confirmed when fetched, not when handled.)
   */
  async waitForIdle(options: WaitOptions = {}): Promise<void> {
    await this.waitFor(() => this.state.queue.length === 0 && !this.delivery.busy, { label: 'no pending updates', ...options });
  }

  /** A readable summary of recent calls, pending updates and sent messages. */
  dump(): string {
    return dumpState(this.state);
  }

  // ------------------------------------------------------------ HTTP

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file !== null) return this.serveFile(file[1] ?? '', decodeURIComponent(file[2] ?? ''), res);
    const route = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    const body = await readBody(req).catch(() => Buffer.alloc(0));
    if (route === null) return sendJson(res, 404, new ApiError(404, 'Not Found').toJSON());
    const entry = this.handlers.get((route[2] ?? '').toLowerCase());
    const call: ApiCall = { method: entry?.name ?? route[2] ?? '', payload: {}, at: Date.now() };
    this.state.calls.push(call);
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const answer = (status: number, json: Record<string, unknown>) => {
      call.status = status;
      if (json['ok'] === false) call.error = String(json['description']);
      if (status === 429) this.state.tooManyRequests += 1;
      if (!res.destroyed) sendJson(res, status, json);
    };
    try {
      if (route[1] !== this.token) throw new ApiError(401, 'Unauthorized');
      if (entry === undefined) throw new ApiError(404, 'Not Found');
      call.payload = parsePayload(req.headers['content-type'], body, url.searchParams);
      const failure = this.state.takeFailure(entry.name, call.payload);
      if (failure === 'network') {
        call.status = 0;
        req.socket.destroy();
        return;
      }
      if (failure !== undefined && 'status' in failure) {
        call.status = failure.status;
        res.writeHead(failure.status, { 'content-type': 'text/html' });
        res.end(failure.body ?? `<html><body><h1>${failure.status}</h1></body></html>`);
        return;
      }
      if (failure !== undefined && 'delayMs' in failure) await new Promise((r) => setTimeout(r, failure.delayMs));
      if (failure !== undefined && 'error_code' in failure) {
        throw new ApiError(failure.error_code, failure.description, failure.parameters);
      }
      const result = await entry.handler(call.payload, { signal: controller.signal });
      answer(200, result instanceof Described ? { ok: true, result: result.result, description: result.description } : { ok: true, result });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      answer(err.errorCode, err.toJSON());
    }
  }

  private serveFile(token: string, path: string, res: http.ServerResponse): void {
    const file = token === this.token ? [...this.state.files.values()].find((f) => f.file_path === path) : undefined;
    if (file === undefined) return sendJson(res, 404, new ApiError(404, 'Not Found').toJSON());
    res.writeHead(200, { 'content-type': file.mime_type ?? 'application/octet-stream', 'content-length': file.bytes.length });
    res.end(file.bytes);
  }

  /** A method carried in a webhook's response body: run and recorded, its result thrown away. */
  private async webhookReply(method: string, payload: Payload): Promise<void> {
    const entry = this.handlers.get(method.toLowerCase());
    const call: ApiCall = { method: entry?.name ?? method, payload, at: Date.now(), viaWebhookReply: true };
    this.state.calls.push(call);
    try {
      if (entry === undefined) throw new ApiError(404, 'Not Found');
      await entry.handler(payload, { signal: new AbortController().signal });
      call.status = 200;
    } catch (err) {
      call.status = err instanceof ApiError ? err.errorCode : 500;
      call.error = err instanceof Error ? err.message : String(err);
      if (call.status === 429) this.state.tooManyRequests += 1;
    }
  }
}

/** Starts a fake Telegram Bot API on 127.0.0.1 (random port). Close it with `await tg.close()`. */
export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  return new FakeTelegram(options).listen();
}
