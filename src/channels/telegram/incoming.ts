/** Telegram updates → Incoming (the platform-free shape commands understand). */
import type { Context } from 'grammy';
import type { Incoming, IncomingBody } from '../../chat/types.js';

export interface FileFetcher {
  (fileId: string): Promise<Buffer>;
}

export function toIncoming(ctx: Context, fetchFile: FileFetcher): Incoming | null {
  const update = ctx.update;
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || !chat || from.is_bot) return null;
  const body = bodyOf(ctx, fetchFile);
  if (!body) return null;
  return {
    channel: 'telegram',
    updateKey: String(update.update_id),
    userId: String(from.id),
    chatId: String(chat.id),
    displayName: [from.first_name, from.last_name].filter(Boolean).join(' '),
    languageCode: from.language_code,
    payload: update,
    body,
    ...(chat.type === 'private' ? {} : { group: true }),
  };
}

function bodyOf(ctx: Context, fetchFile: FileFetcher): IncomingBody | null {
  const query = ctx.callbackQuery;
  if (query) {
    return { kind: 'action', action: query.data ?? '', messageId: query.message ? String(query.message.message_id) : undefined };
  }
  const message = ctx.message;
  if (!message) return null;
  if (message.text !== undefined) {
    const replyTo = message.reply_to_message;
    return { kind: 'text', text: message.text, replyToMessageId: replyTo?.from?.is_bot ? String(replyTo.message_id) : undefined };
  }
  if (message.document) {
    const doc = message.document;
    return {
      kind: 'file',
      fileName: doc.file_name ?? 'file',
      mimeType: doc.mime_type,
      size: doc.file_size,
      fetch: () => fetchFile(doc.file_id),
    };
  }
  const what = ['photo', 'sticker', 'voice', 'video', 'audio', 'location', 'contact', 'animation'].find((k) => k in message) ?? 'other';
  return { kind: 'unsupported', what };
}
