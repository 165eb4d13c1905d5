/**
 * A unit head's answer for a report round, as light as a status reply: a reply to the ask about a
 * task, or "15 …" naming the task (Zalo has no replies), with the result and optionally
 * "Sản phẩm: …", "Khó khăn: …", "Đề xuất: …"; or "giữ nguyên" to keep the task's last result.
 * Anything else is not a round answer and goes on to the usual free-text handling.
 */
import { parseRoundAnswer } from '../domain/rounds.js';
import { askForTask, askRepliedTo, lastResult, recordAnswer, type AnswerFields, type AskTarget } from '../store/rounds.js';
import { unansweredAsks } from '../store/round-plan.js';
import { truncate } from './cards.js';
import { reply, type LinkedContext, type Response } from './types.js';

/** "15 giữ nguyên", "#15: đã ban hành …" (not "2 #15", a menu choice for task 15). */
const NUMBERED = /^#?(\d{1,9})\s*[:.)\-–]?\s+(?!#)([\s\S]+)$/u;

async function findTarget(ctx: LinkedContext, text: string, replyTo: string | undefined): Promise<{ target: AskTarget; body: string } | null> {
  if (replyTo !== undefined) {
    const target = await askRepliedTo(ctx.db, ctx.channel, ctx.chatId, replyTo);
    if (target) return { target, body: text };
  }
  const numbered = NUMBERED.exec(text.trim());
  if (!numbered) return null;
  const target = await askForTask(ctx.db, ctx.staff.id, Number(numbered[1]));
  return target ? { target, body: numbered[2]! } : null;
}

/** The answer's response, or null when the text is not about a round ask. */
export async function answerRound(ctx: LinkedContext, text: string, replyTo: string | undefined): Promise<Response | null> {
  const found = await findTarget(ctx, text, replyTo);
  if (!found) return null;
  const { target, body } = found;
  const task = { id: target.taskId, title: truncate(target.title, 90) };
  if (target.status !== 'collecting') return reply(ctx.t('round-answer-closed', task));
  const parsed = parseRoundAnswer(body);
  if (!parsed || (parsed.kind === 'result' && !parsed.result && !parsed.product && !parsed.difficulties && !parsed.proposals)) {
    return reply(ctx.t('round-answer-empty', task));
  }
  let fields: AnswerFields;
  if (parsed.kind === 'keep') {
    const last = await lastResult(ctx.db, target.occurrenceId);
    if (!last) return reply(ctx.t('round-answer-nothing-to-keep', task));
    fields = last;
  } else {
    const { kind: _kind, ...given } = parsed;
    fields = given;
  }
  const kept = parsed.kind === 'keep';
  await recordAnswer(ctx.db, {
    roundId: target.roundId,
    occurrenceId: target.occurrenceId,
    staffId: ctx.staff.id,
    channel: ctx.channel,
    fields,
    kept,
    now: ctx.now,
  });
  const left = await unansweredAsks(ctx.db, target.roundId, ctx.staff.id);
  const saved = ctx.t(kept ? 'round-answer-kept' : 'round-answer-saved', task);
  const next =
    left.length > 0 ? ctx.t('round-answer-left', { count: left.length, ids: left.map((l) => `#${l.taskId}`).join(', ') }) : ctx.t('round-answer-all');
  return reply(`${saved}\n${next}`);
}
