/**
 * Shapes of the Zalo Bot Platform API (bot-token API at bot-api.zaloplatforms.com), as documented
 * in the official docs (see ../shared/PLATFORMS.md §2). Ids are strings; dates are epoch
 * milliseconds, not seconds as on Telegram.
 */

/** Every method this client knows; names are case-sensitive on Zalo's side. */
export type ZaloMethod = 'getMe' | 'getUpdates' | 'setWebhook' | 'deleteWebhook' | 'getWebhookInfo' | 'sendMessage' | 'sendPhoto' | 'sendChatAction';

/** The four documented event names. Others may appear; they are passed through as plain strings. */
export type ZaloKnownEventName = 'message.text.received' | 'message.image.received' | 'message.sticker.received' | 'message.unsupported.received';

// `string & {}` keeps editor completion for the known names while accepting any string.
export type ZaloEventName = ZaloKnownEventName | (string & {});

export type ZaloChatType = 'PRIVATE' | 'GROUP' | (string & {});

export interface ZaloSender {
  id: string;
  display_name?: string;
  is_bot?: boolean;
}

export interface ZaloChat {
  /** Reply to this id; in a private chat it equals the sender id. */
  id: string;
  chat_type?: ZaloChatType;
}

/** One inbound message. `photo` is normalised from either `photo` or `photo_url`. */
export interface ZaloMessage {
  message_id: string;
  /** Epoch milliseconds. */
  date?: number;
  from: ZaloSender;
  chat: ZaloChat;
  text?: string;
  photo?: string;
  caption?: string;
  sticker?: string;
  url?: string;
}

/** An inbound event. Zalo gives no update id: deduplicate with `updateKey`. */
export interface ZaloUpdate {
  event_name: ZaloEventName;
  message: ZaloMessage;
}

export interface ZaloBotInfo {
  id: string;
  account_name: string;
  account_type: string;
  can_join_groups: boolean;
}

export interface ZaloWebhookInfo {
  /** Empty string when no webhook is set. */
  url: string;
  /** Epoch milliseconds. */
  updated_at?: number;
}

/** What sendMessage and sendPhoto answer. */
export interface ZaloSentMessage {
  /** Empty only if Zalo answered ok:true without an id (never seen, but not worth failing a send over). */
  message_id: string;
  /** Epoch milliseconds. */
  date?: number;
}

export type ZaloChatAction = 'typing' | 'upload_photo';

export interface ZaloSendMessageParams {
  chat_id: string;
  /** 1–2000 characters; use `splitForZalo` for longer texts. Sent as plain text. */
  text: string;
}

export interface ZaloSendPhotoParams {
  chat_id: string;
  /** Public image URL; Zalo fetches it. */
  photo: string;
  /** 1–2000 characters. */
  caption?: string;
}

export interface ZaloSendChatActionParams {
  chat_id: string;
  action: ZaloChatAction;
}

export interface ZaloSetWebhookParams {
  /** HTTPS URL reachable from the Internet. */
  url: string;
  /** 8–256 characters; Zalo sends it back in the X-Bot-Api-Secret-Token header. */
  secret_token: string;
}

export interface ZaloGetUpdatesParams {
  /** Long-poll duration in seconds (Zalo's default is 30). */
  timeout?: number;
}

/** Options every client call accepts. */
export interface ZaloCallOptions {
  /** Abort the call (e.g. on shutdown); the call then fails with a ZaloNetworkError whose `aborted` is true. */
  signal?: AbortSignal;
}

/** The raw envelope of every answer. */
export interface ZaloEnvelope {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
}

/** Header carrying the webhook secret on Zalo's deliveries. */
export const ZALO_SECRET_HEADER = 'x-bot-api-secret-token';
