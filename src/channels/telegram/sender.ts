/**
 * The one way dondoc sends to Telegram, for interactive replies and outbox messages alike: a
 * plain grammY Api (no auto-retry: the outbox worker owns the retries of its messages), Outgoing
 * rendered by renderTelegram, long texts in parts, and what each message was about remembered
 * (`remember`) so a reply to it finds its tasks. Outbox sends are paced by the rate limiter;
 * interactive replies and edits go at once and are retried briefly here. Errors are classified
 * by channels/retry.ts.
 */
import { Api, GrammyError, HttpError } from 'grammy';
import type { Outgoing } from '../../domain/types.js';
import type { RateLimiter } from '../rate-limit.js';
import { classifyError, withRetry } from '../retry.js';
import { listRefId, sendParts, type PartProgress, type Sender, type SentHook } from '../../chat/sender.js';
import { renderTelegram } from './render.js';

export interface TelegramSenderOptions {
  token: string;
  apiRoot?: string | undefined;
  limiter?: RateLimiter | undefined;
  /** Per-call timeout; a timed-out send is retried by the worker (default 30 s). */
  timeoutSeconds?: number;
  remember?: SentHook | undefined;
}

export interface TelegramSender extends Sender {
  /** An interactive reply: sent at once, each part retried briefly (429, 5xx, network) and never twice. */
  reply(chatId: string, out: Outgoing): Promise<string>;
  /** Replaces a message's text and buttons (a card after its button was pressed); "not modified" is fine. */
  edit(chatId: string, messageId: string, out: Outgoing): Promise<void>;
  /** Remembers the tasks of a list sent as several messages, after its last one (chat/sender.ts listedOccurrences). */
  rememberList(chatId: string, lastMessageId: string, occurrenceIds: readonly number[]): Promise<void>;
}

/** Interactive calls wait at most this long for a retry (Telegram's retry_after included). */
const REPLY_RETRY = { attempts: 3, maxMs: 2_000, maxSleepMs: 30_000 } as const;

export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);
}

export function createTelegramSender(options: TelegramSenderOptions): TelegramSender {
  const api = new Api(options.token, {
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    timeoutSeconds: options.timeoutSeconds ?? 30,
  });
  const remember = options.remember ?? (async () => undefined);
  const briefly = <T>(call: () => Promise<T>) =>
    withRetry(call, { ...REPLY_RETRY, classify: (error, attempt) => classifyError(error, { attempt, maxMs: REPLY_RETRY.maxMs }) });

  async function sendPart(chatId: string, part: ReturnType<typeof renderTelegram>[number], paced: boolean): Promise<string> {
    if (paced) await options.limiter?.acquire(chatId);
    try {
      const message = await api.sendMessage(chatId, part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {});
      return String(message.message_id);
    } catch (error) {
      const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
      if (retryAfter !== undefined) options.limiter?.pause(chatId, retryAfter * 1000);
      throw error;
    }
  }

  async function send(chatId: string, out: Outgoing, progress: PartProgress | undefined, paced: boolean): Promise<string> {
    const parts = renderTelegram(out);
    const messageId = paced
      ? await sendParts(parts, progress, (part) => sendPart(chatId, part, true))
      : await sendParts(parts, progress, (part) => briefly(() => sendPart(chatId, part, false)));
    await remember({ chatId, messageId, occurrenceIds: out.occurrenceIds ?? [] });
    return messageId;
  }

  return {
    channel: 'telegram',
    send: (chatId, out, progress) => send(chatId, out, progress, true),
    reply: (chatId, out) => send(chatId, out, undefined, false),
    async edit(chatId, messageId, out) {
      const [part] = renderTelegram(out);
      if (!part) return;
      try {
        await briefly(() => api.editMessageText(chatId, Number(messageId), part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {}));
      } catch (error) {
        if (!isNotModified(error)) throw error;
      }
      await remember({ chatId, messageId, occurrenceIds: out.occurrenceIds ?? [] });
    },
    rememberList: (chatId, lastMessageId, occurrenceIds) => remember({ chatId, messageId: listRefId(lastMessageId), occurrenceIds }),
    classify: (error, attempt) => classifyError(error, { attempt }),
    describe(error) {
      if (error instanceof GrammyError) return `${error.error_code} ${error.description}`;
      if (error instanceof HttpError) return `network: ${error.message.replace(/bot\d+:[\w-]+/g, 'bot<token>')}`;
      return error instanceof Error ? error.message : String(error);
    },
  };
}
