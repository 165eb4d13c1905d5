/**
 * Compiled report files and the one-time links that hand them out on platforms that cannot
 * receive a document from the bot (Zalo, the web chat). Only a token's SHA-256 is kept.
 */
import type { Db } from '../db/index.js';
import { hashToken, isTokenShaped, newToken } from './sessions.js';

/** How long a download link works (once). */
export const DOWNLOAD_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface RoundFile {
  id: number;
  fileName: string;
  bytes: Buffer;
}

export async function saveRoundFile(db: Db, roundId: number, fileName: string, bytes: Buffer, now: Date): Promise<number> {
  const row = await db
    .insertInto('round_files')
    .values({ round_id: roundId, file_name: fileName, bytes, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The latest compiled file of each name for a round. */
export async function roundFiles(db: Db, roundId: number): Promise<RoundFile[]> {
  const rows = await db
    .selectFrom('round_files')
    .select(['id', 'file_name as fileName', 'bytes'])
    .where('round_id', '=', roundId)
    .orderBy('id', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.fileName) && seen.add(r.fileName))
    .map((r) => ({ ...r, bytes: Buffer.from(r.bytes) }))
    .reverse();
}

export async function getRoundFile(db: Db, fileId: number): Promise<(RoundFile & { roundId: number }) | undefined> {
  const row = await db
    .selectFrom('round_files')
    .select(['id', 'file_name as fileName', 'bytes', 'round_id as roundId'])
    .where('id', '=', fileId)
    .executeTakeFirst();
  return row ? { ...row, bytes: Buffer.from(row.bytes) } : undefined;
}

export async function createDownloadToken(db: Db, fileId: number, staffId: number, now: Date): Promise<string> {
  const token = newToken();
  await db
    .insertInto('download_tokens')
    .values({ token_hash: hashToken(token), file_id: fileId, staff_id: staffId, created_at: now, expires_at: new Date(now.getTime() + DOWNLOAD_LINK_TTL_MS) })
    .execute();
  return token;
}

export type Redeemed = { ok: true; file: RoundFile } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Uses a download link: the file the first time, then "used". */
export async function redeemDownloadToken(db: Db, token: string, now: Date): Promise<Redeemed> {
  if (!isTokenShaped(token)) return { ok: false, reason: 'unknown' };
  const hash = hashToken(token);
  const row = await db.selectFrom('download_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (new Date(row.expires_at) <= now) return { ok: false, reason: 'expired' };
  const claimed = await db
    .updateTable('download_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .returning('file_id')
    .executeTakeFirst();
  if (!claimed) return { ok: false, reason: 'used' };
  const file = await getRoundFile(db, claimed.file_id);
  return file ? { ok: true, file } : { ok: false, reason: 'unknown' };
}
