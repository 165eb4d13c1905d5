/**
 * /assign (/giao): a unit head gives owners to the tasks their unit leads that nobody owns yet
 * (imported plans name units, not people). One task at a time, with a button per person of the
 * lead unit; until a task has an owner, the unit head is the one nudged about it.
 */
import { sql } from 'kysely';
import { getOccurrenceView, OPEN_STATUSES } from '../src/store/tasks.js';
import { actions } from '../src/chat/actions.js';
import { taskCardText } from '../src/chat/cards.js';
import type { Command, LinkedContext, Response } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

const MAX_PEOPLE = 10;

/** Open occurrences of unowned tasks led inside the person's unit subtree, soonest first. */
async function unassigned(ctx: LinkedContext, limit: number) {
  return ctx.db
    .selectFrom('occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .innerJoin('unit_closure as c', (j) => j.onRef('c.unit_id', '=', 'o.lead_unit_id').on('c.ancestor_id', '=', ctx.staff.unit_id))
    .select(['o.id as occurrenceId', 't.id as taskId', 'o.lead_unit_id as leadUnitId'])
    .where('o.status', 'in', OPEN_STATUSES)
    .where('t.cancelled_at', 'is', null)
    .where(sql<boolean>`not exists (select 1 from task_owners ow where ow.task_id = t.id)`)
    .orderBy(sql`o.due_date asc nulls last`)
    .orderBy('t.id')
    .limit(limit)
    .execute();
}

/** May this person assign this task: its lead unit lies in their subtree. */
async function assignable(ctx: LinkedContext, taskId: number) {
  return ctx.db
    .selectFrom('occurrences as o')
    .innerJoin('unit_closure as c', (j) => j.onRef('c.unit_id', '=', 'o.lead_unit_id').on('c.ancestor_id', '=', ctx.staff.unit_id))
    .select(['o.id as occurrenceId', 'o.lead_unit_id as leadUnitId'])
    .where('o.task_id', '=', taskId)
    .orderBy(sql`case when o.status in ('open','in_progress','blocked') then 0 else 1 end`)
    .orderBy('o.id', 'desc')
    .executeTakeFirst();
}

/** People who can own a task of this unit: its own staff, else the assigner's unit. */
async function candidates(ctx: LinkedContext, leadUnitId: number) {
  const inUnit = (unitId: number) =>
    ctx.db
      .selectFrom('staff as s')
      .innerJoin('unit_closure as c', (j) => j.onRef('c.unit_id', '=', 's.unit_id').on('c.ancestor_id', '=', unitId))
      .select(['s.id', 's.name'])
      .where('s.active', '=', true)
      .orderBy('c.depth')
      .orderBy('s.name')
      .limit(MAX_PEOPLE)
      .execute();
  const people = await inUnit(leadUnitId);
  return people.length > 0 ? people : inUnit(ctx.staff.unit_id);
}

async function showTask(ctx: LinkedContext, occurrenceId: number, leadUnitId: number, remaining: number): Promise<Response> {
  const view = await getOccurrenceView(ctx.db, occurrenceId);
  if (!view) return reply(ctx.t('assign-none'));
  const people = await candidates(ctx, leadUnitId);
  return reply({
    text: [taskCardText(ctx.t, view, ctx.today), '', ctx.t('assign-who', { remaining })].join('\n'),
    actions: [
      ...people.map((p, i) => ({ label: p.name, action: actions.assign(view.taskId, p.id), row: Math.floor(i / 2) })),
      { label: ctx.t('button-assign-skip'), action: actions.assignSkip(view.taskId) },
    ],
    occurrenceIds: [occurrenceId],
  });
}

/** The next task to assign, after `afterTaskId` in the list when skipping. */
export async function nextToAssign(ctx: LinkedContext, afterTaskId?: number): Promise<Response> {
  const list = await unassigned(ctx, 200);
  const index = afterTaskId === undefined ? 0 : list.findIndex((r) => r.taskId === afterTaskId) + 1;
  const next = list[index] ?? (afterTaskId !== undefined ? list.find((r) => r.taskId !== afterTaskId) : undefined);
  if (!next || next.leadUnitId === null) return reply(ctx.t('assign-none'));
  return showTask(ctx, next.occurrenceId, next.leadUnitId, list.length);
}

export async function assignOwner(ctx: LinkedContext, taskId: number, ownerId: number): Promise<Response> {
  const target = await assignable(ctx, taskId);
  const owner = await ctx.db.selectFrom('staff').select(['id', 'name', 'unit_id']).where('id', '=', ownerId).where('active', '=', true).executeTakeFirst();
  const ownerInScope =
    owner &&
    target?.leadUnitId != null &&
    (await ctx.db
      .selectFrom('unit_closure')
      .select('unit_id')
      .where('unit_id', '=', owner.unit_id)
      .where('ancestor_id', 'in', [target.leadUnitId, ctx.staff.unit_id])
      .executeTakeFirst());
  if (ctx.staff.role === 'staff' || !target || !owner || !ownerInScope) {
    return { replies: [], notice: { text: ctx.t('action-invalid'), alert: true } };
  }
  await ctx.db
    .insertInto('task_owners')
    .values({ task_id: taskId, staff_id: owner.id, assigned_at: ctx.now })
    .onConflict((oc) => oc.columns(['task_id', 'staff_id']).doNothing())
    .execute();
  await ctx.db
    .insertInto('updates')
    .values({
      occurrence_id: target.occurrenceId,
      task_id: taskId,
      staff_id: ctx.staff.id,
      channel: ctx.channel,
      kind: 'assign',
      data: JSON.stringify({ owner: owner.id }),
      created_at: ctx.now,
    })
    .execute();
  const next = await nextToAssign(ctx);
  return { replies: next.replies, edit: { text: ctx.t('assign-done', { id: taskId, name: owner.name }) }, notice: { text: ctx.t('assign-done', { id: taskId, name: owner.name }) } };
}

export const assign: Command = {
  name: 'assign',
  aliases: ['giao'],
  descriptionKey: 'cmd-assign',
  roles: ['unit_head', 'leader', 'admin'],
  async run(ctx) {
    const linked = ctx as LinkedContext;
    if (linked.staff.role === 'staff') return reply(ctx.t('assign-not-allowed'));
    const ref = /^#?(\d{1,9})$/.exec(ctx.args.trim());
    if (ctx.args.trim() && !ref) return reply(ctx.t('assign-usage'));
    if (!ref) return nextToAssign(linked);
    const target = await assignable(linked, Number(ref[1]));
    if (!target || target.leadUnitId === null) return reply(ctx.t('answer-task-not-found', { id: Number(ref[1]) }));
    const remaining = (await unassigned(linked, 200)).length;
    return showTask(linked, target.occurrenceId, target.leadUnitId, remaining);
  },
};
