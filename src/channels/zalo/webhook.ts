/**
 * Reading inbound Zalo events, from a webhook body or a getUpdates result, into `ZaloUpdate`.
 *
 * Zalo documents webhook bodies as `{ ok: true, result: { event_name, message } }`, but updates
 * have been observed unwrapped (`{ event_name, message }`), so both are accepted. Ids may arrive
 * as numbers and are turned into strings; the image URL may be `photo` or `photo_url`. Unknown
 * event names pass through unchanged so the bot can answer them politely. Nothing here throws.
 */
import { z } from 'zod';
import type { ZaloMessage, ZaloUpdate } from './types.js';

const id = z.union([z.string().min(1), z.number().finite()]).transform(String);
const optionalText = z.string().optional().catch(undefined);

const messageSchema = z.object({
  message_id: id,
  date: z
    .union([z.number().finite(), z.string().regex(/^\d+$/).transform(Number)])
    .optional()
    .catch(undefined),
  from: z.object({
    id,
    display_name: optionalText,
    is_bot: z.boolean().optional().catch(undefined),
  }),
  chat: z.object({ id, chat_type: optionalText }),
  text: optionalText,
  photo: optionalText,
  photo_url: optionalText,
  caption: optionalText,
  sticker: optionalText,
  url: optionalText,
});

const updateSchema = z.object({ event_name: z.string().min(1), message: messageSchema });

/**
 * Parse a webhook body (wrapped or not) into an update; null when it is not an event we can act
 * on (malformed, `ok: false`, or no message to reply to).
 */
export function parseZaloWebhookBody(body: unknown): ZaloUpdate | null {
  return parseZaloUpdate(unwrap(body));
}

/** Parse one bare `{ event_name, message }` object; null when malformed. */
export function parseZaloUpdate(value: unknown): ZaloUpdate | null {
  const parsed = updateSchema.safeParse(value);
  if (!parsed.success) return null;
  const { event_name, message: m } = parsed.data;
  const message: ZaloMessage = {
    message_id: m.message_id,
    from: dropUndefined({ id: m.from.id, display_name: m.from.display_name, is_bot: m.from.is_bot }),
    chat: dropUndefined({ id: m.chat.id, chat_type: m.chat.chat_type }),
    ...dropUndefined({
      date: m.date,
      text: m.text,
      photo: m.photo ?? m.photo_url,
      caption: m.caption,
      sticker: m.sticker,
      url: m.url,
    }),
  };
  return { event_name, message };
}

function unwrap(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('result' in body)) return body;
  const envelope = body as { ok?: unknown; result?: unknown };
  return envelope.ok === false ? null : envelope.result;
}

/** Dedupe key for an update: Zalo sends no update id, so the event name plus the message id. */
export function updateKey(update: ZaloUpdate): string {
  return `${update.event_name}:${update.message.message_id}`;
}

/** Leave absent fields absent rather than present-but-undefined (cleaner logs and snapshots). */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
