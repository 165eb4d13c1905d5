/** Outgoing → Telegram: plain text (no parse mode, so staff-typed titles never turn into markup) and an inline keyboard. */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Action, Outgoing } from '../../domain/types.js';
import { actionRows } from '../action-rows.js';
import { splitText } from '../split.js';

/** Telegram allows 4096 UTF-16 code units per message; stay below it whatever the characters. */
export const TELEGRAM_TEXT_LIMIT = 4000;

export function keyboard(actions: Action[] | undefined): InlineKeyboardMarkup | undefined {
  const rows = actionRows(actions);
  if (rows.length === 0) return undefined;
  return { inline_keyboard: rows.map((row): InlineKeyboardButton[] => row.map((a) => ({ text: a.label, callback_data: a.action }))) };
}

/** One Outgoing as one or more Telegram messages; the keyboard rides on the last part. */
export function renderTelegram(out: Outgoing): { text: string; reply_markup?: InlineKeyboardMarkup }[] {
  const parts = splitText(out.text, TELEGRAM_TEXT_LIMIT);
  const markup = keyboard(out.actions);
  return parts.map((text, i) => (i === parts.length - 1 && markup ? { text, reply_markup: markup } : { text }));
}
