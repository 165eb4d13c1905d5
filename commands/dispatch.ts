/**
 * The inbound flow every channel shares (DESIGN.md §3): dedupe on (channel, update key) → who
 * is this → command, button or free text → store writes in one transaction → response.
 */
import { localDate } from '../src/domain/time.js';
import type { Locale } from '../src/domain/types.js';
import { pickLocale } from '../src/i18n.js';
import { claimInbound, clearPrompt, setInboundOutcome } from '../src/store/conversation.js';
import { identify, normalizeLinkCode } from '../src/store/links.js';
import { parseAction } from '../src/chat/actions.js';
import { applyChoice } from '../src/chat/answer.js';
import { assignOwner, nextToAssign } from './assign.js';
import { decideExtension, openTask } from '../src/chat/decisions.js';
import { findCommand } from './index.js';
import { menuPick } from '../src/chat/menu.js';
import { decidePlanDraft, handlePlanFile } from './plan-upload.js';
import { linkWithCode } from './start.js';
import { tasksPage } from './tasks.js';
import { handleText } from '../src/chat/text.js';
import { isLinked, type CommandContext, type Deps, type Incoming, type Response } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

export const MAX_TEXT_LENGTH = 4000;

/** Splits "/tasks@dondoc_bot arg" into ("tasks", "arg"); null when the text is not a command. */
export function parseCommand(text: string): { name: string; args: string } | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  return match ? { name: match[1]!.toLowerCase(), args: (match[2] ?? '').trim() } : null;
}

/**
 * Handles one inbound update. Returns null for a redelivered update (already handled). The
 * whole handling is one transaction, so an error leaves no half-applied answer, and the update
 * itself stays recorded in inbound_updates for the office to see.
 */
export async function dispatch(deps: Deps, incoming: Incoming): Promise<Response | null> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (db) => {
      if (!(await claimInbound(db, incoming.channel, incoming.updateKey, incoming.payload, now))) return null;
      const who = await identify(db, incoming.channel, incoming.userId, incoming.chatId, now);
      const locale: Locale = who ? pickLocale(who.staff.locale, deps.settings.defaultLocale) : pickLocale(incoming.languageCode, deps.settings.defaultLocale);
      const ctx: CommandContext = {
        db,
        deps,
        staff: who?.staff ?? null,
        channel: incoming.channel,
        userId: incoming.userId,
        chatId: incoming.chatId,
        displayName: incoming.displayName,
        languageCode: incoming.languageCode,
        now,
        today: localDate(now),
        locale,
        t: deps.translator.for(locale),
        args: '',
      };
      const { response, outcome } = await route(ctx, incoming);
      await setInboundOutcome(db, incoming.channel, incoming.updateKey, ctx.staff?.id ?? null, outcome);
      return response;
    });
  } catch (error) {
    deps.logger.error({ err: error, channel: incoming.channel, updateKey: incoming.updateKey }, 'inbound update failed');
    await recordFailedInbound(deps, incoming, now);
    const t = deps.translator.for(pickLocale(incoming.languageCode, deps.settings.defaultLocale));
    return { ...reply(t('error-internal')), notice: { text: t('error-internal'), alert: true } };
  }
}

/** Keeps what the person said even when handling it failed. */
async function recordFailedInbound(deps: Deps, incoming: Incoming, now: Date): Promise<void> {
  try {
    await claimInbound(deps.db, incoming.channel, incoming.updateKey, incoming.payload, now);
    await setInboundOutcome(deps.db, incoming.channel, incoming.updateKey, null, 'error');
  } catch (error) {
    deps.logger.error({ err: error }, 'could not record a failed inbound update');
  }
}

async function route(ctx: CommandContext, incoming: Incoming): Promise<{ response: Response; outcome: string }> {
  const body = incoming.body;
  if (body.kind === 'action') return routeAction(ctx, body.action);
  if (body.kind === 'file' && isLinked(ctx)) return { response: await handlePlanFile(ctx, body), outcome: 'file' };
  if (body.kind === 'unsupported' || body.kind === 'file') {
    const what = body.kind === 'unsupported' ? body.what : 'file';
    return { response: reply(ctx.t(ctx.staff ? 'unsupported-message' : 'link-first', { what })), outcome: `unsupported:${body.kind}` };
  }
  const text = body.text;
  if ([...text].length > MAX_TEXT_LENGTH) return { response: reply(ctx.t('text-too-long', { max: MAX_TEXT_LENGTH })), outcome: 'too_long' };
  const command = parseCommand(text);
  if (command) {
    const found = findCommand(command.name);
    if (!found) return { response: reply(ctx.t('command-unknown', { command: command.name })), outcome: 'unknown_command' };
    const withArgs = { ...ctx, args: command.args };
    if (isLinked(withArgs)) await clearPrompt(ctx.db, withArgs.staff.id, ctx.channel);
    if (found.public) return { response: await found.run(withArgs), outcome: `command:${found.name}` };
    if (!isLinked(withArgs)) return { response: reply(ctx.t('link-first')), outcome: 'not_linked' };
    return { response: await found.run(withArgs), outcome: `command:${found.name}` };
  }
  if (!isLinked(ctx)) {
    // Zalo and web users may type the code alone, without /start.
    const code = normalizeLinkCode(text);
    if (code && !/\s/.test(text.trim())) return { response: await linkWithCode(ctx, code), outcome: 'link_attempt' };
    return { response: reply(ctx.t('link-first')), outcome: 'not_linked' };
  }
  // A bare number after a numbered menu (platforms without buttons) is that menu's action.
  const pick = await menuPick(ctx, text);
  if (pick?.kind === 'action') {
    const routed = await routeAction(ctx, pick.action);
    return { response: routed.response, outcome: `menu:${routed.outcome}` };
  }
  if (pick?.kind === 'unknown') {
    return { response: reply(ctx.t('menu-number-unknown', { number: pick.number, numbers: pick.numbers.join(', ') })), outcome: 'menu:unknown' };
  }
  if (pick?.kind === 'none') return { response: reply(ctx.t('menu-none')), outcome: 'menu:none' };
  return { response: await handleText(ctx, text, body.replyToMessageId, body.threadless ?? false), outcome: 'text' };
}

async function routeAction(ctx: CommandContext, data: string): Promise<{ response: Response; outcome: string }> {
  if (!isLinked(ctx)) return { response: { replies: [], notice: { text: ctx.t('link-first'), alert: true } }, outcome: 'not_linked' };
  const action = parseAction(data);
  if (!action) return { response: { replies: [], notice: { text: ctx.t('action-invalid'), alert: true } }, outcome: 'forged_action' };
  const linked = ctx;
  switch (action.kind) {
    case 'status': {
      const { edit, ...response } = await applyChoice(linked, action.occurrenceId, action.choice, true);
      // A button under one task of a list (a nudge) answers without turning the list into that task's card.
      return { response: action.inList ? response : { ...response, ...(edit ? { edit } : {}) }, outcome: `action:${action.choice}` };
    }
    case 'tasks_page':
      return { response: { ...(await tasksPage(linked, action.page)), notice: { text: '' } }, outcome: 'action:tasks_page' };
    case 'open_task':
      return { response: await openTask(linked, action.occurrenceId), outcome: 'action:open_task' };
    case 'extension_decision':
      return { response: await decideExtension(linked, action.updateId, action.approve), outcome: `action:extension_${action.approve ? 'approve' : 'reject'}` };
    case 'plan_decision':
      return { response: await decidePlanDraft(linked, action.draftId, action.confirm), outcome: `action:plan_${action.confirm ? 'confirm' : 'cancel'}` };
    case 'assign':
      return { response: await assignOwner(linked, action.taskId, action.staffId), outcome: 'action:assign' };
    case 'assign_skip':
      return { response: { ...(await nextToAssign(linked, action.taskId)), notice: { text: '' } }, outcome: 'action:assign_skip' };
  }
}
