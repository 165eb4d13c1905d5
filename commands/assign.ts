/**
 * /assign (/giao): a unit head gives owners to the tasks their unit leads that nobody owns yet
 * (imported plans name units, not people). One task at a time, with a button per person of the
 * lead unit; until a task has an owner, the unit head is the one nudged about it.
 */
import { activePersonUnder, addTaskOwner, assignableTask, peopleInSubtree, unassignedInSubtree } from '../src/store/assignments.js';
import { getOccurrenceView } from '../src/store/tasks.js';
import { actions } from '../src/chat/actions.js';
import { taskCardText } from '../src/chat/cards.js';
import type { Command, LinkedContext, Response } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

const MAX_PEOPLE = 10;

/** People who can own a task of this unit: its own staff, else the assigner's unit. */
async function candidates(ctx: LinkedContext, leadUnitId: number) {
  const people = await peopleInSubtree(ctx.db, leadUnitId, MAX_PEOPLE);
  return people.length > 0 ? people : peopleInSubtree(ctx.db, ctx.staff.unit_id, MAX_PEOPLE);
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
  const list = await unassignedInSubtree(ctx.db, ctx.staff.unit_id, 200);
  const index = afterTaskId === undefined ? 0 : list.findIndex((r) => r.taskId === afterTaskId) + 1;
  const next = list[index] ?? (afterTaskId !== undefined ? list.find((r) => r.taskId !== afterTaskId) : undefined);
  if (!next || next.leadUnitId === null) return reply(ctx.t('assign-none'));
  return showTask(ctx, next.occurrenceId, next.leadUnitId, list.length);
}

export async function assignOwner(ctx: LinkedContext, taskId: number, ownerId: number): Promise<Response> {
  const target = await assignableTask(ctx.db, ctx.staff.unit_id, taskId);
  const owner = target?.leadUnitId != null ? await activePersonUnder(ctx.db, ownerId, [target.leadUnitId, ctx.staff.unit_id]) : undefined;
  if (ctx.staff.role === 'staff' || !target || !owner) {
    return { replies: [], notice: { text: ctx.t('action-invalid'), alert: true } };
  }
  await addTaskOwner(ctx.db, { taskId, occurrenceId: target.occurrenceId, ownerId: owner.id, byStaffId: ctx.staff.id, channel: ctx.channel, now: ctx.now });
  const next = await nextToAssign(ctx);
  return {
    replies: next.replies,
    edit: { text: ctx.t('assign-done', { id: taskId, name: owner.name }) },
    notice: { text: ctx.t('assign-done', { id: taskId, name: owner.name }) },
  };
}

export const assign: Command = {
  name: 'assign',
  aliases: ['giao'],
  descriptionKey: 'cmd-assign',
  roles: ['unit_head', 'leader', 'admin'],
  async run(ctx) {
    if (ctx.staff.role === 'staff') return reply(ctx.t('assign-not-allowed'));
    const ref = /^#?(\d{1,9})$/.exec(ctx.args.trim());
    if (ctx.args.trim() && !ref) return reply(ctx.t('assign-usage'));
    if (!ref) return nextToAssign(ctx);
    const target = await assignableTask(ctx.db, ctx.staff.unit_id, Number(ref[1]));
    if (!target || target.leadUnitId === null) return reply(ctx.t('answer-task-not-found', { id: Number(ref[1]) }));
    const remaining = (await unassignedInSubtree(ctx.db, ctx.staff.unit_id, 200)).length;
    return showTask(ctx, target.occurrenceId, target.leadUnitId, remaining);
  },
};
