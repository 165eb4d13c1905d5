/**
 * Browser sessions and one-time login links. A token is 32 random bytes given to the browser
 * once; the database keeps only its SHA-256, so reading the table opens nothing. A login link
 * is single-use and short-lived; a session expires at a fixed time (no sliding renewal for the
 * dashboard) and is checked again on every request.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';

export const LOGIN_LINK_TTL_MS = 15 * 60 * 1000;
export const DASHBOARD_SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const CHAT_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export type SessionKind = 'dashboard' | 'chat';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as it may arrive in a URL or cookie; anything else is refused before any query. */
export function isTokenShaped(token: string | undefined | null): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{40,64}$/.test(token);
}

export async function createLoginToken(db: Db, staffId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + LOGIN_LINK_TTL_MS);
  await db
    .insertInto('web_login_tokens')
    .values({ token_hash: hashToken(token), staff_id: staffId, created_at: now, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

export type LoginResult = { ok: true; staffId: number } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Consumes a login token: one atomic update, so two tabs racing on one link get one session. */
export async function redeemLoginToken(db: Db, token: string, now: Date): Promise<LoginResult> {
  if (!isTokenShaped(token)) return { ok: false, reason: 'unknown' };
  const hash = hashToken(token);
  const used = await db
    .updateTable('web_login_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('staff_id')
    .executeTakeFirst();
  if (used) return { ok: true, staffId: used.staff_id };
  const row = await db.selectFrom('web_login_tokens').select(['used_at']).where('token_hash', '=', hash).executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  return { ok: false, reason: row.used_at ? 'used' : 'expired' };
}

export interface Session {
  kind: SessionKind;
  staffId: number | null;
  chatKey: string | null;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  input: { kind: SessionKind; staffId?: number | null; chatKey?: string | null },
  now: Date,
  ttlMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db
    .insertInto('web_sessions')
    .values({
      token_hash: hashToken(token),
      kind: input.kind,
      staff_id: input.staffId ?? null,
      chat_key: input.chatKey ?? null,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
    })
    .execute();
  return { token, expiresAt };
}

/** The live session behind a cookie value, of the kind asked for; undefined when absent or expired. */
export async function findSession(db: Db, token: string | undefined, kind: SessionKind, now: Date): Promise<Session | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const row = await db
    .selectFrom('web_sessions')
    .select(['kind', 'staff_id', 'chat_key', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .where('kind', '=', kind)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  return { kind: row.kind, staffId: row.staff_id, chatKey: row.chat_key, expiresAt: new Date(row.expires_at) };
}

/** Pushes a chat session's end further out while it is in use (the dashboard's never moves). */
export async function extendSession(db: Db, token: string, now: Date, ttlMs: number): Promise<void> {
  await db
    .updateTable('web_sessions')
    .set({ last_seen_at: now, expires_at: new Date(now.getTime() + ttlMs) })
    .where('token_hash', '=', hashToken(token))
    .execute();
}

export async function endSession(db: Db, token: string): Promise<void> {
  if (!isTokenShaped(token)) return;
  await db.deleteFrom('web_sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Drops expired sessions and spent login links (kept a day after expiry to tell "used" from "unknown"). */
export async function pruneSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('web_sessions').where('expires_at', '<=', now).execute();
  await db
    .deleteFrom('web_login_tokens')
    .where('expires_at', '<=', new Date(now.getTime() - 24 * 60 * 60 * 1000))
    .execute();
}

/** Whose link this is, without using it (the page that asks "open the dashboard as …?"). */
export async function peekLoginToken(db: Db, token: string, now: Date): Promise<LoginResult> {
  if (!isTokenShaped(token)) return { ok: false, reason: 'unknown' };
  const row = await db
    .selectFrom('web_login_tokens')
    .select(['staff_id', 'used_at', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, staffId: row.staff_id };
}
