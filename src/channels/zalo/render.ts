/**
 * Outgoing → Zalo messages. Zalo has no buttons, so a message's actions become a numbered menu on
 * its last line ("Trả lời: 1 Đang làm · 2 Xong · 3 Vướng mắc · 4 Gia hạn"), and the numbers are
 * remembered per chat (chat/menu.ts) so that typing one runs the action the button would.
 *
 * Numbers are given per batch (one reply or one outbox send, possibly several messages) and never
 * repeat inside it: status answers are always 1–4 (STATUS_MENU order, the numbers the reply grammar
 * reads), other actions follow from 5, or from 1 when the batch has no status answers. When the
 * batch offers status answers for several tasks, each menu says to add the task ("2 #15") and the
 * status numbers are not remembered, so a bare "2" cannot land on the wrong task.
 */
import { actions, parseAction, STATUS_MENU, type StatusChoice } from '../../chat/actions.js';
import type { Outgoing } from '../../domain/types.js';
import type { Translate } from '../../i18n.js';
import type { ChatMenu, MenuEntry } from '../../store/conversation.js';
import { splitForZalo, ZALO_TEXT_LIMIT } from './split.js';

export interface ZaloMessage {
  /** Texts to send in order, each 1–2000 characters; the menu rides on the last one. */
  parts: string[];
  occurrenceIds: number[];
}

export interface ZaloBatch {
  messages: ZaloMessage[];
  /** What to remember for the chat; null when no message carried a menu (the old one stays). */
  menu: ChatMenu | null;
}

export interface RenderContext {
  t: Translate;
  /** Task number of an occurrence, for "2 #15"; needed only when a batch covers several tasks. */
  taskIdOf(occurrenceId: number): number | undefined;
}

const MENU_SEPARATOR = '\n\n';

type Numbered =
  | { n: number; label: string; action: string; status?: undefined }
  | { n: number; label: string; action: string; status: { choice: StatusChoice; occurrenceId: number } };

/** Occurrences a batch offers status answers for, in order of appearance. */
export function statusOccurrences(outs: Outgoing[]): number[] {
  const ids = new Set<number>();
  for (const out of outs) {
    for (const a of out.actions ?? []) {
      const parsed = parseAction(a.action);
      if (parsed?.kind === 'status') ids.add(parsed.occurrenceId);
    }
  }
  return [...ids];
}

export function renderZaloBatch(outs: Outgoing[], ctx: RenderContext): ZaloBatch {
  const withStatus = statusOccurrences(outs);
  const needsTask = withStatus.length > 1;
  let next = withStatus.length > 0 ? STATUS_MENU.length + 1 : 1;
  const entries: MenuEntry[] = [];
  let anyMenu = false;
  const messages: ZaloMessage[] = [];
  for (const out of outs) {
    const numbered: Numbered[] = (out.actions ?? []).map((a) => {
      const parsed = parseAction(a.action);
      if (parsed?.kind !== 'status') return { n: next++, label: a.label, action: a.action };
      const n = STATUS_MENU.indexOf(parsed.choice) + 1;
      return { n, label: a.label, action: a.action, status: { choice: parsed.choice, occurrenceId: parsed.occurrenceId } };
    });
    for (const item of numbered) {
      if (!item.status) entries.push({ n: item.n, action: item.action });
      // A status number answers as a task card's button does (the answer names the task), even
      // when the button sat under a list: Zalo has no list message to keep intact.
      else if (!needsTask) entries.push({ n: item.n, action: actions.status(item.status.choice, item.status.occurrenceId) });
    }
    const line = menuLine(numbered, needsTask, ctx);
    if (line) anyMenu = true;
    const parts = withTail(out.text, line);
    if (parts.length > 0) messages.push({ parts, occurrenceIds: out.occurrenceIds ?? [] });
  }
  const unique = [...new Map(entries.map((e) => [e.n, e])).values()].sort((a, b) => a.n - b.n);
  return { messages, menu: anyMenu ? { entries: unique, needsTask } : null };
}

function menuLine(numbered: Numbered[], needsTask: boolean, ctx: RenderContext): string | undefined {
  if (numbered.length === 0) return undefined;
  const shown = new Map<number, string>();
  for (const item of [...numbered].sort((a, b) => a.n - b.n)) {
    if (!shown.has(item.n)) shown.set(item.n, `${item.n} ${item.status ? ctx.t(`menu-status-${item.status.choice.replace('_', '-')}`) : item.label}`);
  }
  const items = [...shown.values()].join(' · ');
  const statuses = numbered.flatMap((i) => (i.status ? [{ n: i.n, ...i.status }] : []));
  const first = statuses[0];
  if (!needsTask || !first) return ctx.t('menu-line', { items });
  const occurrences = new Set(statuses.map((i) => i.occurrenceId));
  const exampleNumber = statuses.find((i) => i.choice === 'done')?.n ?? first.n;
  const id = ctx.taskIdOf(first.occurrenceId);
  if (id === undefined) return ctx.t('menu-line', { items });
  const example = `${exampleNumber} #${id}`;
  return occurrences.size === 1 ? ctx.t('menu-line-task', { items, id, example }) : ctx.t('menu-line-tasks', { items, example });
}

/** Splits a text for Zalo keeping `tail` (the menu) whole at the end of the last part. */
export function withTail(text: string, tail: string | undefined, limit = ZALO_TEXT_LIMIT): string[] {
  const parts = splitForZalo(text, limit);
  if (!tail) return parts;
  const last = parts.pop();
  if (last === undefined) return splitForZalo(tail, limit);
  const joined = `${last}${MENU_SEPARATOR}${tail}`;
  if (joined.length <= limit) return [...parts, joined];
  const room = limit - tail.length - MENU_SEPARATOR.length;
  if (room < 2) return [...parts, last, ...splitForZalo(tail, limit)];
  const rest = splitForZalo(last, room);
  const end = rest.pop() ?? '';
  return [...parts, ...rest, `${end}${MENU_SEPARATOR}${tail}`];
}
