/**
 * What the outbox worker needs from a channel: send one Outgoing to a chat and say what a failure
 * means. Each platform implements it (Telegram: telegram/sender.ts; Zalo and web plug in the same
 * way); the worker owns retries, so a Sender never retries on its own.
 */
import type { Db } from '../db/index.js';
import type { Clock } from '../domain/time.js';
import type { Channel, Outgoing } from '../domain/types.js';
import { rememberMessage, rememberMessages, type ChatMenu } from '../store/conversation.js';
import type { Translator } from '../i18n.js';

/** How a failed send should be treated (channels/retry.ts decides it for each platform's errors). */
export type PermanentKind = 'blocked' | 'invalid' | 'auth';

export type FailureReason =
  'rate_limited' | 'server_error' | 'timeout' | 'network' | 'poll_timeout' | 'bad_request' | 'unauthorized' | 'blocked' | 'not_found' | 'aborted' | 'unknown';

export interface RetryDecision {
  retry: boolean;
  /** How long to wait before the next attempt; set when `retry` is true. */
  afterMs?: number;
  /** Set when the failure will recur on every attempt; `retry: false` without it means "gave up". */
  permanent?: PermanentKind;
  /** Short machine tag for logs and metrics. */
  reason: FailureReason;
}

/**
 * Where an earlier attempt stopped in a message split into parts: the parts it delivered are not
 * sent again, and each part delivered now is reported before the next is tried.
 */
export interface PartProgress {
  /** Parts already delivered by earlier attempts. */
  done: number;
  /** The platform id of the last part delivered, when `done` > 0. */
  lastId: string | null;
  /** Called after part `index` (0-based) is delivered; the next part waits for it. */
  sent(index: number, messageId: string): Promise<void>;
}

/**
 * Sends `parts` in order with `send`, skipping the ones `progress` says were delivered and
 * reporting each one sent before the next; returns the id of the last part delivered.
 */
export async function sendParts<T>(parts: readonly T[], progress: PartProgress | undefined, send: (part: T) => Promise<string>): Promise<string> {
  let lastId = progress?.lastId ?? '';
  for (const [index, part] of parts.entries()) {
    if (index < (progress?.done ?? 0)) continue;
    lastId = await send(part);
    await progress?.sent(index, lastId);
  }
  return lastId;
}

/** What was sent (or edited): a message's platform id and the occurrences it was about. */
export interface Sent {
  chatId: string;
  messageId: string;
  occurrenceIds: readonly number[];
  /** The numbered menu the message ended with, on platforms without buttons (null: none, keep the old one). */
  menu?: ChatMenu | null;
}

/**
 * Called by a channel's sender for each message it delivered or edited, so that a reply to it
 * (or a bare "xong" after it) finds the tasks it was about: store/conversation.ts rememberMessage.
 */
export type SentHook = (sent: Sent) => Promise<void>;

/** The SentHook of a channel: remembers what each message was about (`latestOnly` where replies do not exist). */
export function rememberSent(deps: { db: Db; clock: Clock }, channel: Channel, options: { latestOnly?: boolean } = {}): SentHook {
  return (sent) => rememberMessage(deps.db, { channel, ...sent, now: deps.clock.now(), latestOnly: options.latestOnly ?? false });
}

/** Several messages of one chat remembered in one statement (an interactive answer, see rememberMessages). */
export type SentBatchHook = (chatId: string, messages: readonly Omit<Sent, 'chatId' | 'menu'>[]) => Promise<void>;

export function rememberSentBatch(deps: { db: Db; clock: Clock }, channel: Channel): SentBatchHook {
  return (chatId, messages) => rememberMessages(deps.db, { channel, chatId, messages, now: deps.clock.now() });
}

/**
 * The tasks a response lists when it lists several in separate messages (the cards of /tasks):
 * remembered together, after the cards, as the chat's latest task message, so a bare "xong"
 * after a list asks which task instead of changing the last card's. Null when the response is
 * not such a list.
 */
export function listedOccurrences(replies: readonly Outgoing[]): number[] | null {
  const about = replies.filter((r) => (r.occurrenceIds?.length ?? 0) > 0);
  if (about.length < 2) return null;
  const ids = [...new Set(about.flatMap((r) => r.occurrenceIds ?? []))];
  return ids.length > 1 ? ids : null;
}

/** The ref a list is remembered under: no platform message has this id, so no reply finds it. */
export const listRefId = (lastMessageId: string) => `list:${lastMessageId}`;

export interface Sender {
  readonly channel: Channel;
  /**
   * Sends one Outgoing (split into several platform messages if long), resuming after
   * `progress.done` parts; returns the last message's id.
   */
  send(chatId: string, out: Outgoing, progress?: PartProgress): Promise<string>;
  /** Reads an error thrown by `send` on attempt `attempt` (1-based). */
  classify(error: unknown, attempt: number): RetryDecision;
  /** A short line for logs and outbox.last_error (never the token). */
  describe(error: unknown): string;
  /** Sends an Outgoing's `documents` as files (Telegram sendDocument); without it they go as links. */
  readonly documents?: boolean;
  /** How this platform words shared messages (Zalo has no buttons: "answer with a number"). */
  wording?(base: Translator): Translator;
}
