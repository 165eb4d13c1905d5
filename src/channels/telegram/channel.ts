/**
 * The Telegram channel: grammY with the runner (long polling, per-chat ordering) or a webhook,
 * the shared dispatcher for everything a person does, and the channel's one sender
 * (telegram/sender.ts) for what dondoc says back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Api, Bot, BotError, HttpError, webhookCallback, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import { dispatch } from '../../../commands/dispatch.js';
import { COMMANDS } from '../../../commands/index.js';
import type { Deps, Response } from '../../chat/types.js';
import type { Translator } from '../../i18n.js';
import { classifyError, withRetry } from '../retry.js';
import { telegramFetch } from './fetch.js';
import { toIncoming } from './incoming.js';
import type { TelegramSender } from './sender.js';

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
  botUsername(): string | undefined;
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/**
 * The bot, for what is not a message to send (button answers, file downloads, polling): its API
 * calls retry briefly. auto-retry handles 429 and 5xx; it would retry a network failure forever,
 * so those are rethrown to a bounded retry (two more tries, backoff under two seconds).
 */
function createBot(options: TelegramOptions, apiRoot: string): Bot {
  const bot = new Bot(options.token, { client: { apiRoot, fetch: telegramFetch() }, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  bot.api.config.use((prev, method, payload, signal) =>
    withRetry(() => prev(method, payload, signal), {
      attempts: 3,
      classify: (error, attempt) => (error instanceof HttpError ? classifyError(error, { attempt, maxMs: 2_000 }) : { retry: false, reason: 'unknown' }),
    }),
  );
  return bot;
}

/** Downloads a file a person sent (a plan for the office). */
function fileFetcher(bot: Bot, apiRoot: string, token: string) {
  return async (fileId: string): Promise<Buffer> => {
    const file = await bot.api.getFile(fileId);
    if (!file.file_path) throw new Error('telegram returned no file_path');
    const res = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
    if (!res.ok) throw new Error(`file download failed with HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  };
}

/**
 * An update whose handling failed and which could not even be recorded, in webhook mode: the
 * delivery is refused (HTTP 503) so Telegram delivers it again, instead of answering and losing it.
 */
export class UnsavedUpdate extends Error {
  constructor() {
    super('the update could not be recorded; Telegram will deliver it again');
    this.name = 'UnsavedUpdate';
  }
}

/**
 * Handles one update: dispatches it and says the response through the sender. A button press is
 * answered at once; if the work takes longer than the client waits, it is answered empty and the
 * edited message speaks.
 */
function updateHandler(
  deps: Deps,
  sender: TelegramSender,
  fetchFile: (fileId: string) => Promise<Buffer>,
  answerMs: number,
  log: Logger,
  redelivered: boolean,
) {
  /**
   * Says the response. A reply that cannot be sent (the chat is gone, Telegram keeps failing) is
   * logged, not thrown: the update is already recorded, and a redelivery would be deduplicated,
   * so failing the webhook call would only make Telegram retry for nothing.
   */
  async function deliver(chatId: string, response: Response, sourceMessageId: string | undefined): Promise<void> {
    try {
      await say(chatId, response, sourceMessageId);
    } catch (error) {
      log.warn({ err: error, chatId }, 'reply could not be sent; the update itself is recorded');
    }
  }
  function say(chatId: string, response: Response, sourceMessageId: string | undefined): Promise<void> {
    return sender.respond(chatId, {
      edit:
        response.edit && sourceMessageId
          ? { messageId: sourceMessageId, out: response.edit, ...(response.editRemembered ? { remembered: true } : {}) }
          : undefined,
      replies: response.replies,
    });
  }
  const answer = (ctx: Context, notice: Response['notice']) =>
    ctx
      .answerCallbackQuery(notice?.text ? { text: notice.text.slice(0, 200), show_alert: notice.alert ?? false } : {})
      .catch((error: unknown) => log.warn({ err: error }, 'answerCallbackQuery failed'));

  return async function handle(ctx: Context): Promise<void> {
    const incoming = toIncoming(ctx, fetchFile);
    if (!incoming) return;
    // Unrecorded in webhook mode: left unanswered, as the delivery is refused and comes again.
    const refuseIfUnsaved = (response: Response | null) => {
      if (response?.unsaved && redelivered) throw new UnsavedUpdate();
    };
    if (!ctx.callbackQuery) {
      const response = await dispatch(deps, incoming);
      refuseIfUnsaved(response);
      if (response) await deliver(incoming.chatId, response, undefined);
      return;
    }
    const working = dispatch(deps, incoming);
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), answerMs).unref());
    const first = await Promise.race([working, timer]);
    if (first !== 'late') refuseIfUnsaved(first);
    // The button's answer (its notice) and the card's edit go out together, neither waiting for
    // the other; `answer` never throws.
    const answering = answer(ctx, first === 'late' ? undefined : first?.notice);
    const response = first === 'late' ? await working : first;
    refuseIfUnsaved(response);
    if (first === 'late' && response?.notice?.alert) response.replies.unshift({ text: response.notice.text });
    if (response) await deliver(incoming.chatId, response, incoming.body.kind === 'action' ? incoming.body.messageId : undefined);
    await answering;
  };
}

/** The command menu, in every language dondoc speaks (Vietnamese as the default). */
async function setCommands(api: Api, translator: Translator): Promise<void> {
  for (const locale of translator.locales) {
    const commands = COMMANDS.map((c) => ({ command: c.name, description: translator.t(locale, c.descriptionKey) }));
    await api.setMyCommands(commands, locale === 'vi' ? {} : { language_code: locale });
  }
}

export function createTelegramChannel(options: TelegramOptions, deps: Deps, sender: TelegramSender): TelegramChannel {
  const apiRoot = options.apiRoot ?? 'https://api.telegram.org';
  const bot = createBot(options, apiRoot);
  // Start-up calls go out once per attempt: the app retries a failed start with its own backoff
  // (app.ts), and must hear about a failure rather than wait inside a retry loop.
  const startupApi = new Api(options.token, { apiRoot, fetch: telegramFetch() });
  const log = deps.logger.child({ channel: 'telegram' });
  const mode = options.webhookUrl ? 'webhook' : 'polling';
  // Updates from one chat are handled in order, so two quick taps never race.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.on(
    ['message', 'callback_query:data'],
    updateHandler(deps, sender, fileFetcher(bot, apiRoot, options.token), options.callbackAnswerMs ?? 2000, log, mode === 'webhook'),
  );
  bot.catch((error) => log.error({ err: error.error, updateId: error.ctx.update.update_id }, 'telegram update failed'));

  let runner: RunnerHandle | undefined;
  const callback = options.webhookUrl
    ? webhookCallback(bot, 'http', { secretToken: options.webhookSecret ?? '', onTimeout: 'return', timeoutMilliseconds: 9_000 })
    : undefined;

  async function start(): Promise<void> {
    if (!bot.isInited()) bot.botInfo = await startupApi.getMe();
    await setCommands(startupApi, deps.translator);
    if (mode === 'webhook') {
      await startupApi.setWebhook(options.webhookUrl!, { secret_token: options.webhookSecret!, allowed_updates: [...ALLOWED_UPDATES] });
      log.info({ url: options.webhookUrl }, 'telegram webhook set');
      return;
    }
    if ((await startupApi.getWebhookInfo()).url) {
      log.warn('a Telegram webhook was set for this token; removing it to poll (use separate bots for development and production)');
      await startupApi.deleteWebhook();
    }
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    log.info({ bot: bot.botInfo.username }, 'telegram long polling started');
  }

  return {
    bot,
    mode,
    ...(options.webhookUrl ? { webhookPath: new URL(options.webhookUrl).pathname } : {}),
    ...(callback
      ? {
          webhookHandler: async (req: IncomingMessage, res: ServerResponse) => {
            try {
              await callback(req, res);
            } catch (error) {
              if (error instanceof BotError && error.error instanceof UnsavedUpdate) {
                log.warn({ updateId: error.ctx.update.update_id }, 'update not recorded; delivery refused with 503 so Telegram sends it again');
                if (!res.headersSent) res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'try again' }));
                return;
              }
              // A body that is not JSON is the sender's mistake (grammY checked the secret first).
              if (!(error instanceof SyntaxError) || res.headersSent) throw error;
              log.warn({ remote: req.socket.remoteAddress }, 'telegram webhook body is not JSON; refused with 400');
              res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'body is not JSON' }));
            }
          },
        }
      : {}),
    start,
    async stop() {
      if (runner?.isRunning()) await runner.stop();
    },
    botUsername: () => (bot.isInited() ? bot.botInfo.username : undefined),
  };
}
