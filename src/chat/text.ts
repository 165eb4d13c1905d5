/**
 * Free text from a linked person: the answer to a question the bot asked, a reply to a task
 * message, or a line such as "xong", "50%", "vướng: chờ số liệu", "gia hạn 20/12 #15". One
 * grammar (src/domain/reply-grammar.ts) reads it on every platform.
 */
import { parseReply, type ReplyIntent } from '../domain/reply-grammar.js';
import { activePrompt, clearPrompt, findMessageRef, latestMessageRef } from '../store/conversation.js';
import { isOpenStatus } from '../domain/types.js';
import { getOccurrenceView, listMyOpenOccurrences, occurrenceOfTask } from '../store/tasks.js';
import { STATUS_MENU } from './actions.js';
import { applyBlocked, applyChoice, applyExtension, applyNote, applyStatus } from './answer.js';
import type { LinkedContext, Response } from './types.js';
import { reply } from './types.js';

const BARE_ANSWER_WINDOW_MS = 24 * 60 * 60 * 1000;

export async function handleText(ctx: LinkedContext, text: string, replyToMessageId?: string, threadless = false): Promise<Response> {
  const prompt = await activePrompt(ctx.db, ctx.staff.id, ctx.channel, ctx.now);
  const intent = parseReply(text, ctx.today);
  const repliedTo = replyToMessageId ? await findMessageRef(ctx.db, ctx.channel, ctx.chatId, replyToMessageId) : undefined;

  if (prompt && intent.taskRef === undefined && (!repliedTo || repliedTo.includes(prompt.occurrence_id))) {
    return answerPrompt(ctx, prompt.kind, prompt.occurrence_id, text, intent);
  }
  const target = await resolveTarget(ctx, intent, repliedTo, threadless);
  if (target === 'ambiguous') return reply(ctx.t(intent.kind === 'note' ? 'answer-note-needs-task' : 'answer-which-task'));
  if (target === 'unknown-task') return reply(ctx.t('answer-task-not-found', { id: intent.taskRef ?? 0 }));
  if (target === 'none') return reply(ctx.t(intent.kind === 'note' ? 'answer-note-needs-task' : 'answer-no-open-tasks'));
  return applyIntent(ctx, target, intent);
}

async function answerPrompt(ctx: LinkedContext, kind: string, occurrenceId: number, text: string, intent: ReplyIntent): Promise<Response> {
  if (kind === 'extension') {
    const asExtension = intent.kind === 'extension' ? intent : parseReply(`gia hạn ${text}`, ctx.today);
    if (asExtension.kind === 'extension') return applyExtension(ctx, occurrenceId, asExtension);
    return applyExtension(ctx, occurrenceId, { invalidDate: true });
  }
  await clearPrompt(ctx.db, ctx.staff.id, ctx.channel);
  // Asked for a reason, the person may instead say it is done after all.
  if (intent.kind === 'status') return applyStatus(ctx, occurrenceId, intent, false);
  const note = intent.kind === 'blocked' && intent.note ? intent.note : text;
  return applyNote(ctx, occurrenceId, note);
}

type Target = number | 'ambiguous' | 'unknown-task' | 'none';

/**
 * Which occurrence a line is about: "#15", the message it replies to, the last task message, or
 * the only open task. A note needs a reply (or "#15"), except where replies do not exist.
 */
async function resolveTarget(ctx: LinkedContext, intent: ReplyIntent, repliedTo: number[] | undefined, threadless: boolean): Promise<Target> {
  if (intent.taskRef !== undefined) return (await occurrenceOfTask(ctx.db, intent.taskRef)) ?? 'unknown-task';
  if (repliedTo) return repliedTo.length === 1 ? (repliedTo[0] as number) : 'ambiguous';
  if (intent.kind === 'note' && !threadless) return 'none';
  // A bare answer goes to the task of the latest task message, if that was recent and is still open.
  const latest = await latestMessageRef(ctx.db, ctx.channel, ctx.chatId, new Date(ctx.now.getTime() - BARE_ANSWER_WINDOW_MS));
  if (latest && latest.length === 1) {
    const view = await getOccurrenceView(ctx.db, latest[0]!);
    if (view && isOpenStatus(view.status)) return view.occurrenceId;
  }
  const open = await listMyOpenOccurrences(ctx.db, ctx.staff, { limit: 2, offset: 0 });
  if (open.total === 1) return open.rows[0]!.occurrenceId;
  return open.total === 0 ? 'none' : 'ambiguous';
}

function applyIntent(ctx: LinkedContext, occurrenceId: number, intent: ReplyIntent): Promise<Response> {
  switch (intent.kind) {
    case 'status':
      return applyStatus(ctx, occurrenceId, intent, false);
    case 'blocked':
      return applyBlocked(ctx, occurrenceId, intent.note);
    case 'extension':
      return applyExtension(ctx, occurrenceId, intent);
    case 'menu': {
      const choice = STATUS_MENU[intent.choice - 1];
      return choice ? applyChoice(ctx, occurrenceId, choice, false) : Promise.resolve(reply(ctx.t('answer-menu-range', { max: STATUS_MENU.length })));
    }
    case 'note':
    default:
      return applyNote(ctx, occurrenceId, intent.text);
  }
}
