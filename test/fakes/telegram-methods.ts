// Bot API methods of the fake Telegram server that act on chats, messages, callback queries,
// commands and files. Updates, polling and webhooks are in telegram-delivery.ts.
// Limits: core.telegram.org/bots/api (#sendmessage, #editmessagetext, #answercallbackquery,
// #setmycommands, #getfile) via /work/shared/PLATFORMS.md §1.
import type { BotCommand, Message } from 'grammy/types';
import { formatText } from './telegram-format.js';
import type { Payload, UploadedFile } from './telegram-http.js';
import { ApiError, badRequest, chatIdOf, optBool, optInt, optObj, optStr } from './telegram-http.js';
import { canonical, checkCommands, checkLanguageCode, checkReplyMarkup, scopeKey } from './telegram-rules.js';
import type { ChatState, StoredMessage, TelegramState } from './telegram-state.js';
import { unixNow } from './telegram-state.js';

export interface CallContext {
  /** Aborted when the client goes away (used by long polling). */
  signal: AbortSignal;
}

export type Handler = (payload: Payload, ctx: CallContext) => unknown;

/** A successful answer that also carries a `description`, as setWebhook's does. */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_DOWNLOAD = 20 * 1024 * 1024;

/** The chat the bot wants to write to, or the Bot API's 400/403. */
export function writableChat(state: TelegramState, chatId: number): ChatState {
  const chat = state.chats.get(chatId);
  if (chat === undefined) throw badRequest('chat not found');
  if (chat.deactivated) throw new ApiError(403, 'Forbidden: user is deactivated');
  if (chat.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
  if (!chat.started) throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
  return chat;
}

function textOf(payload: Payload, key: 'text' | 'caption', max: number) {
  const raw = optStr(payload, key) ?? '';
  const formatted = formatText(raw, optStr(payload, 'parse_mode'));
  if (key === 'text' && formatted.text.length === 0) throw badRequest('message text is empty');
  // Telegram counts these limits in UTF-16 code units, like entity offsets.
  if (formatted.text.length > max) throw badRequest(key === 'text' ? 'message is too long' : 'message caption is too long');
  return formatted;
}

function replyTarget(state: TelegramState, chat: ChatState, payload: Payload): Message | undefined {
  const params = optObj(payload, 'reply_parameters');
  const id = params !== undefined ? Number(params['message_id']) : optInt(payload, 'reply_to_message_id');
  if (id === undefined || Number.isNaN(id)) return undefined;
  const target = state.liveMessage(chat.id, id);
  const allowMissing = params?.['allow_sending_without_reply'] === true || optBool(payload, 'allow_sending_without_reply') === true;
  if (target === undefined && !allowMissing) throw badRequest('message to be replied not found');
  if (target === undefined) return undefined;
  const { reply_to_message: _dropped, ...shallow } = target.message as Message & { reply_to_message?: unknown };
  return shallow as Message;
}

function editable(state: TelegramState, payload: Payload): StoredMessage {
  if (payload['inline_message_id'] !== undefined) throw badRequest('MESSAGE_ID_INVALID'); // fake: no inline mode
  const chat = writableChat(state, chatIdOf(payload));
  const id = optInt(payload, 'message_id');
  if (id === undefined) throw badRequest('message identifier is not specified');
  const stored = state.liveMessage(chat.id, id);
  if (stored === undefined) throw badRequest('message to edit not found');
  if (!stored.fromBot) throw badRequest("message can't be edited");
  return stored;
}

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

export function messageMethods(state: TelegramState): Record<string, Handler> {
  const limit = (chatId: number) => state.limiter?.take(chatId);

  const sendMessage: Handler = (payload) => {
    const chatId = chatIdOf(payload);
    const { text, entities } = textOf(payload, 'text', MAX_TEXT);
    const markup = checkReplyMarkup(payload['reply_markup'], false);
    const chat = writableChat(state, chatId);
    const replyTo = replyTarget(state, chat, payload);
    limit(chat.id);
    return state.storeMessage(
      chat,
      (message_id) =>
        withOptional({ message_id, from: state.botUser, chat: state.chatObject(chat.user), date: unixNow(), text } as Message, {
          entities,
          reply_markup: markup,
          reply_to_message: replyTo,
          link_preview_options: optObj(payload, 'link_preview_options'),
        }),
      true,
    );
  };

  const sendDocument: Handler = (payload) => {
    const chatId = chatIdOf(payload);
    const caption = textOf(payload, 'caption', MAX_CAPTION);
    const markup = checkReplyMarkup(payload['reply_markup'], false);
    const chat = writableChat(state, chatId);
    const doc = payload['document'];
    let file;
    if (typeof doc === 'string' && state.files.has(doc)) file = state.files.get(doc);
    else if (typeof doc === 'object' && doc !== null && Buffer.isBuffer((doc as UploadedFile).bytes)) {
      const up = doc as UploadedFile;
      file = state.registerFile(up.bytes, up.fileName, mimeFor(up.fileName, up.mimeType));
    }
    if (file === undefined) throw badRequest('wrong file identifier/HTTP URL specified');
    const replyTo = replyTarget(state, chat, payload);
    limit(chat.id);
    const document = withOptional(
      { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size },
      { file_name: file.file_name, mime_type: file.mime_type },
    );
    return state.storeMessage(
      chat,
      (message_id) =>
        withOptional({ message_id, from: state.botUser, chat: state.chatObject(chat.user), date: unixNow(), document } as Message, {
          caption: caption.text === '' ? undefined : caption.text,
          caption_entities: caption.entities,
          reply_markup: markup,
          reply_to_message: replyTo,
        }),
      true,
    );
  };

  const editMessageText: Handler = (payload) => {
    const { text, entities } = textOf(payload, 'text', MAX_TEXT);
    const markup = checkReplyMarkup(payload['reply_markup'], true);
    const stored = editable(state, payload);
    const current = stored.message;
    if (current.text === undefined) throw badRequest('there is no text in the message to edit');
    if (current.text === text && canonical(current.entities ?? []) === canonical(entities) && canonical(current.reply_markup) === canonical(markup)) {
      throw badRequest(NOT_MODIFIED);
    }
    stored.message = withOptional({ ...current, text, edit_date: unixNow() } as Message, { entities, reply_markup: markup });
    return stored.message;
  };

  const editMessageCaption: Handler = (payload) => {
    const caption = textOf(payload, 'caption', MAX_CAPTION);
    const markup = checkReplyMarkup(payload['reply_markup'], true);
    const stored = editable(state, payload);
    const current = stored.message;
    if (current.text !== undefined) throw badRequest('there is no caption in the message to edit');
    if ((current.caption ?? '') === caption.text && canonical(current.reply_markup) === canonical(markup)) {
      throw badRequest(NOT_MODIFIED);
    }
    stored.message = withOptional({ ...current, edit_date: unixNow() } as Message, {
      caption: caption.text === '' ? undefined : caption.text,
      caption_entities: caption.entities,
      reply_markup: markup,
    });
    return stored.message;
  };

  const editMessageReplyMarkup: Handler = (payload) => {
    const markup = checkReplyMarkup(payload['reply_markup'], true);
    const stored = editable(state, payload);
    if (canonical(stored.message.reply_markup) === canonical(markup)) throw badRequest(NOT_MODIFIED);
    stored.message = withOptional({ ...stored.message, edit_date: unixNow() } as Message, { reply_markup: markup });
    return stored.message;
  };

  const deleteMessage: Handler = (payload) => {
    const chatId = chatIdOf(payload);
    const stored = state.liveMessage(chatId, optInt(payload, 'message_id') ?? -1);
    if (stored === undefined) throw badRequest('message to delete not found');
    stored.deleted = true;
    return true;
  };

  const answerCallbackQuery: Handler = (payload) => {
    const id = optStr(payload, 'callback_query_id') ?? '';
    const text = optStr(payload, 'text');
    const query = state.callbackQueries.get(id);
    const tooOld = query === undefined || query.answer !== undefined || Date.now() - query.createdAt > state.callbackQueryTtlMs;
    if (tooOld) throw badRequest('query is too old and response timeout expired or query ID is invalid');
    if (text !== undefined && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
    query.answer = withOptional(
      { callback_query_id: id, at: Date.now() },
      { text, show_alert: optBool(payload, 'show_alert'), url: optStr(payload, 'url'), cache_time: optInt(payload, 'cache_time') },
    );
    return true;
  };

  const commandsKey = (payload: Payload) => `${scopeKey(payload['scope'])}|${checkLanguageCode(optStr(payload, 'language_code'))}`;

  const setMyCommands: Handler = (payload) => {
    const commands: BotCommand[] = checkCommands(payload['commands']);
    const key = commandsKey(payload);
    if (commands.length === 0) state.commands.delete(key);
    else state.commands.set(key, commands);
    return true;
  };

  const botText = (field: string, max: number): [Handler, Handler] => [
    (payload) => {
      const value = optStr(payload, field) ?? '';
      if (value.length > max) throw badRequest(`${field.toUpperCase()}_INVALID`); // fake: wording
      state.botTexts.set(`${field}|${checkLanguageCode(optStr(payload, 'language_code'))}`, value);
      return true;
    },
    (payload) => ({ [field]: state.botTexts.get(`${field}|${checkLanguageCode(optStr(payload, 'language_code'))}`) ?? '' }),
  ];
  const [setMyDescription, getMyDescription] = botText('description', 512);
  const [setMyShortDescription, getMyShortDescription] = botText('short_description', 120);
  const [setMyName, getMyName] = botText('name', 64);

  const getFile: Handler = (payload) => {
    const file = state.files.get(optStr(payload, 'file_id') ?? '');
    if (file === undefined) throw badRequest('invalid file_id');
    if (file.file_size > MAX_DOWNLOAD) throw badRequest('file is too big');
    const { file_id, file_unique_id, file_size, file_path } = file;
    return { file_id, file_unique_id, file_size, file_path };
  };

  const getChat: Handler = (payload) => {
    const chat = state.chats.get(chatIdOf(payload));
    if (chat === undefined) throw badRequest('chat not found');
    return { ...state.chatObject(chat.user), accent_color_id: 0, max_reaction_count: 11 };
  };

  return {
    getMe: () => state.botUser,
    logOut: () => true,
    close: () => true,
    sendMessage,
    sendDocument,
    editMessageText,
    editMessageCaption,
    editMessageReplyMarkup,
    deleteMessage,
    sendChatAction: (payload) => {
      writableChat(state, chatIdOf(payload));
      if (optStr(payload, 'action') === undefined) throw badRequest('action is empty'); // fake: wording
      return true;
    },
    answerCallbackQuery,
    setMyCommands,
    getMyCommands: (payload) => state.commands.get(commandsKey(payload)) ?? [],
    deleteMyCommands: (payload) => {
      state.commands.delete(commandsKey(payload));
      return true;
    },
    setMyDescription,
    getMyDescription,
    setMyShortDescription,
    getMyShortDescription,
    setMyName,
    getMyName,
    setChatMenuButton: () => true,
    getFile,
    getChat,
  };
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  txt: 'text/plain',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  doc: 'application/msword',
  zip: 'application/zip',
};

/** Telegram infers a document's MIME type from its name (grammY uploads as octet-stream). */
export function mimeFor(fileName: string, given: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? (given === '' ? 'application/octet-stream' : given);
}
