// How updates leave the fake Telegram server: getUpdates (offset, limit, long poll, 409s) and
// webhooks (setWebhook/deleteWebhook/getWebhookInfo and delivery by POST with the secret header).
// Sources: core.telegram.org/bots/api#getupdates, #setwebhook, #getwebhookinfo; PLATFORMS.md §1.
// fake: delivery is sequential (one update per request, in order) whatever max_connections says.
import http from 'node:http';
import type { Update } from 'grammy/types';
import { ApiError, optBool, optInt, optStr } from './telegram-http.js';
import type { Payload } from './telegram-http.js';
import type { CallContext, Handler } from './telegram-methods.js';
import { Described } from './telegram-methods.js';
import { checkSecretToken, checkWebhookUrl } from './telegram-rules.js';
import type { TelegramState } from './telegram-state.js';
import { unixNow } from './telegram-state.js';

export interface WebhookOptions {
  /** Deliver queued updates to a loopback webhook as soon as they exist (default true). */
  autoDeliver?: boolean;
  /** Tries per update before the fake gives up on it, as Telegram does after "a reasonable amount" (default 3). */
  attempts?: number;
  /** Pause between tries (default 50 ms; Telegram waits longer). */
  retryDelayMs?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
}

/** One POST of one update to a webhook. */
export interface WebhookDelivery {
  update_id: number;
  url: string;
  attempt: number;
  /** Header sent, or undefined when none was. */
  secretToken: string | undefined;
  status?: number;
  error?: string;
  at: number;
}

export interface DeliverOptions {
  /** Deliver to this http://127.0.0.1 URL instead of the webhook's (e.g. the webhook is https://real.host). */
  url?: string;
  /** Secret header to send instead of the webhook's; null sends none. */
  secretToken?: string | null;
  attempts?: number;
}

type PollEnd = 'wake' | 'timeout' | 'conflict' | 'closed';

const CONFLICT_WEBHOOK = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const CONFLICT_POLL = 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Delivery {
  readonly deliveries: WebhookDelivery[] = [];
  autoDeliver: boolean;
  private poll: { finish: (end: PollEnd) => void } | undefined;
  private pumping: Promise<unknown> | undefined;
  private closed = false;
  private readonly requests = new Set<http.ClientRequest>();
  private readonly attempts: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly state: TelegramState,
    /** Runs a method a webhook answered with (grammY's webhook reply). */
    private readonly runWebhookReply: (method: string, payload: Payload) => Promise<void>,
    options: WebhookOptions = {},
  ) {
    this.autoDeliver = options.autoDeliver ?? true;
    this.attempts = options.attempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 50;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    state.onUpdate(() => this.kick());
  }

  methods(): Record<string, Handler> {
    return {
      getUpdates: (payload, ctx) => this.getUpdates(payload, ctx),
      setWebhook: (payload) => this.setWebhook(payload),
      deleteWebhook: (payload) => {
        if (optBool(payload, 'drop_pending_updates') === true) this.state.queue = [];
        const had = this.state.webhook !== undefined;
        this.state.webhook = undefined;
        return new Described(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
      },
      getWebhookInfo: () => this.webhookInfo(),
    };
  }

  private async getUpdates(payload: Payload, ctx: CallContext): Promise<Update[]> {
    const { state } = this;
    if (state.webhook !== undefined) throw new ApiError(409, CONFLICT_WEBHOOK);
    const offset = optInt(payload, 'offset');
    const limit = Math.min(100, Math.max(1, optInt(payload, 'limit') ?? 100));
    const timeout = Math.max(0, optInt(payload, 'timeout') ?? 0);
    const allowed = payload['allowed_updates'];
    if (Array.isArray(allowed)) state.allowedUpdates = allowed.map(String);
    this.poll?.finish('conflict');
    if (offset !== undefined && offset < 0) state.queue = state.queue.slice(offset);
    else if (offset !== undefined) state.confirmBelow(offset);
    const take = () => {
      state.dropDisallowed(state.allowedUpdates);
      return state.queue.slice(0, limit);
    };
    const batch = take();
    if (batch.length > 0 || timeout === 0 || this.closed || ctx.signal.aborted) return batch;
    const end = await new Promise<PollEnd>((resolve) => {
      const finish = (how: PollEnd) => {
        clearTimeout(timer);
        unsubscribe();
        ctx.signal.removeEventListener('abort', onAbort);
        if (this.poll === me) this.poll = undefined;
        resolve(how);
      };
      const me = { finish };
      const timer = setTimeout(() => finish('timeout'), timeout * 1000);
      const unsubscribe = state.onUpdate(() => finish('wake'));
      const onAbort = () => finish('closed');
      ctx.signal.addEventListener('abort', onAbort);
      this.poll = me;
    });
    if (end === 'conflict') throw new ApiError(409, CONFLICT_POLL);
    if (state.webhook !== undefined || end === 'closed') return [];
    return take();
  }

  private setWebhook(payload: Payload): Described {
    const { state } = this;
    const url = optStr(payload, 'url') ?? '';
    const drop = optBool(payload, 'drop_pending_updates') === true;
    if (url === '') {
      const had = state.webhook !== undefined;
      state.webhook = undefined;
      if (drop) state.queue = [];
      return new Described(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
    }
    const { deliverable } = checkWebhookUrl(url);
    const secretToken = optStr(payload, 'secret_token');
    checkSecretToken(secretToken);
    const maxConnections = optInt(payload, 'max_connections') ?? 40;
    // fake: wording; the API documents the range 1-100.
    if (maxConnections < 1 || maxConnections > 100) throw new ApiError(400, 'Bad Request: bad webhook: max_connections must be between 1 and 100');
    const allowed = payload['allowed_updates'];
    if (Array.isArray(allowed)) state.allowedUpdates = allowed.map(String);
    if (drop) state.queue = [];
    const same = state.webhook?.url === url;
    state.webhook = { url, secretToken, maxConnections, deliverable, allowedUpdates: state.allowedUpdates };
    this.poll?.finish('wake');
    this.kick();
    return new Described(true, same ? 'Webhook is already set' : 'Webhook was set');
  }

  private webhookInfo(): Record<string, unknown> {
    const hook = this.state.webhook;
    const pending = this.state.queue.length;
    if (hook === undefined) return { url: '', has_custom_certificate: false, pending_update_count: pending };
    return {
      url: hook.url,
      has_custom_certificate: false,
      pending_update_count: pending,
      ip_address: '127.0.0.1',
      max_connections: hook.maxConnections,
      ...(hook.allowedUpdates !== undefined && hook.allowedUpdates.length > 0 ? { allowed_updates: hook.allowedUpdates } : {}),
      ...(hook.lastErrorDate !== undefined ? { last_error_date: hook.lastErrorDate, last_error_message: hook.lastErrorMessage } : {}),
    };
  }

  /** Starts the automatic pump when a loopback webhook is set and updates wait. */
  private kick(): void {
    if (!this.autoDeliver || this.pumping !== undefined || this.closed) return;
    if (this.state.webhook?.deliverable !== true || this.state.queue.length === 0) return;
    this.pumping = this.pass({}).finally(() => {
      this.pumping = undefined;
      this.kick();
    });
  }

  /** Delivers every queued update once (with retries) now; waits for an automatic pass first. */
  async deliverNow(options: DeliverOptions = {}): Promise<WebhookDelivery[]> {
    if (options.url !== undefined && !checkWebhookUrl(options.url).deliverable) {
      throw new Error(`the fake delivers only to http://127.0.0.1 or http://localhost, not ${options.url}`);
    }
    while (this.pumping !== undefined) await this.pumping;
    const run = this.pass(options);
    this.pumping = run;
    try {
      return await run;
    } finally {
      this.pumping = undefined;
      this.kick();
    }
  }

  get busy(): boolean {
    return this.pumping !== undefined;
  }

  private async pass(options: DeliverOptions): Promise<WebhookDelivery[]> {
    const { state } = this;
    const made: WebhookDelivery[] = [];
    while (!this.closed) {
      const hook = state.webhook;
      const url = options.url ?? (hook?.deliverable === true ? hook.url : undefined);
      if (url === undefined) break;
      state.dropDisallowed(state.allowedUpdates);
      const update = state.queue[0];
      if (update === undefined) break;
      const secret = options.secretToken === undefined ? hook?.secretToken : (options.secretToken ?? undefined);
      const attempts = options.attempts ?? this.attempts;
      for (let attempt = 1; attempt <= attempts && !this.closed; attempt += 1) {
        const answer = await this.post(url, update, secret);
        const delivery: WebhookDelivery = { update_id: update.update_id, url, attempt, secretToken: secret, at: Date.now() };
        if (answer.status !== undefined) delivery.status = answer.status;
        if (answer.error !== undefined) delivery.error = answer.error;
        this.deliveries.push(delivery);
        made.push(delivery);
        if (answer.status !== undefined && answer.status >= 200 && answer.status < 300) {
          await this.webhookReply(answer.body ?? '');
          break;
        }
        if (state.webhook !== undefined) {
          state.webhook.lastErrorDate = unixNow();
          state.webhook.lastErrorMessage = answer.error ?? `Wrong response from the webhook: ${answer.status} ${answer.statusText}`;
        }
        if (attempt < attempts) await sleep(this.retryDelayMs);
      }
      // Delivered, or given up on after the attempts: either way it leaves the queue.
      state.queue = state.queue.filter((u) => u !== update);
    }
    return made;
  }

  private async webhookReply(body: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
    const { method, ...payload } = parsed as Payload;
    if (typeof method === 'string') await this.runWebhookReply(method, payload);
  }

  private post(url: string, update: Update, secret: string | undefined) {
    return new Promise<{ status?: number; statusText?: string; body?: string; error?: string }>((resolve) => {
      const body = JSON.stringify(update);
      const target = new URL(url);
      if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
      const headers: Record<string, string | number> = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      };
      if (secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret;
      const req = http.request(target, { method: 'POST', headers, agent: false, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => done({ error: e.message }));
      });
      this.requests.add(req);
      const done = (r: { status?: number; statusText?: string; body?: string; error?: string }) => {
        this.requests.delete(req);
        resolve(r);
      };
      req.on('timeout', () => req.destroy(new Error('Read timeout expired')));
      req.on('error', (e: NodeJS.ErrnoException) => done({ error: e.code === 'ECONNREFUSED' ? 'Connection refused' : e.message }));
      req.end(body);
    });
  }

  /** Ends long polls (empty answer) and in-flight webhook requests. */
  close(): void {
    this.closed = true;
    this.poll?.finish('closed');
    for (const req of this.requests) req.destroy(new Error('fake Telegram closed'));
  }
}
