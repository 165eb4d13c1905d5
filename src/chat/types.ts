/** The platform-free contract between channels and commands (DESIGN.md §3). */
import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import type { Staff } from '../db/schema.js';
import type { Clock } from '../domain/time.js';
import type { Channel, Locale, Outgoing, Status } from '../domain/types.js';
import type { OccurrenceView } from '../store/tasks.js';
import type { StatusAnswer } from '../store/updates.js';
import type { Translate, Translator } from '../i18n.js';
import type { Observer } from './observe.js';

export interface Deps {
  db: Db;
  clock: Clock;
  translator: Translator;
  logger: Logger;
  settings: { linkCodeTtlDays: number; defaultLocale: Locale; publicUrl?: string | undefined };
  /** Counts for /metrics (chat/observe.ts); absent where nothing is measured. */
  observe?: Observer | undefined;
}

export type IncomingBody =
  | {
      kind: 'text';
      text: string;
      replyToMessageId?: string | undefined;
      /**
       * The platform cannot reply to a message (Zalo): the next message after a task message is
       * the reply, so notes too go to the bare-answer target instead of needing "#15".
       */
      threadless?: boolean | undefined;
    }
  | { kind: 'action'; action: string; messageId?: string | undefined }
  | { kind: 'file'; fileName: string; mimeType?: string | undefined; size?: number | undefined; fetch(): Promise<Buffer> }
  | { kind: 'unsupported'; what: string };

/** One thing a person did in a chat, as every channel reports it. */
export interface Incoming {
  channel: Channel;
  /** Unique per channel; a second delivery with the same key is ignored. */
  updateKey: string;
  userId: string;
  chatId: string;
  displayName?: string | undefined;
  languageCode?: string | undefined;
  /** The raw platform update, stored whole so nothing a person said is lost. */
  payload: unknown;
  body: IncomingBody;
  /**
   * Said in a group chat, not in the person's private chat with the bot: the link is never
   * rebound to it, nothing personal is answered there, and linking is refused.
   */
  group?: boolean | undefined;
}

/** What the channel should do: answer the button press, edit its message, send replies. */
export interface Response {
  replies: Outgoing[];
  /** The language the replies are in (the dispatcher fills it in; /lang and linking say their own). */
  locale?: Locale;
  edit?: Outgoing;
  /** What the edited message is about was stored with the update's claim: the channel need not remember it again. */
  editRemembered?: boolean;
  notice?: { text: string; alert?: boolean };
  /**
   * Handling failed and the update could not even be recorded: a channel whose platform delivers
   * again (the Telegram webhook) refuses the delivery instead of answering, so nothing is lost.
   */
  unsaved?: boolean;
}

export interface CommandContext {
  db: Db;
  deps: Deps;
  staff: Staff | null;
  channel: Channel;
  userId: string;
  chatId: string;
  displayName?: string | undefined;
  languageCode?: string | undefined;
  now: Date;
  today: string;
  locale: Locale;
  t: Translate;
  /** Text after the command name. */
  args: string;
  /** The update came from a group chat (Incoming.group). */
  group?: boolean | undefined;
  /**
   * A status button's answer, already made in the statement that claimed the update
   * (store/conversation-state.ts `press`); applyStatus uses it instead of answering again.
   */
  pressAnswer?: { occurrenceId: number; status: Status; answer: StatusAnswer } | undefined;
  /** The first page of the person's open tasks, loaded with the claim for a command that asked (`firstTasksPage`). */
  firstTasksPage?: { rows: OccurrenceView[]; total: number } | undefined;
}

export type LinkedContext = CommandContext & { staff: Staff };

/** Narrows a context to a linked account: the staff member behind it is known. */
export function isLinked(ctx: CommandContext): ctx is LinkedContext {
  return ctx.staff !== null;
}

interface CommandInfo {
  name: string;
  aliases?: string[];
  /** Locale id of the one-line description used by /help and the command menu. */
  descriptionKey: string;
  /** Roles allowed to see it in /help (all when absent). */
  roles?: Staff['role'][];
  /** Runs in group chats too (it says nothing personal there); other commands answer "write to me privately". */
  inGroups?: boolean;
  /**
   * Reads only (a list, a summary): handled without a transaction around it, which saves two round
   * trips on the commands people send most. The update is still claimed, and durable, in its own
   * statement before anything is read; a failure is recorded on it as for any other update.
   */
  readOnly?: boolean;
  /**
   * Its answer is the person's first page of open tasks, this many: loaded in the statement that
   * claims the update (store/conversation-state.ts) and handed over as `firstTasksPage`.
   */
  firstTasksPage?: { limit: number };
}

/** A chat command: most need a linked account; public ones (/start, /help) run for anyone. */
export type Command = CommandInfo &
  ({ public: true; run(ctx: CommandContext): Promise<Response> } | { public?: false; run(ctx: LinkedContext): Promise<Response> });

export function reply(...messages: (Outgoing | string)[]): Response {
  return { replies: messages.map((m) => (typeof m === 'string' ? { text: m } : m)) };
}
