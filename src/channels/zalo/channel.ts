/**
 * The Zalo channel: long polling by default or a webhook on dondoc's HTTP server, per-chat
 * ordering, the shared dispatcher for everything a person does, and Zalo rendering (numbered
 * menus instead of buttons, texts split at 2000 characters).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch } from '../../../commands/dispatch.js';
import type { Deps, Response } from '../../chat/types.js';
import type { Outgoing } from '../../domain/types.js';
import { secretMatches } from '../../http/secret.js';
import { readBody, sendJson } from '../../http/server.js';
import { withRetry } from '../retry.js';
import { createZaloClient, type ZaloClient } from './client.js';
import { createZaloDeliver } from './deliver.js';
import { chatKey, toIncoming } from './incoming.js';
import { startPolling, type Poller } from './poller.js';
import { createKeyedQueue } from '../keyed-queue.js';
import { ZALO_SECRET_HEADER, type ZaloUpdate } from './types.js';
import { parseZaloWebhookBody } from './webhook.js';
import { zaloTranslator } from './wording.js';

export interface ZaloOptions {
  token: string;
  apiRoot?: string | undefined;
  webhookUrl?: string | undefined;
  webhookSecret?: string | undefined;
  /** Long-poll duration in seconds (default 30). */
  pollSeconds?: number;
  /** Backoff after a failed poll and between attempts of a send (defaults 500 ms doubling to 30 s). */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Attempts per message part of a send (default 4). */
  sendAttempts?: number;
  /** Bring a client (tests); otherwise the channel makes and closes its own. */
  client?: ZaloClient;
}

export interface ZaloChannel {
  client: ZaloClient;
  mode: 'polling' | 'webhook';
  /** Path of the webhook route on dondoc's HTTP server, in webhook mode. */
  webhookPath?: string;
  webhookHandler?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Sends one Outgoing to a chat (numbered menu, split at 2000 characters), remembers its menu and
   * task for the person's next message, and returns the id of the last message sent. Each part is
   * retried on 5xx, 429 and network failures; a final failure is thrown as ZaloApiError or
   * ZaloNetworkError for the caller's retry rules (classifyError).
   */
  send(chatId: string, out: Outgoing): Promise<string>;
  /** Resolves once every update received so far has been handled, its reply sent and remembered. */
  idle(): Promise<void>;
}

const MAX_IN_FLIGHT = 64;
const STOP_GRACE_MS = 10_000;
const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/**
 * What a response becomes on Zalo, which can neither edit a message nor pop up a notice: the
 * notice heads the updated card in one message; without a card it is sent when it stands alone
 * or warns, and dropped when the replies already say it.
 */
export function responseMessages(response: Response): Outgoing[] {
  const notice = response.notice?.text ?? '';
  const { edit, replies } = response;
  if (edit) return [notice ? { ...edit, text: `${notice}\n\n${edit.text}` } : edit, ...replies];
  const wanted = replies.length === 0 || response.notice?.alert === true;
  const said = replies.some((r) => r.text === notice);
  return notice && wanted && !said ? [{ text: notice }, ...replies] : replies;
}

export function createZaloChannel(options: ZaloOptions, baseDeps: Deps): ZaloChannel {
  const deps: Deps = { ...baseDeps, translator: zaloTranslator(baseDeps.translator) };
  const log = deps.logger.child({ channel: 'zalo' });
  const client = options.client ?? createZaloClient({ token: options.token, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) });
  const backoff = { baseMs: options.backoff?.baseMs ?? 500, maxMs: options.backoff?.maxMs ?? 30_000 };
  const mode = options.webhookUrl ? 'webhook' : 'polling';
  const sends = new AbortController();
  const queue = createKeyedQueue();
  let poller: Poller | undefined;
  let stopped = false;

  async function sendText(chatId: string, text: string): Promise<string> {
    const sent = await withRetry(() => client.sendMessage({ chat_id: chatId, text }, { signal: sends.signal }), {
      attempts: options.sendAttempts ?? 4,
      ...backoff,
      onRetry: ({ attempt, delayMs, decision }) => log.warn({ attempt, delayMs, reason: decision.reason }, 'zalo sendMessage failed; retrying'),
    });
    return sent.message_id;
  }

  const deliver = createZaloDeliver(deps, sendText);

  async function handle(update: ZaloUpdate): Promise<void> {
    const incoming = toIncoming(update);
    if (!incoming) return;
    const response = await dispatch(deps, incoming);
    if (response) await deliver(incoming.chatId, responseMessages(response), undefined, response.locale);
  }

  function enqueue(update: ZaloUpdate): void {
    queue.run(chatKey(update), () => handle(update)).catch((error: unknown) => log.error({ err: error }, 'zalo update failed'));
  }

  async function webhookHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const given = req.headers[ZALO_SECRET_HEADER];
    if (!secretMatches(typeof given === 'string' ? given : undefined, options.webhookSecret ?? '')) {
      req.resume();
      log.warn({ remote: req.socket.remoteAddress }, 'zalo webhook call refused: wrong or missing secret header');
      sendJson(res, 401, { ok: false, error: 'unauthorized' });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, WEBHOOK_BODY_LIMIT)).toString('utf8'));
    } catch (error) {
      if ((error as { status?: number }).status) throw error;
      sendJson(res, 400, { ok: false, error: 'body is not JSON' });
      return;
    }
    // Answer at once and work afterwards: Zalo does not wait long, and dispatch dedupes redeliveries.
    sendJson(res, 200, { ok: true });
    const update = parseZaloWebhookBody(body);
    if (update) enqueue(update);
    else log.debug({ body }, 'zalo webhook body without an update we can act on');
  }

  async function start(): Promise<void> {
    const me = await client.getMe();
    if (mode === 'webhook') {
      await client.setWebhook({ url: options.webhookUrl!, secret_token: options.webhookSecret! });
      log.info({ bot: me.account_name, url: options.webhookUrl }, 'zalo webhook set');
      return;
    }
    const info = await client.getWebhookInfo();
    if (info.url) {
      log.warn('a Zalo webhook was set for this token; removing it to poll (use separate bots for development and production)');
      await client.deleteWebhook();
    }
    poller = startPolling({
      client,
      pollSeconds: options.pollSeconds ?? 30,
      logger: log,
      backoff,
      onUpdate: async (update) => {
        enqueue(update);
        await queue.room(MAX_IN_FLIGHT);
      },
    });
    log.info({ bot: me.account_name }, 'zalo long polling started');
  }

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    await poller?.stop();
    // Let the updates already taken finish, then cut off any send still retrying.
    const grace = new Promise<void>((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
    await Promise.race([queue.idle(), grace]);
    sends.abort();
    await queue.idle();
    if (!options.client) await client.close();
  }

  return {
    client,
    mode,
    ...(options.webhookUrl ? { webhookPath: new URL(options.webhookUrl).pathname, webhookHandler } : {}),
    start,
    stop,
    send: (chatId, out) => deliver(chatId, [out]),
    idle: () => queue.idle(),
  };
}
