/**
 * What an outbox row carries, one zod schema per kind of message. The writers (the planner's SQL,
 * the digest planner, the blocked / extension events) build payloads through the helpers here, and
 * the worker reads them back through `parseOutboxPayload`, so a row that does not match is skipped
 * with a reason instead of being rendered from a guess.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.number().int().positive();

export const NUDGE_ITEM_KINDS = ['due_soon', 'due_today', 'overdue', 'escalation'] as const;
export type NudgeItemKind = (typeof NUDGE_ITEM_KINDS)[number];

/** One task of a nudge or escalation. o: occurrence id, k: kind, n: working days left (due soon) or calendar days late. */
const nudgeItem = z.object({ o: id, k: z.enum(NUDGE_ITEM_KINDS), n: z.number().int() });

export const nudgePayload = z.object({
  type: z.enum(['nudge', 'escalation']),
  date: isoDate,
  total: z.number().int().nonnegative(),
  items: z.array(nudgeItem),
});

export const blockedPayload = z.object({
  type: z.literal('blocked'),
  o: id,
  /** Who marked it blocked. */
  by: id,
  byName: z.string(),
});

export const digestPayload = z.object({
  type: z.literal('digest'),
  /** The digest's local date. */
  date: isoDate,
  /** The previous working day (its digest covered up to `since`). */
  sinceDate: isoDate,
  since: z.iso.datetime(),
  at: z.iso.datetime(),
});

export const extensionRequestPayload = z.object({ type: z.literal('extension_request'), u: id });
export const extensionDecisionPayload = z.object({ type: z.literal('extension_decision'), u: id });
/** The office cancelled a task: u is the 'cancel' update (who, why). */
export const taskCancelledPayload = z.object({ type: z.literal('task_cancelled'), u: id });

/** A report round asks a unit head (or owner) for one task's result. r: round, o: occurrence. */
export const roundAskPayload = z.object({ type: z.literal('round_ask'), r: id, o: id });
/** The daily reminder of a round's tasks not answered yet. */
export const roundReminderPayload = z.object({ type: z.literal('round_reminder'), r: id, date: isoDate });
/** A round's compiled files, for the office and leaders. */
export const roundReportPayload = z.object({ type: z.literal('round_report'), r: id });
/** A unit's digest for a group chat that subscribed to it (no person behind the row). */
export const groupDigestPayload = digestPayload.extend({ type: z.literal('group_digest'), unit: id });

export const outboxPayload = z.discriminatedUnion('type', [
  nudgePayload,
  blockedPayload,
  digestPayload,
  extensionRequestPayload,
  extensionDecisionPayload,
  taskCancelledPayload,
  roundAskPayload,
  roundReminderPayload,
  roundReportPayload,
  groupDigestPayload,
]);

export type NudgePayload = z.infer<typeof nudgePayload>;
export type BlockedPayload = z.infer<typeof blockedPayload>;
export type DigestPayload = z.infer<typeof digestPayload>;
export type ExtensionRequestPayload = z.infer<typeof extensionRequestPayload>;
export type ExtensionDecisionPayload = z.infer<typeof extensionDecisionPayload>;
export type RoundAskPayload = z.infer<typeof roundAskPayload>;
export type RoundReminderPayload = z.infer<typeof roundReminderPayload>;
export type RoundReportPayload = z.infer<typeof roundReportPayload>;
export type GroupDigestPayload = z.infer<typeof groupDigestPayload>;
export type OutboxPayload = z.infer<typeof outboxPayload>;

/** The payload of a stored row, or why it cannot be read. */
export function parseOutboxPayload(value: unknown): { ok: true; payload: OutboxPayload } | { ok: false; problem: string } {
  const parsed = outboxPayload.safeParse(value);
  return parsed.success ? { ok: true, payload: parsed.data } : { ok: false, problem: z.prettifyError(parsed.error).replace(/\s+/g, ' ') };
}

/** A payload as the JSON text an insert writes, checked against its schema first. */
export function payloadJson(payload: OutboxPayload): string {
  return JSON.stringify(outboxPayload.parse(payload));
}

/**
 * The nudge payload written by the planner's one set-based statement: the same fields as
 * `nudgePayload`, built as JSON text in SQL and cast once. jsonb_build_object per item and per
 * message cost ~0.35 s of a national tick (84 000 messages), so the text is concatenated here,
 * from values that are SQL integers, dates and the fixed kinds above; the test of the planner
 * reads every payload it writes back through `parseOutboxPayload`.
 */
export const nudgeSql = {
  /** One item, from integer columns and a kind column. */
  item: (occurrenceId: RawBuilder<unknown>, kind: RawBuilder<unknown>, days: RawBuilder<unknown>): RawBuilder<string> =>
    sql<string>`'{"o":' || ${occurrenceId} || ',"k":"' || ${kind} || '","n":' || ${days} || '}'`,
  /** The whole payload, from the message type, the local date, the total and an array of items. */
  payload: (type: RawBuilder<unknown>, date: string, total: RawBuilder<unknown>, items: RawBuilder<unknown>): RawBuilder<unknown> =>
    sql`('{"type":"' || ${type} || '","date":"' || ${date}::text || '","total":' || ${total} || ',"items":[' || array_to_string(${items}, ',') || ']}')::jsonb`,
};
