/**
 * The web chat, dondoc's third channel: what a person types or taps in the page becomes an
 * Incoming for the shared dispatcher, exactly as Telegram and Zalo updates do, and every
 * Outgoing (a reply, a nudge from the outbox) is stored as a chat message, rendered with its
 * buttons, and pushed live to the open page.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { dispatch } from '../../../commands/dispatch.js';
import type { Deps, IncomingBody } from '../../chat/types.js';
import type { Outgoing } from '../../domain/types.js';
import { backoffDelay, type RetryDecision } from '../retry.js';
import { listedOccurrences, listRefId, rememberSent, type Sender } from '../../chat/sender.js';
import { createChatHub, type ChatHub } from './hub.js';
import { addWebMessage, editWebMessage, type WebMessage } from '../../store/web-chat.js';
import { createKeyedQueue } from '../keyed-queue.js';
import { renderWeb } from './render.js';

export type ChatInput =
  | { kind: 'text'; text: string; replyTo?: number | undefined; clientId?: string | undefined }
  | { kind: 'action'; action: string; messageId: number; clientId?: string | undefined };

export interface ChatResult {
  messages: WebMessage[];
  edits: WebMessage[];
  notice?: { text: string; alert?: boolean | undefined } | undefined;
}

export interface WebChannel {
  hub: ChatHub;
  /** What the outbox worker uses to deliver nudges and digests to web chats. */
  sender: Sender;
  /** Stores one Outgoing in a chat and pushes it to the open page; returns the message id. */
  send(chatKey: string, out: Outgoing): Promise<string>;
  /** Handles what the person did in the page, in order per chat. */
  handle(chat: { chatKey: string; displayName?: string | undefined; locale: string }, input: ChatInput): Promise<ChatResult>;
  /** A message dondoc itself adds to a chat (a welcome after the demo picker). */
  note(chatKey: string, text: string): Promise<WebMessage>;
  close(): void;
}

const MAX_WEB_ATTEMPTS = 5;

export function createWebChannel(deps: Deps, logger: Logger = deps.logger): WebChannel {
  const hub = createChatHub();
  const queue = createKeyedQueue();
  const log = logger.child({ channel: 'web' });
  const remember = rememberSent(deps, 'web');

  async function store(chatKey: string, out: Outgoing): Promise<WebMessage> {
    const now = deps.clock.now();
    const message = await addWebMessage(deps.db, chatKey, 'bot', renderWeb(out), now);
    await remember({ chatId: chatKey, messageId: String(message.id), occurrenceIds: out.occurrenceIds ?? [] });
    hub.publish(chatKey, 'message', message);
    return message;
  }

  async function handleNow(chat: { chatKey: string; displayName?: string | undefined; locale: string }, input: ChatInput): Promise<ChatResult> {
    const clientId = input.clientId && /^[A-Za-z0-9-]{8,64}$/.test(input.clientId) ? input.clientId : randomUUID();
    const body: IncomingBody =
      input.kind === 'text'
        ? { kind: 'text', text: input.text, replyToMessageId: input.replyTo ? String(input.replyTo) : undefined }
        : { kind: 'action', action: input.action, messageId: String(input.messageId) };
    const response = await dispatch(deps, {
      channel: 'web',
      updateKey: `${chat.chatKey}:${clientId}`,
      userId: chat.chatKey,
      chatId: chat.chatKey,
      displayName: chat.displayName,
      languageCode: chat.locale,
      payload: input,
      body,
    });
    // null: the page sent the same thing twice (a retry); it was handled the first time.
    if (!response) return { messages: [], edits: [] };
    const result: ChatResult = { messages: [], edits: [], ...(response.notice?.text ? { notice: response.notice } : {}) };
    const now = deps.clock.now();
    if (input.kind === 'text') {
      const mine = await addWebMessage(deps.db, chat.chatKey, 'user', { text: input.text }, now);
      hub.publish(chat.chatKey, 'message', mine);
      result.messages.push(mine);
    }
    if (response.edit && input.kind === 'action') {
      const edited = await editWebMessage(deps.db, chat.chatKey, input.messageId, renderWeb(response.edit), now);
      if (edited) {
        await remember({ chatId: chat.chatKey, messageId: String(edited.id), occurrenceIds: response.edit.occurrenceIds ?? [] });
        hub.publish(chat.chatKey, 'edit', edited);
        result.edits.push(edited);
      }
    }
    for (const out of response.replies) result.messages.push(await store(chat.chatKey, out));
    const listed = listedOccurrences(response.replies);
    const last = result.messages.at(-1);
    if (listed && last) await remember({ chatId: chat.chatKey, messageId: listRefId(String(last.id)), occurrenceIds: listed });
    return result;
  }

  const send = async (chatKey: string, out: Outgoing) => String((await queue.run(chatKey, () => store(chatKey, out))).id);

  const sender: Sender = {
    channel: 'web',
    send,
    // The only way a web send fails is the database; try again a few times, then give up.
    classify: (_error: unknown, attempt: number): RetryDecision =>
      attempt < MAX_WEB_ATTEMPTS ? { retry: true, afterMs: backoffDelay(attempt), reason: 'unknown' } : { retry: false, reason: 'unknown' },
    describe: (error: unknown) => (error instanceof Error ? error.message : String(error)),
  };

  return {
    hub,
    sender,
    send,
    handle: (chat, input) =>
      queue.run(chat.chatKey, () =>
        handleNow(chat, input).catch((error: unknown) => {
          log.error({ err: error }, 'web chat message failed');
          throw error;
        }),
      ),
    note: (chatKey, text) => queue.run(chatKey, () => store(chatKey, { text })),
    close: () => hub.closeAll(),
  };
}
