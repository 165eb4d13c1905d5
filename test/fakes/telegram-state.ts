// The in-memory world of the fake Telegram Bot API: users and their private chats, messages,
// files, the update queue, callback queries, commands, webhook settings, the call log,
// injected failures and the flood limiter. No HTTP here (see telegram-api.ts).
import { randomBytes } from 'node:crypto';
import type { BotCommand, Message, Update, User, UserFromGetMe } from 'grammy/types';
import type { Payload } from './telegram-http.js';
import type { FloodLimiter } from './telegram-rules.js';

export interface FakeUserInfo {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** One request the bot made, in arrival order. `at` is Date.now() in ms. */
export interface ApiCall {
  method: string;
  payload: Payload;
  at: number;
  /** HTTP status answered (0 when the socket was destroyed on purpose). */
  status?: number;
  /** `description` of an error answer. */
  error?: string;
  /** True when the call rode on a webhook response (grammY's webhook reply). */
  viaWebhookReply?: boolean;
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
  at: number;
}

/**
 * What `failNext` makes the next matching call do instead of its work:
 * an API error (HTTP status = error_code), a destroyed socket, a raw HTTP status with a
 * non-API body (like a proxy's 502 page), or a delay before it is served normally.
 */
export type Failure =
  | { error_code: number; description: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } }
  | 'network'
  | { status: number; body?: string }
  | { delayMs: number };

export interface FailureRule {
  method: string;
  failure: Failure;
  when?: (payload: Payload) => boolean;
}

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
  file_name?: string;
  mime_type?: string;
  bytes: Buffer;
}

export interface StoredMessage {
  message: Message;
  fromBot: boolean;
  deleted: boolean;
}

export interface ChatState {
  id: number;
  user: FakeUserInfo;
  /** The user has written to the bot at least once (pressed Start). */
  started: boolean;
  blocked: boolean;
  deactivated: boolean;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
}

export interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates?: string[];
  /** Only http://127.0.0.1 / localhost URLs are delivered to; others just hold updates. */
  deliverable: boolean;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export interface CallbackQueryState {
  chatId: number;
  createdAt: number;
  answer?: CallbackAnswer;
}

/** Update kinds getUpdates/setWebhook deliver when `allowed_updates` is empty or never given. */
const NOT_DEFAULT_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export const unixNow = (): number => Math.floor(Date.now() / 1000);

export function updateType(update: Update): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
}

export class TelegramState {
  readonly users = new Map<number, FakeUserInfo>();
  readonly chats = new Map<number, ChatState>();
  readonly files = new Map<string, StoredFile>();
  /** Group chats the bot is a member of: id (negative) → title. */
  readonly groups = new Map<number, string>();
  /** Updates not yet confirmed (getUpdates offset) or delivered (webhook 2xx). */
  queue: Update[] = [];
  /** Every update ever created, in order. */
  readonly allUpdates: Update[] = [];
  /** Last `allowed_updates` given to getUpdates/setWebhook; undefined or [] = the default set. */
  allowedUpdates: string[] | undefined;
  readonly callbackQueries = new Map<string, CallbackQueryState>();
  readonly commands = new Map<string, BotCommand[]>();
  readonly botTexts = new Map<string, string>();
  webhook: WebhookState | undefined;
  readonly calls: ApiCall[] = [];
  readonly failures: FailureRule[] = [];
  limiter: FloodLimiter | undefined;
  /** 429 answers given, from the limiter or injected. */
  tooManyRequests = 0;
  callbackQueryTtlMs = Number.POSITIVE_INFINITY;
  private nextUpdateId: number;
  private nextFile = 1;
  private nextQuery = 1;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly token: string,
    readonly botUser: UserFromGetMe,
    firstUpdateId: number,
  ) {
    this.nextUpdateId = firstUpdateId;
  }

  /** Subscribe to new updates (long polls and the webhook pump wake on this). */
  onUpdate(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  enqueue(body: Omit<Update, 'update_id'>): Update {
    const update = { update_id: this.nextUpdateId++, ...body } as Update;
    this.queue.push(update);
    this.allUpdates.push(update);
    for (const fn of [...this.listeners]) fn();
    return update;
  }

  /** Confirms (forgets) every queued update with `update_id < offset`. */
  confirmBelow(offset: number): void {
    this.queue = this.queue.filter((u) => u.update_id >= offset);
  }

  /** Drops queued updates of kinds outside `allowed_updates`, as Telegram never stores them. */
  dropDisallowed(allowed: string[] | undefined): void {
    this.queue = this.queue.filter((u) => isAllowed(updateType(u), allowed));
  }

  userObject(info: FakeUserInfo): User {
    const { id, first_name, last_name, username, language_code } = info;
    return { id, is_bot: false, first_name, last_name, username, language_code };
  }

  chatObject(
    info: FakeUserInfo,
  ): { id: number; type: 'private'; first_name: string; last_name?: string; username?: string } | { id: number; type: 'group'; title: string } {
    const { id, first_name, last_name, username } = info;
    const title = this.groups.get(id);
    if (title !== undefined) return { id, type: 'group', title };
    return { id, type: 'private', first_name, last_name, username };
  }

  /** The private chat with a user (created when the test first mentions the user). */
  chatFor(info: FakeUserInfo): ChatState {
    const existing = this.chats.get(info.id);
    if (existing !== undefined) {
      existing.user = info;
      return existing;
    }
    const chat: ChatState = {
      id: info.id,
      user: info,
      started: false,
      blocked: false,
      deactivated: false,
      nextMessageId: 1,
      messages: new Map(),
    };
    this.chats.set(info.id, chat);
    return chat;
  }

  storeMessage(chat: ChatState, build: (messageId: number) => Message, fromBot: boolean): Message {
    const id = chat.nextMessageId++;
    const message = build(id);
    chat.messages.set(id, { message, fromBot, deleted: false });
    return message;
  }

  liveMessage(chatId: number, messageId: number): StoredMessage | undefined {
    const stored = this.chats.get(chatId)?.messages.get(messageId);
    return stored === undefined || stored.deleted ? undefined : stored;
  }

  registerFile(bytes: Buffer, fileName?: string, mimeType?: string): StoredFile {
    const n = this.nextFile++;
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName ?? '')?.[1] ?? 'dat';
    const file: StoredFile = {
      file_id: `BQACAgIAAxkBAAI${n}${randomBytes(12).toString('base64url')}`,
      file_unique_id: `AgAD${n}${randomBytes(4).toString('hex')}`,
      file_size: bytes.length,
      file_path: `documents/file_${n}.${ext}`,
      file_name: fileName,
      mime_type: mimeType,
      bytes,
    };
    this.files.set(file.file_id, file);
    return file;
  }

  newCallbackQueryId(chatId: number): string {
    const id = `${BigInt(this.botUser.id) * 1000000n + BigInt(this.nextQuery++)}`;
    this.callbackQueries.set(id, { chatId, createdAt: Date.now() });
    return id;
  }

  takeFailure(method: string, payload: Payload): Failure | undefined {
    const i = this.failures.findIndex((r) => r.method === method.toLowerCase() && (r.when?.(payload) ?? true));
    if (i === -1) return undefined;
    const [rule] = this.failures.splice(i, 1);
    return rule?.failure;
  }
}

export function isAllowed(type: string, allowed: string[] | undefined): boolean {
  if (allowed === undefined || allowed.length === 0) return !NOT_DEFAULT_UPDATES.has(type);
  return allowed.includes(type);
}
