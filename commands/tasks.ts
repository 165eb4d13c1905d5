/** /tasks (/viec): the person's open tasks, soonest deadline first, five cards a page. */
import { listMyOpenOccurrences } from '../src/store/tasks.js';
import { actions } from '../src/chat/actions.js';
import { taskCard } from '../src/chat/cards.js';
import type { Command, LinkedContext, Response } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

export const TASKS_PAGE_SIZE = 5;

export async function tasksPage(ctx: LinkedContext, page: number): Promise<Response> {
  // The first page usually came with the update's claim (dispatch); a later one is read here.
  const loaded = page === 0 ? ctx.firstTasksPage : undefined;
  const { rows, total } = loaded ?? (await listMyOpenOccurrences(ctx.db, ctx.staff, { limit: TASKS_PAGE_SIZE, offset: page * TASKS_PAGE_SIZE }));
  if (total === 0) return reply(ctx.t('tasks-empty'));
  if (rows.length === 0) return reply(ctx.t('tasks-page-gone'));
  const pages = Math.ceil(total / TASKS_PAGE_SIZE);
  const from = page * TASKS_PAGE_SIZE + 1;
  const header = ctx.t('tasks-header', { total, from, to: from + rows.length - 1 });
  const response = reply(header, ...rows.map((row) => taskCard(ctx.t, row, ctx.today)));
  if (page + 1 < pages) {
    response.replies.push({
      text: ctx.t('tasks-more', { remaining: total - (from + rows.length - 1) }),
      actions: [{ label: ctx.t('button-next-page'), action: actions.tasksPage(page + 1) }],
    });
  }
  return response;
}

export const tasks: Command = {
  name: 'tasks',
  aliases: ['viec'],
  descriptionKey: 'cmd-tasks',
  readOnly: true,
  firstTasksPage: { limit: TASKS_PAGE_SIZE },
  run: (ctx) => tasksPage(ctx, 0),
};
