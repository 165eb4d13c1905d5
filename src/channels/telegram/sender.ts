/**
 * The outbox's way to Telegram: a plain grammY Api with no auto-retry (the outbox worker owns
 * retries and their timing), paced by a rate limiter, rendering Outgoing as the interactive
 * channel does (renderTelegram). Errors are classified by channels/retry.ts.
 */
import { Api, GrammyError, HttpError } from 'grammy';
import type { Outgoing } from '../../domain/types.js';
import type { RateLimiter } from '../rate-limit.js';
import { classifyError } from '../retry.js';
import { sendParts, type PartProgress, type Sender } from '../../chat/sender.js';
import { renderTelegram } from './render.js';

export interface TelegramSenderOptions {
  token: string;
  apiRoot?: string | undefined;
  limiter?: RateLimiter | undefined;
  /** Per-call timeout; a timed-out send is retried by the worker (default 30 s). */
  timeoutSeconds?: number;
}

export function createTelegramSender(options: TelegramSenderOptions): Sender {
  const api = new Api(options.token, {
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    timeoutSeconds: options.timeoutSeconds ?? 30,
  });
  return {
    channel: 'telegram',
    send: (chatId: string, out: Outgoing, progress?: PartProgress) =>
      sendParts(renderTelegram(out), progress, async (part) => {
        await options.limiter?.acquire(chatId);
        try {
          const message = await api.sendMessage(chatId, part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {});
          return String(message.message_id);
        } catch (error) {
          const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
          if (retryAfter !== undefined) options.limiter?.pause(chatId, retryAfter * 1000);
          throw error;
        }
      }),
    classify: (error, attempt) => classifyError(error, { attempt }),
    describe(error) {
      if (error instanceof GrammyError) return `${error.error_code} ${error.description}`;
      if (error instanceof HttpError) return `network: ${error.message.replace(/bot\d+:[\w-]+/g, 'bot<token>')}`;
      return error instanceof Error ? error.message : String(error);
    },
  };
}
