// Validation rules of the fake Telegram Bot API that are not about text formatting:
// reply markup, bot commands and scopes, webhook parameters, and the flood limiter.
// Sources: core.telegram.org/bots/api (#inlinekeyboardbutton, #setmycommands, #botcommand,
// #botcommandscope, #setwebhook) and /work/shared/PLATFORMS.md §1. Wordings marked "fake:" are
// not taken from Telegram (no official error list exists).
import type { BotCommand } from 'grammy/types';
import { ApiError, badRequest } from './telegram-http.js';

const BUTTON_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a `reply_markup`; returns the inline keyboard markup to store on the message, if any. */
export function checkReplyMarkup(markup: unknown, inlineOnly: boolean): Record<string, unknown> | undefined {
  if (markup === undefined || markup === null) return undefined;
  if (!isObject(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in markup) {
    const rows = markup['inline_keyboard'];
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    }
    let count = 0;
    for (const row of rows as unknown[][])
      for (const button of row) {
        checkInlineButton(button);
        count += 1;
      }
    // Community-observed ceiling, not documented (PLATFORMS.md §1 "Inline keyboard size").
    if (count > 100) throw badRequest('reply markup is too long');
    return markup;
  }
  // fake: wording for a non-inline keyboard where only an inline one is allowed (edits).
  if (inlineOnly) throw badRequest('inline keyboard expected');
  if ('keyboard' in markup || 'remove_keyboard' in markup || 'force_reply' in markup) return undefined;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

function checkInlineButton(button: unknown): void {
  if (!isObject(button)) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  const text = button['text'];
  if (typeof text !== 'string') throw badRequest(`can't parse inline keyboard button: Field "text" must be of type String`);
  // fake: wording for an empty label.
  if (text.trim() === '') throw badRequest('BUTTON_TEXT_INVALID');
  const actions = BUTTON_ACTIONS.filter((k) => button[k] !== undefined);
  if (actions.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  // fake: wording; the API says "exactly one of the optional fields must be used".
  if (actions.length > 1) throw badRequest(`can't parse inline keyboard button: exactly one of ${actions.join(', ')} must be used`);
  const data = button['callback_data'];
  if (data !== undefined) {
    if (typeof data !== 'string') throw badRequest(`can't parse inline keyboard button: Field "callback_data" must be of type String`);
    const bytes = Buffer.byteLength(data, 'utf8');
    if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
  }
  const url = button['url'];
  if (url !== undefined) {
    let ok: boolean;
    try {
      ok = typeof url === 'string' && ['http:', 'https:', 'tg:'].includes(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw badRequest(`inline keyboard button URL '${String(url)}' is invalid`);
  }
}

/** Canonical JSON (sorted keys) so "not modified" compares content, not key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

// ---------------------------------------------------------------- commands

export function checkCommands(commands: unknown): BotCommand[] {
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
  return commands.map((c: unknown) => {
    const command = isObject(c) ? c['command'] : undefined;
    const description = isObject(c) ? c['description'] : undefined;
    if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (typeof description !== 'string' || description.trim().length < 1 || description.length > 256) {
      throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    return { command, description };
  });
}

const SCOPES = new Set(['default', 'all_private_chats', 'all_group_chats', 'all_chat_administrators', 'chat', 'chat_administrators', 'chat_member']);

/** A stable key for a BotCommandScope (undefined = default). */
export function scopeKey(scope: unknown): string {
  if (scope === undefined || scope === null) return 'default';
  const type = isObject(scope) ? scope['type'] : undefined;
  // fake: wording for an unknown scope.
  if (typeof type !== 'string' || !SCOPES.has(type)) throw badRequest('unsupported bot command scope type');
  if (type === 'chat' || type === 'chat_administrators' || type === 'chat_member') {
    const chat = (scope as Record<string, unknown>)['chat_id'];
    if (chat === undefined || chat === null || chat === '') throw badRequest('chat_id is empty');
    if (type === 'chat_member') return `${type}:${String(chat)}:${String((scope as Record<string, unknown>)['user_id'])}`;
    return `${type}:${String(chat)}`;
  }
  return type;
}

export function checkLanguageCode(code: string | undefined): string {
  const lang = code ?? '';
  // fake: wording; the API says "A two-letter ISO 639-1 language code".
  if (lang !== '' && !/^[a-z]{2}$/.test(lang)) throw badRequest('invalid language code specified');
  return lang;
}

// ---------------------------------------------------------------- webhook

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/**
 * Validates a webhook URL as Telegram does (HTTPS, ports 443/80/88/8443), with one fake extension:
 * plain http to 127.0.0.1/localhost on any port is accepted and is the only kind the fake delivers
 * to (it never leaves this machine). Returns whether updates can be delivered to it.
 */
export function checkWebhookUrl(raw: string): { deliverable: boolean } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
  }
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return { deliverable: true };
  if (url.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  if (url.port !== '' && !['80', '88', '443', '8443'].includes(url.port)) {
    throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
  }
  return { deliverable: false };
}

export function checkSecretToken(secret: string | undefined): void {
  // fake: wording for a bad secret_token.
  if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
    throw badRequest('secret token contains unallowed characters');
  }
}

// ---------------------------------------------------------------- flood limits

export interface RateLimits {
  /** Sustained messages per second to one chat (Telegram: about 1). */
  perChatPerSecond: number;
  /** Messages one chat may receive at once before 429 (default 1). */
  perChatBurst?: number;
  /** Sustained messages per second over all chats (Telegram: about 30). */
  globalPerSecond: number;
  /** Messages at once over all chats (default = globalPerSecond). */
  globalBurst?: number;
  /** Fixed `retry_after` to answer; default: seconds until a message would be accepted, at least 1. */
  retryAfterSeconds?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets per chat and overall; a refused message consumes nothing. */
export class FloodLimiter {
  private readonly chats = new Map<number, Bucket>();
  private readonly global: Bucket;

  constructor(
    readonly limits: RateLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.global = { tokens: this.globalBurst, at: now() };
  }

  private get chatBurst(): number {
    return this.limits.perChatBurst ?? 1;
  }

  private get globalBurst(): number {
    return this.limits.globalBurst ?? this.limits.globalPerSecond;
  }

  /** Takes one message for `chatId` or throws 429 with `retry_after`. */
  take(chatId: number): void {
    const t = this.now();
    const chat = this.chats.get(chatId) ?? { tokens: this.chatBurst, at: t };
    this.chats.set(chatId, chat);
    refill(chat, t, this.limits.perChatPerSecond, this.chatBurst);
    refill(this.global, t, this.limits.globalPerSecond, this.globalBurst);
    if (chat.tokens >= 1 && this.global.tokens >= 1) {
      chat.tokens -= 1;
      this.global.tokens -= 1;
      return;
    }
    const wait = Math.max(
      chat.tokens >= 1 ? 0 : (1 - chat.tokens) / this.limits.perChatPerSecond,
      this.global.tokens >= 1 ? 0 : (1 - this.global.tokens) / this.limits.globalPerSecond,
    );
    const retryAfter = this.limits.retryAfterSeconds ?? Math.max(1, Math.ceil(wait));
    throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
  }
}

function refill(bucket: Bucket, t: number, perSecond: number, burst: number): void {
  bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
  bucket.at = t;
}
