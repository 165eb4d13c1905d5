/**
 * The inbound flow every channel shares (DESIGN.md §3): dedupe on (channel, update key) → who
 * is this → command, button or free text → store writes in one transaction → response.
 */
import { retryBriefly } from '../src/db/health.js';
import type { Db } from '../src/db/index.js';
import { localDate } from '../src/domain/time.js';
import type { Locale } from '../src/domain/types.js';
import { pickLocale } from '../src/i18n.js';
import { parseReply, type ReplyIntent } from '../src/domain/reply-grammar.js';
import { claimInbound, setInboundOutcome } from '../src/store/conversation.js';
import { loadConversation, type ConversationState } from '../src/store/conversation-state.js';
import { accountLocale, normalizeLinkCode } from '../src/store/links.js';
import { storable, storableDeep } from '../src/domain/text.js';
import { parseAction, type ParsedAction } from '../src/chat/actions.js';
import { applyChoice } from '../src/chat/answer.js';
import { answerRound } from '../src/chat/round-answer.js';
import { assignOwner, nextToAssign } from './assign.js';
import { decideExtension, openTask } from '../src/chat/decisions.js';
import { findCommand } from './index.js';
import { menuPick, MENU_WINDOW_MS } from '../src/chat/menu.js';
import { decidePlanDraft, handlePlanFile } from './plan-upload.js';
import { linkWithCode } from './start.js';
import { tasksPage } from './tasks.js';
import { BARE_ANSWER_WINDOW_MS, handleText } from '../src/chat/text.js';
import {
  isLinked,
  type Command,
  type CommandContext,
  type Deps,
  type Incoming,
  type IncomingBody,
  type LinkedContext,
  type Response,
} from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

export const MAX_TEXT_LENGTH = 4000;

/** Splits "/tasks@dondoc_bot arg" into ("tasks", "arg"); null when the text is not a command. */
export function parseCommand(text: string): { name: string; args: string } | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  return match ? { name: match[1]!.toLowerCase(), args: (match[2] ?? '').trim() } : null;
}

/** An update read once, before the database: what it is, and what its text says. */
type Reading =
  | { kind: 'action'; data: string; messageId?: string | undefined }
  | { kind: 'file'; body: Extract<IncomingBody, { kind: 'file' }> }
  | { kind: 'unsupported'; what: string }
  | { kind: 'too_long' }
  | { kind: 'command'; name: string; args: string; command: Command | undefined }
  | { kind: 'text'; text: string; intent: ReplyIntent; replyToMessageId?: string | undefined; threadless: boolean };

function read(body: IncomingBody, today: string): Reading {
  if (body.kind === 'action') return { kind: 'action', data: body.action, messageId: body.messageId };
  if (body.kind === 'file') return { kind: 'file', body };
  if (body.kind === 'unsupported') return { kind: 'unsupported', what: body.what };
  if ([...body.text].length > MAX_TEXT_LENGTH) return { kind: 'too_long' };
  const command = parseCommand(body.text);
  if (command) return { kind: 'command', ...command, command: findCommand(command.name) };
  return { kind: 'text', text: body.text, intent: parseReply(body.text, today), replyToMessageId: body.replyToMessageId, threadless: body.threadless ?? false };
}

/**
 * A "Đang thực hiện" or "Hoàn thành" button: its whole handling is one status answer
 * (chat/answer.ts applyStatus), which the claim's statement makes. The other buttons ask a
 * question or write more, in a transaction as usual.
 */
function statusPress(r: Reading): { occurrenceId: number; status: 'in_progress' | 'done'; messageId?: string | undefined } | undefined {
  if (r.kind !== 'action') return undefined;
  const action = parseAction(r.data);
  if (action?.kind !== 'status' || (action.choice !== 'in_progress' && action.choice !== 'done')) return undefined;
  // A button under one task of a list answers without editing the list (actionResponse).
  return { occurrenceId: action.occurrenceId, status: action.choice, ...(action.inList ? {} : { messageId: r.messageId }) };
}

/** The link code a person typed alone (Zalo and web users may leave out /start). */
function typedCode(text: string): string | null {
  const code = normalizeLinkCode(text);
  return code && !/\s/.test(text.trim()) ? code : null;
}

function actionOutcome(action: ParsedAction | null): string {
  if (!action) return 'forged_action';
  switch (action.kind) {
    case 'status':
      return `action:${action.choice}`;
    case 'extension_decision':
      return `action:extension_${action.approve ? 'approve' : 'reject'}`;
    case 'plan_decision':
      return `action:plan_${action.confirm ? 'confirm' : 'cancel'}`;
    default:
      return `action:${action.kind}`;
  }
}

/**
 * The outcome an update ends with unless what the database holds changes the route (a number
 * that picks from a menu): recorded with the update when it is claimed, so the usual answer
 * needs no second write to inbound_updates.
 */
function expectedOutcome(r: Reading): { linked: string; unlinked: string } {
  const both = (outcome: string) => ({ linked: outcome, unlinked: outcome });
  switch (r.kind) {
    case 'action':
      return { linked: actionOutcome(parseAction(r.data)), unlinked: 'not_linked' };
    case 'file':
      return { linked: 'file', unlinked: 'unsupported:file' };
    case 'unsupported':
      return both('unsupported:unsupported');
    case 'too_long':
      return both('too_long');
    case 'command':
      if (!r.command) return both('unknown_command');
      return { linked: `command:${r.command.name}`, unlinked: r.command.public ? `command:${r.command.name}` : 'not_linked' };
    case 'text':
      return { linked: 'text', unlinked: typedCode(r.text) ? 'link_attempt' : 'not_linked' };
  }
}

/**
 * Handles one inbound update. Returns null for a redelivered update (already handled). The
 * whole handling is one transaction, so an error leaves no half-applied answer, and the update
 * itself stays recorded in inbound_updates for the office to see. Two kinds need none, being one
 * statement: a command that only reads (its claim is its only write; /tasks reads its first page
 * in that statement too) and a status button (its answer is made in the claim's statement). The
 * update is read once and the conversation around it loaded once (store/conversation-state.ts);
 * the route works from them.
 */
export async function dispatch(deps: Deps, raw: Incoming): Promise<Response | null> {
  const incoming = storableIncoming(raw);
  if (!deps.observe) return handle(deps, incoming);
  const started = performance.now();
  try {
    return await handle(deps, incoming);
  } finally {
    deps.observe.inbound(incoming.channel, (performance.now() - started) / 1000);
  }
}

async function handle(deps: Deps, incoming: Incoming): Promise<Response | null> {
  const now = deps.clock.now();
  const today = localDate(now);
  const reading = read(incoming.body, today);
  // A command that only reads needs no transaction: its one write, the claim, is a statement of its
  // own. Nor does a status button: its answer is made in the claim's statement.
  const readOnly = reading.kind === 'command' && reading.command?.readOnly === true;
  const press = incoming.group ? undefined : statusPress(reading);
  const inTransaction = <T>(work: (db: Db) => Promise<T>): Promise<T> => (readOnly || press ? work(deps.db) : deps.db.transaction().execute(work));
  try {
    return await inTransaction(async (db) => {
      const outcome = expectedOutcome(reading);
      const state = await loadConversation(db, {
        ...incoming,
        now,
        outcome,
        // As routeCommand runs it: any known command in a private chat, only those meant for groups in a group.
        clearPrompt: reading.kind === 'command' && reading.command !== undefined && (!incoming.group || reading.command.inGroups === true),
        press,
        tasksPage: reading.kind === 'command' && !incoming.group ? reading.command?.firstTasksPage : undefined,
        forText:
          reading.kind === 'text'
            ? {
                replyToMessageId: reading.replyToMessageId,
                taskRef: reading.intent.taskRef,
                menuSince: new Date(now.getTime() - MENU_WINDOW_MS),
                latestSince: new Date(now.getTime() - BARE_ANSWER_WINDOW_MS),
              }
            : undefined,
      });
      if (!state.claimed) return null;
      const locale: Locale = pickLocale(state.staff ? state.staff.locale : incoming.languageCode, deps.settings.defaultLocale);
      const ctx: CommandContext = {
        db,
        deps,
        staff: state.staff,
        channel: incoming.channel,
        userId: incoming.userId,
        chatId: incoming.chatId,
        displayName: incoming.displayName,
        languageCode: incoming.languageCode,
        group: incoming.group,
        now,
        today,
        locale,
        t: deps.translator.for(locale),
        args: '',
        ...(press && state.press ? { pressAnswer: { ...press, answer: state.press } } : {}),
        ...(state.tasksPage ? { firstTasksPage: state.tasksPage } : {}),
      };
      const routed = await route(ctx, state, reading);
      if (routed.outcome !== (state.staff ? outcome.linked : outcome.unlinked)) {
        await setInboundOutcome(db, incoming.channel, incoming.updateKey, state.staff?.id ?? null, routed.outcome);
      }
      // The pressed card's edit is already remembered (the claim's statement stored what it is about).
      const editRemembered = routed.response.edit !== undefined && state.pressRemembered === true;
      return { ...routed.response, locale: routed.response.locale ?? locale, ...(editRemembered ? { editRemembered } : {}) };
    });
  } catch (error) {
    deps.logger.error({ err: error, channel: incoming.channel, updateKey: incoming.updateKey }, 'inbound update failed');
    const saved = await recordFailedInbound(deps, incoming, now);
    // Said in the person's language when they are linked (their app's language otherwise), and
    // "saved" only when it was.
    const personLocale = await accountLocale(deps.db, incoming.channel, incoming.userId).catch(() => undefined);
    const t = deps.translator.for(pickLocale(personLocale ?? incoming.languageCode, deps.settings.defaultLocale));
    const text = t(saved ? 'error-internal' : 'error-internal-not-saved');
    return { ...reply(text), notice: { text, alert: true }, ...(saved ? {} : { unsaved: true }) };
  }
}

/** Text, button data and the raw update as Postgres can store them (no NUL, no lone surrogate). */
function storableIncoming(incoming: Incoming): Incoming {
  const body = incoming.body;
  const cleanBody: IncomingBody =
    body.kind === 'text' ? { ...body, text: storable(body.text) } : body.kind === 'action' ? { ...body, action: storable(body.action) } : body;
  return { ...incoming, userId: storable(incoming.userId), chatId: storable(incoming.chatId), body: cleanBody, payload: storableDeep(incoming.payload) };
}

/** Waits between the tries to record a failed update: a dropped connection is replaced in a moment. */
export const RECORD_RETRY_MS = [200, 1_000] as const;

/**
 * Keeps what the person said even when handling it failed, trying again briefly (the failure is
 * often the database dropping its connections, which the pool replaces at once); false when even
 * that failed.
 */
async function recordFailedInbound(deps: Deps, incoming: Incoming, now: Date): Promise<boolean> {
  try {
    await retryBriefly(async () => {
      await claimInbound(deps.db, incoming.channel, incoming.updateKey, incoming.payload, now);
      await setInboundOutcome(deps.db, incoming.channel, incoming.updateKey, null, 'error');
    }, RECORD_RETRY_MS);
    return true;
  } catch (error) {
    deps.logger.error({ err: error }, 'could not record a failed inbound update');
    return false;
  }
}

type Routed = { response: Response; outcome: string };

/**
 * In a group chat the bot says nothing personal and links no one: a command that is safe there
 * (`inGroups`) runs, /help and /start get a short pointer to the private chat, every other command
 * and button is refused briefly, and other messages get no answer (they stay recorded).
 */
async function routeGroup(ctx: CommandContext, r: Reading): Promise<Routed> {
  if (r.kind === 'action') return { response: { replies: [], notice: { text: ctx.t('group-private-only'), alert: true } }, outcome: 'group:action_refused' };
  if (r.kind !== 'command') return { response: { replies: [] }, outcome: 'group:ignored' };
  const found = r.command;
  if (!found) return { response: { replies: [] }, outcome: 'group:unknown_command' };
  if (found.inGroups) return routeCommand(ctx, r);
  if (found.name === 'start' && r.args) return { response: reply(ctx.t('group-link-refused')), outcome: 'group:link_refused' };
  if (found.public) return { response: reply(ctx.t('group-help')), outcome: `group:command:${found.name}` };
  return { response: reply(ctx.t('group-private-only')), outcome: 'group:private_only' };
}

async function route(ctx: CommandContext, state: ConversationState, r: Reading): Promise<Routed> {
  if (ctx.group) return routeGroup(ctx, r);
  switch (r.kind) {
    case 'action':
      return routeAction(ctx, r.data);
    case 'file':
      if (isLinked(ctx)) return { response: await handlePlanFile(ctx, r.body), outcome: 'file' };
      return { response: reply(ctx.t('link-first', { what: 'file' })), outcome: 'unsupported:file' };
    case 'unsupported':
      return { response: reply(ctx.t(ctx.staff ? 'unsupported-message' : 'link-first', { what: r.what })), outcome: 'unsupported:unsupported' };
    case 'too_long':
      return { response: reply(ctx.t('text-too-long', { max: MAX_TEXT_LENGTH })), outcome: 'too_long' };
    case 'command':
      return routeCommand(ctx, r);
    case 'text':
      return routeText(ctx, state, r);
  }
}

async function routeCommand(ctx: CommandContext, r: Extract<Reading, { kind: 'command' }>): Promise<Routed> {
  const found = r.command;
  if (!found) return { response: reply(ctx.t('command-unknown', { command: r.name })), outcome: 'unknown_command' };
  // A command starts afresh: the question the bot was waiting on was cleared with the update's claim (dispatch).
  const withArgs = { ...ctx, args: r.args };
  if (found.public) return { response: await found.run(withArgs), outcome: `command:${found.name}` };
  if (!isLinked(withArgs)) return { response: reply(ctx.t('link-first')), outcome: 'not_linked' };
  return { response: await found.run(withArgs), outcome: `command:${found.name}` };
}

async function routeText(ctx: CommandContext, state: ConversationState, r: Extract<Reading, { kind: 'text' }>): Promise<Routed> {
  if (!isLinked(ctx)) {
    const code = typedCode(r.text);
    if (code) return { response: await linkWithCode(ctx, code), outcome: 'link_attempt' };
    return { response: reply(ctx.t('link-first')), outcome: 'not_linked' };
  }
  // The answer to a report round's ask: a reply to it, or "15 …" naming its task.
  const round = await answerRound(ctx, r.text, r.replyToMessageId);
  if (round) return { response: round, outcome: 'round_answer' };
  // A bare number after a numbered menu (platforms without buttons) is that menu's action.
  const pick = menuPick(state, r.intent);
  if (pick?.kind === 'action') {
    const routed = await routeAction(ctx, pick.action);
    return { response: routed.response, outcome: `menu:${routed.outcome}` };
  }
  if (pick?.kind === 'unknown') {
    return { response: reply(ctx.t('menu-number-unknown', { number: pick.number, numbers: pick.numbers.join(', ') })), outcome: 'menu:unknown' };
  }
  if (pick?.kind === 'none') return { response: reply(ctx.t('menu-none')), outcome: 'menu:none' };
  return { response: await handleText(ctx, state, r.text, r.intent, r.threadless), outcome: 'text' };
}

async function routeAction(ctx: CommandContext, data: string): Promise<Routed> {
  if (!isLinked(ctx)) return { response: { replies: [], notice: { text: ctx.t('link-first'), alert: true } }, outcome: 'not_linked' };
  const action = parseAction(data);
  const outcome = actionOutcome(action);
  if (!action) return { response: { replies: [], notice: { text: ctx.t('action-invalid'), alert: true } }, outcome };
  return { response: await actionResponse(ctx, action), outcome };
}

async function actionResponse(ctx: LinkedContext, action: ParsedAction): Promise<Response> {
  switch (action.kind) {
    case 'status': {
      const { edit, ...response } = await applyChoice(ctx, action.occurrenceId, action.choice, true);
      // A button under one task of a list (a nudge) answers without turning the list into that task's card.
      return action.inList ? response : { ...response, ...(edit ? { edit } : {}) };
    }
    case 'tasks_page':
      return { ...(await tasksPage(ctx, action.page)), notice: { text: '' } };
    case 'open_task':
      return openTask(ctx, action.occurrenceId);
    case 'extension_decision':
      return decideExtension(ctx, action.updateId, action.approve);
    case 'plan_decision':
      return decidePlanDraft(ctx, action.draftId, action.confirm);
    case 'assign':
      return assignOwner(ctx, action.taskId, action.staffId);
    case 'assign_skip':
      return { ...(await nextToAssign(ctx, action.taskId)), notice: { text: '' } };
  }
}
