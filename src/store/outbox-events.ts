/**
 * Messages caused by what someone did rather than by the time: a task marked blocked (the unit
 * head hears of it), an extension request (the unit head decides) and its decision (the owner
 * hears back), a task the office cancelled (its owners hear why). Each is an outbox row written in the caller's transaction, so the answer and the
 * message to send commit together or not at all.
 */
import { z } from 'zod';
import type { Db } from '../db/index.js';
import type { OutboxKind } from '../db/schema.js';
import { localDate } from '../domain/time.js';
import { nearestHeads } from './extensions.js';
import { queueGroupBlocked } from './groups.js';
import { enqueue, reachableChat } from './outbox.js';
import type { OutboxPayload } from './outbox-payloads.js';
import { loadSchedulePlan, nextWindowOpen } from './schedule.js';

/** Time given to type the reason after pressing "Vướng mắc", so the head's message carries it. */
export const BLOCKED_GRACE_MS = 10 * 60 * 1000;

async function enqueueFor(
  db: Db,
  staffId: number,
  row: { key: string; kind: OutboxKind; payload: OutboxPayload; notBefore: Date; now: Date },
): Promise<boolean> {
  const chat = await reachableChat(db, staffId);
  if (!chat) return false;
  const id = await enqueue(db, { dedupeKey: row.key, staffId, ...chat, kind: row.kind, payload: row.payload, notBefore: row.notBefore, now: row.now });
  return id !== undefined;
}

async function officeHours(db: Db, at: Date): Promise<Date> {
  const { calendar, policy } = await loadSchedulePlan(db);
  return nextWindowOpen(at, calendar, policy);
}

/** What a status update row keeps in `data`: the status it changed from. */
const statusData = z.object({ from: z.string() });

async function statusBefore(db: Db, updateId: number): Promise<string | undefined> {
  const row = await db.selectFrom('updates').select('data').where('id', '=', updateId).executeTakeFirst();
  return statusData.safeParse(row?.data).data?.from;
}

/**
 * Status update `updateId` made the occurrence blocked: tell the nearest unit head(s), once per
 * day, in office hours, a few minutes later (so the reason typed next is in the message). A note
 * added to a task that was already blocked escalates nothing.
 */
export async function enqueueBlockedEscalation(
  db: Db,
  e: { updateId: number; occurrenceId: number; staffId: number; staffName: string; now: Date },
): Promise<number> {
  if ((await statusBefore(db, e.updateId)) === 'blocked') return 0;
  const heads = await nearestHeads(db, e.occurrenceId, e.staffId);
  const notBefore = await officeHours(db, new Date(e.now.getTime() + BLOCKED_GRACE_MS));
  const payload: OutboxPayload = { type: 'blocked', o: e.occurrenceId, by: e.staffId, byName: e.staffName };
  // The unit's group chats (subscribed to this unit or one above it) hear of it too.
  let queued = await queueGroupBlocked(db, e.occurrenceId, payload, localDate(e.now), notBefore, e.now);
  for (const head of heads) {
    const key = `blocked:${head}:${e.occurrenceId}:${localDate(e.now)}`;
    if (await enqueueFor(db, head, { key, kind: 'escalation_blocked', payload, notBefore, now: e.now })) queued++;
  }
  return queued;
}

/** Routes an extension request to the nearest unit head(s), in office hours. */
export async function enqueueExtensionRequest(db: Db, e: { updateId: number; occurrenceId: number; staffId: number; now: Date }): Promise<number> {
  const heads = await nearestHeads(db, e.occurrenceId, e.staffId);
  const notBefore = await officeHours(db, e.now);
  const payload: OutboxPayload = { type: 'extension_request', u: e.updateId };
  let queued = 0;
  for (const head of heads) {
    if (await enqueueFor(db, head, { key: `extension_request:${head}:${e.updateId}`, kind: 'extension_request', payload, notBefore, now: e.now })) queued++;
  }
  return queued;
}

/** Tells the person who asked what was decided, at once. */
export async function enqueueExtensionDecision(db: Db, e: { decisionId: number; requesterId: number | null; now: Date }): Promise<boolean> {
  if (e.requesterId === null) return false;
  const payload: OutboxPayload = { type: 'extension_decision', u: e.decisionId };
  return enqueueFor(db, e.requesterId, { key: `extension_decision:${e.decisionId}`, kind: 'extension_decision', payload, notBefore: e.now, now: e.now });
}

/** Tells each owner of a task the office cancelled, with the reason, in office hours. */
export async function enqueueTaskCancelled(db: Db, e: { updateId: number; ownerIds: readonly number[]; now: Date }): Promise<number> {
  const notBefore = await officeHours(db, e.now);
  const payload: OutboxPayload = { type: 'task_cancelled', u: e.updateId };
  let queued = 0;
  for (const owner of new Set(e.ownerIds)) {
    if (await enqueueFor(db, owner, { key: `task_cancelled:${owner}:${e.updateId}`, kind: 'task_cancelled', payload, notBefore, now: e.now })) queued++;
  }
  return queued;
}
