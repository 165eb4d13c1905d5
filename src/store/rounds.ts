/**
 * Report rounds and the answers unit heads give: open a round (once per period and scope), find
 * the round an answer belongs to (the ask it replies to, or "#15 …"), record answers append-only
 * ("giữ nguyên" copies the task's last result), and the policy that sets round defaults.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { DEFAULT_REPORT_POLICY, type Period, type ReportPolicy } from '../domain/rounds.js';
import type { TaskSchedule } from '../domain/recurrence.js';
import type { Channel } from '../domain/types.js';
import { storedSchedules } from './recurring.js';
import { getSetting } from './settings.js';

export const REPORT_POLICY_KEY = 'report_policy';

const storedPolicy = z
  .object({
    quarterDay: z.number().int().min(1).max(31),
    yearDay: z.number().int().min(1).max(31),
    yearMonth: z.number().int().min(1).max(12),
    collectWorkingDays: z.number().int().min(0).max(30),
    ask: z.enum(['unit_head', 'owner']),
    autoOpen: z.boolean(),
  })
  .partial();

export type StoredReportPolicy = z.infer<typeof storedPolicy>;

/** The stored keys only (what `round policy` shows as set by the office). */
export async function storedReportPolicy(db: Db): Promise<StoredReportPolicy> {
  return (await getSetting(db, REPORT_POLICY_KEY, storedPolicy)) ?? {};
}

/** The organisation's report policy: the stored keys over the defaults (a bad stored value is ignored). */
export async function loadReportPolicy(db: Db): Promise<ReportPolicy> {
  return { ...DEFAULT_REPORT_POLICY, ...((await getSetting(db, REPORT_POLICY_KEY, storedPolicy)) ?? {}) };
}

export interface Round {
  id: number;
  periodKey: string;
  from: string;
  to: string;
  due: string;
  collectFrom: string;
  documentId: number | null;
  status: 'collecting' | 'compiled';
  openedBy: 'office' | 'policy' | 'plan';
  compiledAt: Date | null;
}

const roundColumns = [
  'id',
  'period_key as periodKey',
  'period_from as from',
  'period_to as to',
  'due_date as due',
  'collect_from as collectFrom',
  'document_id as documentId',
  'status',
  'opened_by as openedBy',
  'compiled_at as compiledAt',
] as const;

export async function getRound(db: Db, id: number): Promise<Round | undefined> {
  return db.selectFrom('report_rounds').select(roundColumns).where('id', '=', id).executeTakeFirst();
}

export async function findRound(db: Db, periodKey: string, documentId: number | null): Promise<Round | undefined> {
  return db
    .selectFrom('report_rounds')
    .select(roundColumns)
    .where('period_key', '=', periodKey)
    .where(sql<boolean>`coalesce(document_id, 0) = ${documentId ?? 0}`)
    .executeTakeFirst();
}

export async function listRounds(db: Db, limit = 50): Promise<Round[]> {
  return db.selectFrom('report_rounds').select(roundColumns).orderBy('due_date', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Rounds still collecting whose collection has started by `today`. */
export async function collectingRounds(db: Db, today: string): Promise<Round[]> {
  return db.selectFrom('report_rounds').select(roundColumns).where('status', '=', 'collecting').where('collect_from', '<=', today).orderBy('id').execute();
}

/** Opens a round unless one exists for the period and scope; returns it and whether it is new. */
export async function openRound(
  db: Db,
  r: { period: Period; due: string; collectFrom: string; documentId: number | null; openedBy: Round['openedBy']; now: Date },
): Promise<{ round: Round; created: boolean }> {
  const inserted = await sql<{ id: number }>`
    insert into report_rounds (period_key, period_from, period_to, due_date, collect_from, document_id, opened_by, created_at)
    values (${r.period.key}, ${r.period.from}, ${r.period.to}, ${r.due}, ${r.collectFrom}, ${r.documentId}, ${r.openedBy}, ${r.now})
    on conflict do nothing returning id`.execute(db);
  const id = inserted.rows[0]?.id;
  if (id !== undefined) return { round: (await getRound(db, Number(id)))!, created: true };
  return { round: (await findRound(db, r.period.key, r.documentId))!, created: false };
}

export async function markCompiled(db: Db, roundId: number, now: Date): Promise<void> {
  await db.updateTable('report_rounds').set({ status: 'compiled', compiled_at: now }).where('id', '=', roundId).execute();
}

/** The report schedules a plan writes for itself: quarterly and yearly anchors of its reporting tasks. */
export async function planReportAnchors(db: Db, documentId: number): Promise<TaskSchedule[]> {
  const rows = await db.selectFrom('tasks').select(['title', 'due_spec']).where('document_id', '=', documentId).where('cancelled_at', 'is', null).execute();
  const reporting = rows.filter((r) => /b[áa]o c[áa]o/i.test(r.title.normalize('NFC')));
  return [...reporting, ...rows].flatMap((r) => storedSchedules(r.due_spec) ?? []).filter((s) => s.kind === 'quarterly' || s.kind === 'yearly');
}

export async function documentExists(db: Db, documentId: number): Promise<boolean> {
  return (await db.selectFrom('documents').select('id').where('id', '=', documentId).executeTakeFirst()) !== undefined;
}

/** What an answer is about: the round and the occurrence an ask named. */
export interface AskTarget {
  roundId: number;
  occurrenceId: number;
  taskId: number;
  title: string;
  status: 'collecting' | 'compiled';
}

const askTarget = (db: Db) =>
  db
    .selectFrom('outbox as x')
    .innerJoin('report_rounds as r', (j) => j.on(sql<boolean>`r.id = (x.payload->>'r')::int`))
    .innerJoin('occurrences as o', (j) => j.on(sql<boolean>`o.id = (x.payload->>'o')::int`))
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .select(['r.id as roundId', 'o.id as occurrenceId', 't.id as taskId', 't.title', 'r.status'])
    .where('x.kind', '=', 'round_ask');

/** The ask a message replies to (the bot's message in that chat). */
export async function askRepliedTo(db: Db, channel: Channel, chatId: string, messageId: string): Promise<AskTarget | undefined> {
  return askTarget(db).where('x.channel', '=', channel).where('x.chat_id', '=', chatId).where('x.platform_message_id', '=', messageId).executeTakeFirst();
}

/**
 * The latest ask of a round still collecting that this person got about task `taskId` ("15 giữ
 * nguyên" on Zalo). Once the round is compiled, "15 …" is ordinary text again.
 */
export async function askForTask(db: Db, staffId: number, taskId: number): Promise<AskTarget | undefined> {
  return askTarget(db)
    .where('x.staff_id', '=', staffId)
    .where('t.id', '=', taskId)
    .where('r.status', '=', 'collecting')
    .orderBy('x.id', 'desc')
    .executeTakeFirst();
}

export interface AnswerFields {
  result: string;
  product: string | null;
  difficulties: string | null;
  proposals: string | null;
}

/** The task's latest result before now: its latest round answer (any round), else the period's last note. */
export async function lastResult(db: Db, occurrenceId: number): Promise<AnswerFields | null> {
  const answer = await sql<AnswerFields>`
    select a.result, a.product, a.difficulties, a.proposals from round_answers a
    join occurrences o on o.id = a.occurrence_id
    where o.task_id = (select task_id from occurrences where id = ${occurrenceId})
    order by a.id desc limit 1`.execute(db);
  if (answer.rows[0]) return answer.rows[0];
  const note = await db.selectFrom('occurrences').select('last_note').where('id', '=', occurrenceId).executeTakeFirst();
  return note?.last_note ? { result: note.last_note, product: null, difficulties: null, proposals: null } : null;
}

export async function recordAnswer(
  db: Db,
  a: { roundId: number; occurrenceId: number; staffId: number; channel: Channel; fields: AnswerFields; kept: boolean; now: Date },
): Promise<number> {
  const row = await db
    .insertInto('round_answers')
    .values({
      round_id: a.roundId,
      occurrence_id: a.occurrenceId,
      staff_id: a.staffId,
      channel: a.channel,
      ...a.fields,
      kept: a.kept,
      created_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
