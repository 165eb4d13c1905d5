/**
 * The Telegram channel: grammY with the runner (long polling, per-chat ordering) or a webhook,
 * auto-retry for interactive replies, and the shared dispatcher for everything a person does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Api, Bot, GrammyError, HttpError, webhookCallback, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { dispatch } from '../../../commands/dispatch.js';
import { COMMANDS } from '../../../commands/index.js';
import type { Deps, Response } from '../../chat/types.js';
import type { Outgoing } from '../../domain/types.js';
import { saveMessageRef } from '../../store/conversation.js';
import { classifyError, withRetry } from '../retry.js';
import { toIncoming } from './incoming.js';
import { renderTelegram } from './render.js';

export interface TelegramOptions {
  token: string;
  apiRoot?: string | undefined;
  webhookUrl?: string | undefined;
  webhookSecret?: string | undefined;
  /** Skips getMe at start (tests, or a known bot). */
  botInfo?: UserFromGetMe;
  /** How long a button press may take before it is answered without waiting for the result. */
  callbackAnswerMs?: number;
}

export interface TelegramChannel {
  bot: Bot;
  mode: 'polling' | 'webhook';
  /** Path of the webhook route on dondoc's HTTP server, in webhook mode. */
  webhookPath?: string;
  webhookHandler?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Sends one Outgoing to a chat (splitting long text); returns the id of the last message. */
  send(chatId: string, out: Outgoing): Promise<string>;
  botUsername(): string | undefined;
}

export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);
}

export function createTelegramChannel(options: TelegramOptions, deps: Deps): TelegramChannel {
  const apiRoot = options.apiRoot ?? 'https://api.telegram.org';
  const bot = new Bot(options.token, { client: { apiRoot }, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  // Interactive replies retry briefly; long retries belong to the outbox worker. auto-retry
  // handles 429 and 5xx; it would retry a network failure forever, so those are rethrown to a
  // bounded retry (two more tries, backoff under two seconds).
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  bot.api.config.use((prev, method, payload, signal) =>
    withRetry(() => prev(method, payload, signal), {
      attempts: 3,
      classify: (error, attempt) => (error instanceof HttpError ? classifyError(error, { attempt, maxMs: 2_000 }) : { retry: false, reason: 'unknown' }),
    }),
  );
  // Start-up calls go out once per attempt: the app retries a failed start with its own backoff
  // (app.ts), and must hear about a failure rather than wait inside a retry loop.
  const startupApi = new Api(options.token, { apiRoot });
  const log = deps.logger.child({ channel: 'telegram' });

  const fetchFile = async (fileId: string): Promise<Buffer> => {
    const file = await bot.api.getFile(fileId);
    if (!file.file_path) throw new Error('telegram returned no file_path');
    const res = await fetch(`${apiRoot}/file/bot${options.token}/${file.file_path}`);
    if (!res.ok) throw new Error(`file download failed with HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  };

  async function send(chatId: string, out: Outgoing): Promise<string> {
    let lastId = '';
    for (const part of renderTelegram(out)) {
      const message = await bot.api.sendMessage(chatId, part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {});
      lastId = String(message.message_id);
    }
    if (out.occurrenceIds?.length) await saveMessageRef(deps.db, 'telegram', chatId, lastId, out.occurrenceIds, deps.clock.now());
    return lastId;
  }

  async function edit(chatId: string, messageId: string, out: Outgoing): Promise<void> {
    const [part] = renderTelegram(out);
    if (!part) return;
    try {
      await bot.api.editMessageText(chatId, Number(messageId), part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {});
    } catch (error) {
      if (!isNotModified(error)) throw error;
    }
    if (out.occurrenceIds?.length) await saveMessageRef(deps.db, 'telegram', chatId, messageId, out.occurrenceIds, deps.clock.now());
  }

  async function deliver(chatId: string, response: Response, sourceMessageId: string | undefined): Promise<void> {
    if (response.edit && sourceMessageId) await edit(chatId, sourceMessageId, response.edit);
    for (const out of response.replies) await send(chatId, out);
  }

  async function handle(ctx: Context): Promise<void> {
    const incoming = toIncoming(ctx, fetchFile);
    if (!incoming) return;
    const chatId = incoming.chatId;
    const query = ctx.callbackQuery;
    if (!query) {
      const response = await dispatch(deps, incoming);
      if (response) await deliver(chatId, response, undefined);
      return;
    }
    // Answer the press at once; if the work takes longer than the client will wait, answer
    // empty now and let the edited message speak.
    const working = dispatch(deps, incoming);
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), options.callbackAnswerMs ?? 2000).unref());
    const first = await Promise.race([working, timer]);
    if (first === 'late') await ctx.answerCallbackQuery().catch((error) => log.warn({ err: error }, 'answerCallbackQuery failed'));
    const response = first === 'late' ? await working : first;
    if (first !== 'late') {
      const notice = response?.notice;
      await ctx
        .answerCallbackQuery(notice?.text ? { text: notice.text.slice(0, 200), show_alert: notice.alert ?? false } : {})
        .catch((error) => log.warn({ err: error }, 'answerCallbackQuery failed'));
    } else if (response?.notice?.alert) {
      response.replies.unshift({ text: response.notice.text });
    }
    if (response) await deliver(chatId, response, incoming.body.kind === 'action' ? incoming.body.messageId : undefined);
  }

  const mode = options.webhookUrl ? 'webhook' : 'polling';
  // Updates from one chat are handled in order, so two quick taps never race.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.on(['message', 'callback_query:data'], handle);
  bot.catch((error) => log.error({ err: error.error, updateId: error.ctx.update.update_id }, 'telegram update failed'));

  let runner: RunnerHandle | undefined;
  const webhookPath = options.webhookUrl ? new URL(options.webhookUrl).pathname : undefined;
  const callback = options.webhookUrl ? webhookCallback(bot, 'http', { secretToken: options.webhookSecret ?? '', onTimeout: 'return', timeoutMilliseconds: 9_000 }) : undefined;

  async function setCommands(): Promise<void> {
    for (const locale of deps.translator.locales) {
      const commands = COMMANDS.map((c) => ({ command: c.name, description: deps.translator.t(locale, c.descriptionKey) }));
      await startupApi.setMyCommands(commands, locale === 'vi' ? {} : { language_code: locale });
    }
  }

  return {
    bot,
    mode,
    ...(webhookPath ? { webhookPath } : {}),
    ...(callback ? { webhookHandler: async (req: IncomingMessage, res: ServerResponse) => { await callback(req, res); } } : {}),
    async start() {
      if (!bot.isInited()) bot.botInfo = await startupApi.getMe();
      await setCommands();
      if (mode === 'webhook') {
        await startupApi.setWebhook(options.webhookUrl!, {
          secret_token: options.webhookSecret!,
          allowed_updates: ['message', 'callback_query'],
        });
        log.info({ url: options.webhookUrl }, 'telegram webhook set');
        return;
      }
      const info = await startupApi.getWebhookInfo();
      if (info.url) {
        log.warn('a Telegram webhook was set for this token; removing it to poll (use separate bots for development and production)');
        await startupApi.deleteWebhook();
      }
      runner = run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query'] } } });
      log.info({ bot: bot.botInfo.username }, 'telegram long polling started');
    },
    async stop() {
      if (runner?.isRunning()) await runner.stop();
    },
    send,
    botUsername: () => (bot.isInited() ? bot.botInfo.username : undefined),
  };
}
