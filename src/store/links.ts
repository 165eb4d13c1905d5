/** Linking chat accounts to staff: single-use, expiring codes and the links they create. */
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import type { ChatLink, Staff } from '../db/schema.js';
import type { Channel } from '../domain/types.js';

// No 0/O, 1/I/L: codes are read aloud and typed on phones.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export function generateLinkCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Normalises what a person typed ("k7m4-q2xd ") to the stored form, or null if it cannot be a code. */
export function normalizeLinkCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]{6,32}$/.test(code) ? code : null;
}

export async function createLinkCode(db: Db, staffId: number, now: Date, ttlDays: number): Promise<{ code: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
  for (;;) {
    const code = generateLinkCode();
    const inserted = await db
      .insertInto('link_codes')
      .values({ code, staff_id: staffId, created_at: now, expires_at: expiresAt })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst();
    if (inserted) return { code, expiresAt };
  }
}

export interface Account {
  channel: Channel;
  userId: string;
  chatId: string;
  displayName?: string | undefined;
}

export type LinkResult =
  { ok: true; staff: Staff; link: ChatLink; relinked: boolean } | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'account_taken' };

/**
 * Consumes a code and links the account to its staff member. A chat account links to one staff
 * member: an account already linked to someone else is refused; linking again replaces the
 * staff member's previous account on the same channel.
 */
export async function redeemLinkCode(db: Db, rawCode: string, account: Account, now: Date): Promise<LinkResult> {
  const code = normalizeLinkCode(rawCode);
  if (!code) return { ok: false, reason: 'unknown' };
  const row = await db.selectFrom('link_codes').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { ok: false, reason: 'expired' };

  const taken = await findLink(db, account.channel, account.userId);
  if (taken && taken.staff_id !== row.staff_id) return { ok: false, reason: 'account_taken' };

  const previous = await db
    .selectFrom('chat_links')
    .select('id')
    .where('channel', '=', account.channel)
    .where('staff_id', '=', row.staff_id)
    .executeTakeFirst();
  if (previous) await db.deleteFrom('chat_links').where('id', '=', previous.id).execute();

  const link = await db
    .insertInto('chat_links')
    .values({
      staff_id: row.staff_id,
      channel: account.channel,
      user_id: account.userId,
      chat_id: account.chatId,
      display_name: account.displayName ?? null,
      linked_at: now,
      last_seen_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.updateTable('link_codes').set({ used_at: now, used_by_link_id: link.id }).where('code', '=', code).execute();
  const staff = await db.selectFrom('staff').selectAll().where('id', '=', row.staff_id).executeTakeFirstOrThrow();
  return { ok: true, staff, link, relinked: previous !== undefined };
}

export async function findLink(db: Db, channel: Channel, userId: string): Promise<ChatLink | undefined> {
  return db.selectFrom('chat_links').selectAll().where('channel', '=', channel).where('user_id', '=', userId).executeTakeFirst();
}

export async function linksOfStaff(db: Db, staffId: number): Promise<ChatLink[]> {
  return db.selectFrom('chat_links').selectAll().where('staff_id', '=', staffId).execute();
}

/** Platforms the bot can push a nudge to (the web chat only answers while it is open). */
export const PUSH_CHANNELS: readonly Channel[] = ['telegram', 'zalo'];

/**
 * The one link per person that nudges go to, for many people at once (a set-based planner joins
 * on it): the channel they chose with /kenh, else the one they wrote from last. Links marked
 * unreachable are passed over, and `channels` limits the choice to platforms this process sends on.
 */
export function preferredLinks(db: Db, options: { channels?: readonly Channel[] } = {}) {
  const channels = options.channels ?? PUSH_CHANNELS;
  return db
    .selectFrom('chat_links as l')
    .innerJoin('staff as s', 's.id', 'l.staff_id')
    .distinctOn('l.staff_id')
    .selectAll('l')
    .where(channels.length > 0 ? sql<boolean>`l.channel in (${sql.join([...channels])})` : sql<boolean>`false`)
    .where('l.unreachable_at', 'is', null)
    .where('s.active', '=', true)
    .orderBy('l.staff_id')
    .orderBy(sql`coalesce(l.channel = s.preferred_channel, false) desc`)
    .orderBy(sql`l.last_seen_at desc nulls last`)
    .orderBy(sql`l.linked_at desc`)
    .orderBy(sql`l.id desc`);
}

/** Where one person's nudges go (see preferredLinks); undefined when they have no reachable link. */
export async function preferredLink(db: Db, staffId: number, options: { channels?: readonly Channel[] } = {}): Promise<ChatLink | undefined> {
  return preferredLinks(db, options).where('l.staff_id', '=', staffId).executeTakeFirst();
}

/** /kenh: the channel a person wants nudges on; null goes back to "the one I used last". */
export async function setPreferredChannel(db: Db, staffId: number, channel: Channel | null, now: Date): Promise<void> {
  await db.updateTable('staff').set({ preferred_channel: channel, updated_at: now }).where('id', '=', staffId).execute();
}

/** The language of the person behind a chat, for text a channel adds itself (a numbered menu). */
/** The language of the person a chat account is linked to, if it is linked. */
export async function accountLocale(db: Db, channel: Channel, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('chat_links as l')
    .innerJoin('staff as s', 's.id', 'l.staff_id')
    .select('s.locale')
    .where('l.channel', '=', channel)
    .where('l.user_id', '=', userId)
    .executeTakeFirst();
  return row?.locale;
}

export async function chatLocale(db: Db, channel: Channel, chatId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('chat_links as l')
    .innerJoin('staff as s', 's.id', 'l.staff_id')
    .select('s.locale')
    .where('l.channel', '=', channel)
    .where('l.chat_id', '=', chatId)
    .executeTakeFirst();
  return row?.locale;
}
