/**
 * Who is behind a web chat: the browser holds an HttpOnly cookie naming a chat session; the
 * session names the chat (chat_key), and the chat is linked to a staff member like any chat
 * account (chat_links, channel 'web'), by `/start CODE` or, in demo mode only, by the picker.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../../db/index.js';
import { cookieHeader, readCookies, setCookie } from '../../http/cookies.js';
import { CHAT_SESSION_TTL_MS, createSession, extendSession, findSession } from '../../store/sessions.js';
import { moveWebChat } from '../../store/web-chat.js';

export const CHAT_COOKIE = 'dondoc_chat';

export interface ChatSession {
  token: string;
  chatKey: string;
}

function newChatKey(): string {
  return `w${randomBytes(12).toString('hex')}`;
}

/** The browser's chat session, or undefined when it has none (or it expired). */
export async function currentChat(db: Db, req: IncomingMessage, now: Date): Promise<ChatSession | undefined> {
  const token = readCookies(req).get(CHAT_COOKIE);
  const session = token ? await findSession(db, token, 'chat', now) : undefined;
  return session?.chatKey && token ? { token, chatKey: session.chatKey } : undefined;
}

/** The browser's chat session, if it has one, kept alive (cookie renewed); never creates one. */
export async function keepChat(db: Db, req: IncomingMessage, res: ServerResponse, now: Date, secure: boolean): Promise<ChatSession | undefined> {
  const existing = await currentChat(db, req, now);
  if (!existing) return undefined;
  await extendSession(db, existing.token, now, CHAT_SESSION_TTL_MS);
  setCookie(res, cookieHeader(CHAT_COOKIE, existing.token, { maxAgeSeconds: CHAT_SESSION_TTL_MS / 1000, secure }));
  return existing;
}

/** The browser's chat session, opened (and the cookie set) when the visitor first acts; in use, it lives on. */
export async function ensureChat(db: Db, req: IncomingMessage, res: ServerResponse, now: Date, secure: boolean): Promise<ChatSession> {
  const existing = await currentChat(db, req, now);
  if (existing) {
    await extendSession(db, existing.token, now, CHAT_SESSION_TTL_MS);
    setCookie(res, cookieHeader(CHAT_COOKIE, existing.token, { maxAgeSeconds: CHAT_SESSION_TTL_MS / 1000, secure }));
    return existing;
  }
  const chatKey = newChatKey();
  const { token } = await createSession(db, { kind: 'chat', chatKey }, now, CHAT_SESSION_TTL_MS);
  setCookie(res, cookieHeader(CHAT_COOKIE, token, { maxAgeSeconds: CHAT_SESSION_TTL_MS / 1000, secure }));
  return { token, chatKey };
}

/**
 * Unlinks this browser and gives it a fresh, empty chat (the picker's "another person", or
 * leaving the web chat). Returns the new chat key.
 */
export async function restartChat(db: Db, session: ChatSession): Promise<string> {
  const chatKey = newChatKey();
  await moveWebChat(db, session.chatKey, chatKey);
  return chatKey;
}
