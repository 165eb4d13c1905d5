/**
 * Numbers typed after a numbered menu. Platforms without buttons (Zalo) end a message with
 * "Trả lời: 1 Đang làm · 2 Xong · … · 5 Xem tiếp" and remember what each number stands for
 * (store/conversation.ts chat_menus); a bare number then runs the same action id the button
 * would, through the dispatcher's action route, re-checked against the database like any button.
 */
import type { ReplyIntent } from '../domain/reply-grammar.js';
import type { ConversationState } from '../store/conversation-state.js';
import { STATUS_MENU } from './actions.js';

/** A menu is answered within a day, like a bare answer to a task message. */
export const MENU_WINDOW_MS = 24 * 60 * 60 * 1000;

export type MenuPick =
  | { kind: 'action'; action: string }
  | { kind: 'unknown'; number: number; numbers: number[] }
  /** The latest message about a task had no menu: a bare number means nothing now. */
  | { kind: 'none' };

/**
 * What a bare "N" means after the chat's last menu (sent within MENU_WINDOW_MS): its action, a
 * number the menu did not list, no menu at all (the latest task message had none), or null to
 * read the text as usual (no recent menu, a question from the bot is waiting, "N #15", or a
 * status number after a menu for several tasks, which needs the task).
 */
export function menuPick(state: Pick<ConversationState, 'menu' | 'prompt'>, intent: ReplyIntent): MenuPick | null {
  if (intent.kind !== 'menu' || intent.taskRef !== undefined) return null;
  const { menu } = state;
  if (!menu || state.prompt) return null;
  const entry = menu.entries.find((e) => e.n === intent.choice);
  if (entry) return { kind: 'action', action: entry.action };
  if (menu.needsTask && intent.choice <= STATUS_MENU.length) return null;
  if (menu.entries.length === 0 && !menu.needsTask) return { kind: 'none' };
  const numbers = [...new Set([...(menu.needsTask ? STATUS_MENU.map((_, i) => i + 1) : []), ...menu.entries.map((e) => e.n)])];
  return { kind: 'unknown', number: intent.choice, numbers: numbers.sort((a, b) => a - b) };
}
