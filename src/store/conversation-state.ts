/**
 * Everything the handling of one update reads, in one statement: the update is claimed (a
 * redelivery is recognised), the chat account is identified and its last-seen refreshed, and the
 * conversation around it is loaded — the question the bot is waiting on, the chat's numbered
 * menu, the task message it replies to or the latest one, the person's first open tasks and the
 * occurrence a "#15" names. Commands and answers then work from this state instead of asking the
 * database again, piece by piece. Two answers are made whole in it: a status button's (the answer
 * written and the pressed card remembered, store/updates.ts statusAnswerSql) and the first page of
 * "/tasks" (store/tasks.ts myOpenOccurrencesSql).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { runPrepared } from '../db/prepared.js';
import type { Staff } from '../db/schema.js';
import { CHANNELS, ROLES, type Channel, type Status } from '../domain/types.js';
import { REMEMBER_AGAIN, type ChatMenu } from './conversation.js';
import { OPEN } from './statuses.js';
import { myOpenOccurrencesSql, readMyOpenOccurrences, type OccurrenceView } from './tasks.js';
import { readStatusAnswer, statusAnswerSql, type StatusAnswer } from './updates.js';

export interface ConversationQuery {
  channel: Channel;
  updateKey: string;
  /** The raw platform update, stored whole. */
  payload: unknown;
  userId: string;
  chatId: string;
  /** Said in a group: the link's chat (where personal messages go) is left as it is. */
  group?: boolean | undefined;
  now: Date;
  /**
   * The outcome recorded with the update, for a linked and for an unlinked account. The caller
   * updates it (setInboundOutcome) only when the handling ends otherwise.
   */
  outcome: { linked: string; unlinked: string };
  /**
   * Forget the question the bot was waiting on (a command starts afresh): deleted in this same
   * statement, for a linked account, when the update is claimed. `prompt` still shows it.
   */
  clearPrompt?: boolean | undefined;
  /**
   * A status button's answer, made in this same statement once the update is claimed and the
   * account is linked (statusAnswerSql): a press then needs no transaction around two statements.
   * `messageId` is the card pressed, when the answer edits it: remembered here as the chat's
   * latest message about the task (what the edit would otherwise remember once sent).
   */
  press?: { occurrenceId: number; status: Status; messageId?: string | undefined } | undefined;
  /** Load the first page of the person's open tasks (store/tasks.ts myOpenOccurrencesSql), for "/tasks". */
  tasksPage?: { limit: number } | undefined;
  /** Load what free text needs to find its task (the messages, the open tasks, "#15"). */
  forText?: { replyToMessageId?: string | undefined; taskRef?: number | undefined; menuSince: Date; latestSince: Date } | undefined;
}

export interface ConversationState {
  /** False for a redelivered update (already handled): nothing else was loaded or changed. */
  claimed: boolean;
  /** The active staff member behind the chat account, or null when it is not linked. */
  staff: Staff | null;
  prompt: { kind: 'blocked_reason' | 'extension'; occurrenceId: number } | null;
  /** The chat's numbered menu, if sent after `menuSince`. */
  menu: ChatMenu | null;
  /** Occurrences of the message replied to, when it was about tasks. */
  repliedTo: number[] | null;
  /** Occurrences of the latest task message since `latestSince`. */
  latest: number[] | null;
  /** The latest task message's one occurrence, when it is still open. */
  latestOpen: number | null;
  /** The person's first two open occurrences (soonest first): none, one, or "several". */
  mine: number[];
  /** The occurrence "#15" names: task 15's earliest open one, else its latest. */
  taskRefOccurrence: number | null;
  /** The answer to `press`, when it was asked for, the update claimed and the account linked. */
  press?: StatusAnswer;
  /** The pressed card (`press.messageId`) was remembered: the answer may edit it. */
  pressRemembered?: boolean;
  /** The first page of the person's open tasks and their number, when `tasksPage` asked for it and the account is linked. */
  tasksPage?: { rows: OccurrenceView[]; total: number };
}

const ids = z.array(z.number().int());
const staffRow = z.object({
  id: z.number().int(),
  unit_id: z.number().int(),
  name: z.string(),
  name_folded: z.string(),
  phone: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(['vi', 'en']),
  preferred_channel: z.enum(CHANNELS).nullable(),
  digest_enabled: z.boolean(),
  active: z.boolean(),
  created_at: z.coerce.date(),
  updated_at: z.coerce.date(),
});
const stateRow = z.object({
  claimed: z.boolean(),
  staff: staffRow.nullable(),
  prompt: z.object({ kind: z.enum(['blocked_reason', 'extension']), occurrenceId: z.number().int() }).nullable(),
  menu: z.object({ entries: z.array(z.object({ n: z.number().int(), action: z.string() })), needsTask: z.boolean() }).nullable(),
  replied_to: ids.nullable(),
  latest: ids.nullable(),
  latest_open: z.number().int().nullable(),
  mine: ids.nullable(),
  task_ref_occurrence: z.number().int().nullable(),
  press: z.unknown(),
  press_remembered: z.boolean().nullable(),
  tasks_page: z.array(z.record(z.string(), z.unknown())).nullable(),
});

export async function loadConversation(db: Db, q: ConversationQuery): Promise<ConversationState> {
  const text = q.forText;
  const none = sql`null`;
  const latest = text
    ? sql`(select r.occurrence_ids from message_refs r where r.channel = ${q.channel} and r.chat_id = ${q.chatId}
        and r.created_at >= ${text.latestSince} order by r.created_at desc, r.seq desc limit 1)`
    : none;
  const press = q.press
    ? statusAnswerSql(
        { occurrenceId: q.press.occurrenceId, staffId: sql`(select id from me)`, channel: q.channel, now: q.now },
        { id: sql`(select id from me)`, aboveStaff: sql`(select role <> 'staff' from me)`, unitId: sql`(select unit_id from me)` },
        { status: q.press.status },
        sql`exists (select 1 from claimed) and exists (select 1 from me)`,
      )
    : undefined;
  const { rows } = await runPrepared(
    db,
    sql<Record<string, unknown>>`
    with link as (
      select l.id, l.staff_id from chat_links l where l.channel = ${q.channel} and l.user_id = ${q.userId}
    ),
    me as (
      select s.* from staff s where s.id = (select staff_id from link) and s.active
    ),
    claimed as (
      insert into inbound_updates (channel, update_key, staff_id, payload, received_at, outcome)
      values (${q.channel}, ${q.updateKey}, (select id from me), ${JSON.stringify(q.payload ?? null)}::jsonb, ${q.now},
        case when exists (select 1 from me) then ${q.outcome.linked} else ${q.outcome.unlinked} end)
      on conflict (channel, update_key) do nothing
      returning 1
    ),
    touched as (
      update chat_links set last_seen_at = ${q.now},
        chat_id = ${q.group ? sql`chat_id` : q.chatId},
        unreachable_at = ${q.group ? sql`unreachable_at` : null},
        unreachable_reason = ${q.group ? sql`unreachable_reason` : null}
      where id = (select id from link) and exists (select 1 from me) and exists (select 1 from claimed)
      returning 1
    )${
      q.clearPrompt
        ? sql`,
    cleared as (
      delete from prompts where staff_id = (select id from me) and channel = ${q.channel} and exists (select 1 from claimed)
      returning 1
    )`
        : sql``
    }${
      press
        ? sql`,
    ${press.ctes}`
        : sql``
    }${
      press && q.press?.messageId !== undefined
        ? sql`,
    answer_ref as (
      insert into message_refs (channel, chat_id, message_id, occurrence_ids, created_at)
      select ${q.channel}, ${q.chatId}, ${q.press.messageId}, ${[q.press.occurrenceId]}::int[], ${q.now}
      where exists (select 1 from answer_allowed where status <> 'cancelled')
      ${REMEMBER_AGAIN}
      returning 1
    )`
        : sql``
    }
    select
      exists (select 1 from claimed) as claimed,
      (select to_jsonb(me) from me) as staff,
      (select jsonb_build_object('kind', p.kind, 'occurrenceId', p.occurrence_id) from prompts p
        where p.staff_id = (select id from me) and p.channel = ${q.channel} and p.expires_at > ${q.now}) as prompt,
      ${
        text
          ? sql`(select jsonb_build_object('entries', m.entries, 'needsTask', m.needs_task) from chat_menus m
        where m.channel = ${q.channel} and m.chat_id = ${q.chatId} and m.created_at >= ${text.menuSince})`
          : none
      } as menu,
      ${
        text?.replyToMessageId
          ? sql`(select r.occurrence_ids from message_refs r
        where r.channel = ${q.channel} and r.chat_id = ${q.chatId} and r.message_id = ${text.replyToMessageId})`
          : none
      } as replied_to,
      ${latest} as latest,
      ${
        text
          ? sql`(select o.id from occurrences o join tasks t on t.id = o.task_id
        where o.id = (select ids[1] from (select ${latest} as ids) x where cardinality(ids) = 1) and o.status in ${OPEN})`
          : none
      } as latest_open,
      ${
        text
          ? sql`(select array_agg(x.id) from (
        select o.id from occurrences o join tasks t on t.id = o.task_id, me
        where o.status in ${OPEN} and t.cancelled_at is null
          and (exists (select 1 from task_owners ow where ow.task_id = o.task_id and ow.staff_id = me.id)
            or (me.role = 'unit_head' and o.lead_unit_id = me.unit_id
              and not exists (select 1 from task_owners ow2 where ow2.task_id = o.task_id)))
        order by o.due_date asc nulls last, o.id limit 2) x)`
          : none
      } as mine,
      ${
        text?.taskRef !== undefined
          ? sql`(select o.id from occurrences o where o.task_id = ${text.taskRef}
        order by case when o.status in ${OPEN} then 0 else 1 end, o.due_date asc nulls last, o.id desc limit 1)`
          : none
      } as task_ref_occurrence,
      ${press ? sql`(select to_jsonb(a) from (${press.result}) a)` : none} as press,
      ${press && q.press?.messageId !== undefined ? sql`exists (select 1 from answer_ref)` : none} as press_remembered,
      ${
        q.tasksPage
          ? sql`(select coalesce(jsonb_agg(to_jsonb(p) order by p."dueDate" asc nulls last, p."occurrenceId"), '[]'::jsonb) from (${myOpenOccurrencesSql(
              { id: sql`(select id from me)`, role: sql`(select role from me)`, unitId: sql`(select unit_id from me)` },
              { limit: q.tasksPage.limit, offset: 0 },
            )}) p)`
          : none
      } as tasks_page`,
  );
  const row = stateRow.parse(rows[0]);
  return {
    claimed: row.claimed,
    staff: row.staff,
    prompt: row.prompt,
    menu: row.menu,
    repliedTo: row.replied_to,
    latest: row.latest,
    latestOpen: row.latest_open,
    mine: row.mine ?? [],
    taskRefOccurrence: row.task_ref_occurrence,
    ...(press && row.claimed && row.staff ? { press: readStatusAnswer(row.press ?? undefined), pressRemembered: row.press_remembered === true } : {}),
    ...(q.tasksPage && row.claimed && row.staff && row.tasks_page ? { tasksPage: readMyOpenOccurrences(row.tasks_page) } : {}),
  };
}
