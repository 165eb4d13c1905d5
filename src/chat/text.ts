/**
 * Free text from a linked person: the answer to a question the bot asked, a reply to a task
 * message, or a line such as "xong", "50%", "vướng: chờ số liệu", "gia hạn 20/12 #15". One
 * grammar (src/domain/reply-grammar.ts) reads it on every platform.
 */
import { parseReply, type ReplyIntent } from '../domain/reply-grammar.js';
import type { PromptKind } from '../db/schema.js';
import { clearPrompt } from '../store/conversation.js';
import type { ConversationState } from '../store/conversation-state.js';
import { STATUS_MENU } from './actions.js';
import { applyBlocked, applyChoice, applyExtension, applyNote, applyStatus } from './answer.js';
import type { LinkedContext, Response } from './types.js';
import { reply } from './types.js';

/** A bare answer goes to the task of the latest task message sent within this window. */
export const BARE_ANSWER_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Answers a line of free text, read once (`intent`) against the conversation loaded once
 * (`state`): the question waiting, the message replied to, the latest task message, the open tasks.
 */
export async function handleText(ctx: LinkedContext, state: ConversationState, text: string, intent: ReplyIntent, threadless = false): Promise<Response> {
  const { prompt, repliedTo } = state;
  if (prompt && intent.taskRef === undefined && (!repliedTo || repliedTo.includes(prompt.occurrenceId))) {
    return answerPrompt(ctx, prompt.kind, prompt.occurrenceId, text, intent);
  }
  const target = resolveTarget(state, intent, threadless);
  if (target === 'ambiguous') return reply(ctx.t(intent.kind === 'note' ? 'answer-note-needs-task' : 'answer-which-task'));
  if (target === 'unknown-task') return reply(ctx.t('answer-task-not-found', { id: intent.taskRef ?? 0 }));
  if (target === 'none') return reply(ctx.t(intent.kind === 'note' ? 'answer-note-needs-task' : 'answer-no-open-tasks'));
  return applyIntent(ctx, target, intent);
}

async function answerPrompt(ctx: LinkedContext, kind: PromptKind, occurrenceId: number, text: string, intent: ReplyIntent): Promise<Response> {
  if (kind === 'extension') {
    // Asked for a date, "20/12 vì …" is read as "gia hạn 20/12 vì …".
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
function resolveTarget(state: ConversationState, intent: ReplyIntent, threadless: boolean): Target {
  if (intent.taskRef !== undefined) return state.taskRefOccurrence ?? 'unknown-task';
  const { repliedTo } = state;
  if (repliedTo) return repliedTo.length === 1 && repliedTo[0] !== undefined ? repliedTo[0] : 'ambiguous';
  if (intent.kind === 'note' && !threadless) return 'none';
  // A bare answer goes to the task of the latest task message, if that was recent and is still open.
  if (state.latestOpen !== null) return state.latestOpen;
  const [only, second] = state.mine;
  if (only === undefined) return 'none';
  return second === undefined ? only : 'ambiguous';
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
