// A person in a private chat with the bot, as a test drives it: every action queues the Update
// Telegram would produce (message, callback_query, my_chat_member). Updates queue up before the
// bot polls; they are handed out by getUpdates or POSTed to a webhook (telegram-delivery.ts).
import type { InlineKeyboardButton, Message, MessageEntity, Update } from 'grammy/types';
import type { ChatState, FakeUserInfo, TelegramState } from './telegram-state.js';
import { unixNow } from './telegram-state.js';

export interface DocumentInput {
  fileName: string;
  mimeType: string;
  bytes: Buffer | Uint8Array | string;
  caption?: string;
}

/** `bot_command` entities Telegram detects in a user's text: `/cmd` or `/cmd@bot` after a start or blank. */
export function commandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const m of text.matchAll(/(^|\s)(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?)(?=$|\s)/g)) {
    const prefix = m[1] ?? '';
    const command = m[2] ?? '';
    entities.push({ type: 'bot_command', offset: (m.index ?? 0) + prefix.length, length: command.length });
  }
  return entities;
}

const stripReply = (m: Message): Message => {
  const { reply_to_message: _nested, ...rest } = m as Message & { reply_to_message?: unknown };
  return rest as Message;
};

export class FakeUser {
  constructor(
    private readonly state: TelegramState,
    readonly info: FakeUserInfo,
  ) {}

  get id(): number {
    return this.info.id;
  }

  private get chat(): ChatState {
    return this.state.chatFor(this.info);
  }

  /** True once the user wrote to the bot (so the bot may write back). */
  get started(): boolean {
    return this.chat.started;
  }

  get blocked(): boolean {
    return this.chat.blocked;
  }

  /** Writing to a bot starts the chat, and un-blocks it if it was blocked (as "Restart" does). */
  private queueMessage(fields: Record<string, unknown>): Update {
    const chat = this.chat;
    if (chat.blocked) this.unblockBot();
    chat.started = true;
    const message = this.state.storeMessage(
      chat,
      (message_id) =>
        ({
          message_id,
          from: this.state.userObject(this.info),
          chat: this.state.chatObject(this.info),
          date: unixNow(),
          ...fields,
        }) as Message,
      false,
    );
    return this.state.enqueue({ message } as Omit<Update, 'update_id'>);
  }

  /**
   * Sends a text in a group chat that has the bot (the group is created on first use, the bot may
   * post in it); what the bot posts there is read with `sentTo(group.id)`.
   */
  sendInGroup(group: { id: number; title: string }, text: string): Update {
    const existing = this.state.chats.get(group.id);
    const chat = existing ?? {
      id: group.id,
      user: this.info,
      started: true,
      blocked: false,
      deactivated: false,
      nextMessageId: 1,
      messages: new Map(),
    };
    this.state.chats.set(group.id, chat);
    const entities = commandEntities(text);
    const message = this.state.storeMessage(
      chat,
      (message_id) =>
        ({
          message_id,
          from: this.state.userObject(this.info),
          chat: { id: group.id, type: 'group', title: group.title },
          date: unixNow(),
          text,
          ...(entities.length > 0 ? { entities } : {}),
        }) as Message,
      false,
    );
    return this.state.enqueue({ message } as Omit<Update, 'update_id'>);
  }

  /** Sends a text; a leading `/command` gets its bot_command entity (so `/start CODE` is a deep link). */
  send(text: string): Update {
    const entities = commandEntities(text);
    return this.queueMessage(entities.length > 0 ? { text, entities } : { text });
  }

  /** Sends a text as a reply to a message of this chat (normally one of the bot's). */
  reply(toMessageId: number, text: string): Update {
    const target = this.state.liveMessage(this.id, toMessageId);
    if (target === undefined) throw new Error(`fake Telegram: no message ${toMessageId} in chat ${this.id} to reply to`);
    const entities = commandEntities(text);
    return this.queueMessage({ text, ...(entities.length > 0 ? { entities } : {}), reply_to_message: stripReply(target.message) });
  }

  /** Sends a file as a document; the bytes are then served by getFile + /file/bot<token>/<path>. */
  sendDocument(doc: DocumentInput): Update {
    const bytes = typeof doc.bytes === 'string' ? Buffer.from(doc.bytes, 'utf8') : Buffer.from(doc.bytes);
    const file = this.state.registerFile(bytes, doc.fileName, doc.mimeType);
    const document = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_name: doc.fileName,
      mime_type: doc.mimeType,
      file_size: file.file_size,
    };
    return this.queueMessage(doc.caption === undefined ? { document } : { document, caption: doc.caption });
  }

  /** Shares a contact card; by default the user's own (user_id = own id), as a request_contact button sends. */
  sendContact(contact: { phone_number: string; first_name?: string; user_id?: number }): Update {
    return this.queueMessage({
      contact: { first_name: this.info.first_name, user_id: this.id, ...contact },
    });
  }

  /**
   * Presses an inline button: queues a callback_query carrying `data` and the message as it is now.
   * `data` is not checked against the buttons (clients can forge it). Returns the callback query id.
   */
  press(message: Message | number, data: string): string {
    const id = typeof message === 'number' ? message : message.message_id;
    const stored = this.state.liveMessage(this.id, id);
    if (stored === undefined || !stored.fromBot) {
      throw new Error(`fake Telegram: no bot message ${id} in chat ${this.id} to press a button on`);
    }
    const queryId = this.state.newCallbackQueryId(this.id);
    this.state.enqueue({
      callback_query: {
        id: queryId,
        from: this.state.userObject(this.info),
        message: stored.message,
        chat_instance: `${BigInt(this.id) * 7919n + 104729n}`,
        data,
      },
    } as Omit<Update, 'update_id'>);
    return queryId;
  }

  /** Presses the button whose label is `label` (exact) and returns the callback query id. */
  pressButton(message: Message | number, label: string): string {
    const id = typeof message === 'number' ? message : message.message_id;
    const stored = this.state.liveMessage(this.id, id);
    const markup = stored?.message.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
    const buttons = (markup?.inline_keyboard ?? []).flat();
    const button = buttons.find((b) => b.text === label);
    if (button === undefined || !('callback_data' in button)) {
      throw new Error(
        `fake Telegram: message ${id} in chat ${this.id} has no callback button "${label}"; ` +
          `buttons: ${buttons.map((b) => JSON.stringify(b.text)).join(', ') || '(none)'}`,
      );
    }
    return this.press(id, button.callback_data);
  }

  private memberUpdate(from: 'member' | 'kicked', to: 'member' | 'kicked'): Update {
    const member = (status: 'member' | 'kicked') =>
      status === 'kicked' ? { status, user: this.state.botUser, until_date: 0 } : { status, user: this.state.botUser };
    return this.state.enqueue({
      my_chat_member: {
        chat: this.state.chatObject(this.info),
        from: this.state.userObject(this.info),
        date: unixNow(),
        old_chat_member: member(from),
        new_chat_member: member(to),
      },
    } as Omit<Update, 'update_id'>);
  }

  /** Blocks the bot: later sends/edits to this chat get 403 "bot was blocked by the user". */
  blockBot(): Update {
    this.chat.blocked = true;
    return this.memberUpdate('member', 'kicked');
  }

  unblockBot(): Update {
    this.chat.blocked = false;
    return this.memberUpdate('kicked', 'member');
  }

  /** Deletes the account: later sends get 403 "user is deactivated". */
  deactivate(): void {
    this.chat.deactivated = true;
  }
}

/** A group chat the bot was added to: members write in it (commands get their entities). */
export class FakeGroup {
  constructor(
    private readonly state: TelegramState,
    readonly id: number,
    readonly title: string,
  ) {}

  /** `member` writes `text` in the group. */
  send(member: FakeUser, text: string): Update {
    const chat = this.state.chats.get(this.id)!;
    const entities = commandEntities(text);
    const message = this.state.storeMessage(
      chat,
      (message_id) =>
        ({
          message_id,
          from: this.state.userObject(member.info),
          chat: this.state.chatObject(chat.user),
          date: unixNow(),
          text,
          ...(entities.length > 0 ? { entities } : {}),
        }) as Message,
      false,
    );
    return this.state.enqueue({ message } as Omit<Update, 'update_id'>);
  }
}
