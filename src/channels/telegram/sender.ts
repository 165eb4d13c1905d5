/**
 * The one way dondoc sends to Telegram, for interactive replies and outbox messages alike: a
 * plain grammY Api (no auto-retry: the outbox worker owns the retries of its messages), Outgoing
 * rendered by renderTelegram, long texts in parts, and what each message was about remembered
 * (`remember`) so a reply to it finds its tasks. Outbox sends are paced by the rate limiter;
 * interactive replies and edits go at once and are retried briefly here. Errors are classified
 * by channels/retry.ts.
 */
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import type { Outgoing } from '../../domain/types.js';
import type { RateLimiter } from '../rate-limit.js';
import { classifyError, withRetry } from '../retry.js';
import { listedOccurrences, listRefId, sendParts, type PartProgress, type Sender, type SentBatchHook, type SentHook } from '../../chat/sender.js';
import { renderTelegram } from './render.js';
import { telegramFetch } from './fetch.js';

export interface TelegramSenderOptions {
  token: string;
  apiRoot?: string | undefined;
  limiter?: RateLimiter | undefined;
  /**
   * How long an outbox send waits for Telegram's answer (default 30 s) before the worker moves on.
   * The request itself stays open `lateAnswerSeconds` longer (default 60 s): an answer that comes
   * late is still recorded as the part sent, and the row's retry waits until then, so a send
   * Telegram accepted slowly is not sent twice.
   */
  timeoutSeconds?: number;
  lateAnswerSeconds?: number;
  remember?: SentHook | undefined;
  /** Remembers the messages of one interactive answer together (one statement instead of one per card). */
  rememberBatch?: SentBatchHook | undefined;
}

/** An interactive answer: the pressed card's new text (if any), then the replies in order. */
export interface Answer {
  /** `remembered`: what the edited message is about is stored already (with the update's claim). */
  edit?: { messageId: string; out: Outgoing; remembered?: boolean } | undefined;
  replies: readonly Outgoing[];
}

export interface TelegramSender extends Sender {
  /**
   * Says an interactive answer: the edit of the pressed card ("not modified" is fine), then each
   * reply at once, each part retried briefly (429, 5xx, network) and never twice. What the
   * messages were about, and the tasks of a list sent as several messages (chat/sender.ts
   * listedOccurrences, remembered after its last card), are remembered in one statement at the
   * end, also when a later message failed. The channel handles one chat's updates in order, so
   * the chat's next update finds them.
   */
  respond(chatId: string, answer: Answer): Promise<void>;
}

/** Interactive calls wait at most this long for a retry (Telegram's retry_after included). */
const REPLY_RETRY = { attempts: 3, maxMs: 2_000, maxSleepMs: 30_000 } as const;

/** An outbox send got no answer in time; a late answer will still be recorded (see timeoutSeconds). */
export class SendAnswerLate extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`no answer from Telegram in time; a late answer is still recorded for ${Math.round(retryAfterMs / 1000)} s`);
    this.name = 'SendAnswerLate';
  }
}

export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);
}

export function createTelegramSender(options: TelegramSenderOptions): TelegramSender {
  const softMs = (options.timeoutSeconds ?? 30) * 1000;
  const lateMs = (options.lateAnswerSeconds ?? 60) * 1000;
  const api = new Api(options.token, {
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    timeoutSeconds: (softMs + lateMs) / 1000,
    fetch: telegramFetch(),
  });
  const remember = options.remember ?? (async () => undefined);
  const briefly = <T>(call: () => Promise<T>) =>
    withRetry(call, { ...REPLY_RETRY, classify: (error, attempt) => classifyError(error, { attempt, maxMs: REPLY_RETRY.maxMs }) });

  /**
   * Waits for the answer up to softMs; past that, the worker is told to retry later (after the
   * late window), and an answer that still comes is reported through `late` as the part sent.
   */
  async function answered(call: Promise<{ message_id: number }>, late: ((messageId: string) => Promise<void>) | undefined): Promise<string> {
    if (!late) return String((await call).message_id);
    let timer: NodeJS.Timeout | undefined;
    const soft = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), softMs);
    });
    const first = await Promise.race([call, soft]).finally(() => clearTimeout(timer));
    if (first !== 'late') return String(first.message_id);
    call.then((message) => late(String(message.message_id))).catch(() => undefined);
    throw new SendAnswerLate(lateMs + 1_000);
  }

  async function sendPart(
    chatId: string,
    part: ReturnType<typeof renderTelegram>[number],
    paced: boolean,
    late?: (messageId: string) => Promise<void>,
  ): Promise<string> {
    if (paced) await options.limiter?.acquire(chatId);
    try {
      return await answered(api.sendMessage(chatId, part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {}), late);
    } catch (error) {
      const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
      if (retryAfter !== undefined) options.limiter?.pause(chatId, retryAfter * 1000);
      throw error;
    }
  }

  async function sendDocument(chatId: string, doc: NonNullable<Outgoing['documents']>[number], paced: boolean): Promise<string> {
    if (paced) await options.limiter?.acquire(chatId);
    const message = await api.sendDocument(chatId, new InputFile(doc.bytes, doc.name));
    return String(message.message_id);
  }

  /** The text in parts, then each document: a retry resumes after whatever was delivered. */
  async function send(chatId: string, out: Outgoing, progress: PartProgress | undefined, paced: boolean, remembered = true): Promise<string> {
    type Part = { text: ReturnType<typeof renderTelegram>[number] } | { doc: NonNullable<Outgoing['documents']>[number] };
    const parts: Part[] = [...renderTelegram(out).map((text) => ({ text })), ...(out.documents ?? []).map((doc) => ({ doc }))];
    const one = (part: Part, late?: (messageId: string) => Promise<void>) =>
      'doc' in part ? sendDocument(chatId, part.doc, paced) : sendPart(chatId, part.text, paced, late);
    let index = progress?.done ?? 0;
    const messageId = paced
      ? await sendParts(parts, progress, async (part) => {
          const at = index;
          const id = await one(part, progress ? (late) => progress.sent(at, late) : undefined);
          index++;
          return id;
        })
      : await sendParts(parts, progress, (part) => briefly(() => one(part)));
    if (remembered) await remember({ chatId, messageId, occurrenceIds: out.occurrenceIds ?? [] });
    return messageId;
  }

  const rememberBatch: SentBatchHook =
    options.rememberBatch ??
    (async (chatId, messages) => {
      for (const m of messages) await remember({ chatId, ...m });
    });

  async function respond(chatId: string, answer: Answer): Promise<void> {
    const said: { messageId: string; occurrenceIds: readonly number[] }[] = [];
    try {
      if (answer.edit) {
        const [part] = renderTelegram(answer.edit.out);
        if (part) {
          try {
            await briefly(() =>
              api.editMessageText(chatId, Number(answer.edit!.messageId), part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {}),
            );
          } catch (error) {
            if (!isNotModified(error)) throw error;
          }
          if (!answer.edit.remembered) said.push({ messageId: answer.edit.messageId, occurrenceIds: answer.edit.out.occurrenceIds ?? [] });
        }
      }
      let lastId: string | undefined;
      for (const out of answer.replies) {
        lastId = await send(chatId, out, undefined, false, false);
        said.push({ messageId: lastId, occurrenceIds: out.occurrenceIds ?? [] });
      }
      const listed = listedOccurrences(answer.replies);
      if (listed && lastId) said.push({ messageId: listRefId(lastId), occurrenceIds: listed });
    } finally {
      if (said.length > 0) await rememberBatch(chatId, said);
    }
  }

  return {
    channel: 'telegram',
    documents: true,
    send: (chatId, out, progress) => send(chatId, out, progress, true),
    respond,
    classify: (error, attempt) =>
      error instanceof SendAnswerLate ? { retry: true, afterMs: error.retryAfterMs, reason: 'timeout' } : classifyError(error, { attempt }),
    describe(error) {
      if (error instanceof GrammyError) return `${error.error_code} ${error.description}`;
      if (error instanceof HttpError) return `network: ${error.message.replace(/bot\d+:[\w-]+/g, 'bot<token>')}`;
      return error instanceof Error ? error.message : String(error);
    },
  };
}
