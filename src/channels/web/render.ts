/** Outgoing → the web chat: text as written (the page shows it as text, never as markup) and rows of buttons. */
import type { Action, Outgoing } from '../../domain/types.js';
import type { WebBody } from '../../store/web-chat.js';
import { actionRows } from '../action-rows.js';

export interface WebButton {
  label: string;
  action: string;
}

/** What a web chat message holds: stored in web_messages.body and sent to the page as is. */
export type { WebBody } from '../../store/web-chat.js';

/** Buttons grouped into rows the way Telegram's inline keyboard groups them (same `row` → same line). */
export function buttonRows(actions: Action[] | undefined): WebButton[][] {
  return actionRows(actions).map((row) => row.map((a) => ({ label: a.label, action: a.action })));
}

export function renderWeb(out: Outgoing): WebBody {
  const rows = buttonRows(out.actions);
  return rows.length > 0 ? { text: out.text, rows } : { text: out.text };
}
