/** Zalo events → Incoming (the platform-free shape commands understand). */
import type { Incoming, IncomingBody } from '../../chat/types.js';
import type { ZaloUpdate } from './types.js';
import { updateKey } from './webhook.js';

const UNSUPPORTED: Record<string, string> = {
  'message.image.received': 'image',
  'message.sticker.received': 'sticker',
  'message.unsupported.received': 'unsupported',
};

/**
 * One update as an Incoming; null for what needs no answer: messages from bots, and events that
 * are not messages. A message event dondoc cannot read (a sticker, an image, a newer kind such as
 * voice, or content withheld from protected senders) gets a short answer saying what it reads.
 */
export function toIncoming(update: ZaloUpdate): Incoming | null {
  const { message } = update;
  if (message.from.is_bot) return null;
  const body = bodyOf(update);
  if (!body) return null;
  return {
    channel: 'zalo',
    updateKey: updateKey(update),
    userId: message.from.id,
    chatId: message.chat.id,
    displayName: message.from.display_name,
    // Zalo tells nothing about the person's language: the default locale applies until /lang.
    languageCode: undefined,
    payload: update,
    body,
    ...(message.chat.chat_type === undefined || message.chat.chat_type === 'PRIVATE' ? {} : { group: true }),
  };
}

function bodyOf(update: ZaloUpdate): IncomingBody | null {
  const event = update.event_name;
  if (event === 'message.text.received') {
    const text = update.message.text;
    return text !== undefined && text.trim() !== '' ? { kind: 'text', text, threadless: true } : null;
  }
  const what = UNSUPPORTED[event];
  if (what) return { kind: 'unsupported', what };
  return event.startsWith('message.') ? { kind: 'unsupported', what: event.split('.')[1] ?? 'other' } : null;
}

/** The key that keeps one chat's updates in order. */
export function chatKey(update: ZaloUpdate): string {
  return update.message.chat.id;
}
