/** The message an owner gets when the office cancels their task: which task, who, and why. */
import type { Db } from '../db/index.js';
import { truncate } from './cards.js';
import type { Translate } from '../i18n.js';
import { cancellation } from '../store/office-tasks.js';
import type { Rendered } from './nudge-message.js';

const TITLE_MAX = 120;

export async function renderTaskCancelled(db: Db, t: Translate, updateId: number): Promise<Rendered> {
  const found = await cancellation(db, updateId);
  if (!found) return { skip: 'the cancellation no longer exists' };
  return { out: { text: t('task-cancelled-owner', { id: found.taskId, title: truncate(found.title, TITLE_MAX), who: found.by, reason: found.reason }) } };
}
