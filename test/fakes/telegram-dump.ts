// A readable dump of the fake Telegram server for failed waits: recent calls, pending updates,
// and what each chat shows.
import type { InlineKeyboardButton, Message, Update } from 'grammy/types';
import type { TelegramState } from './telegram-state.js';
import { updateType } from './telegram-state.js';

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function describeUpdate(u: Update): string {
  if (u.message !== undefined) {
    const m = u.message;
    return `message from ${m.from?.id ?? '?'}: ${JSON.stringify(clip(m.text ?? m.caption ?? (m.document ? `[document ${m.document.file_name ?? ''}]` : '[non-text]'), 60))}`;
  }
  if (u.callback_query !== undefined) return `callback_query ${u.callback_query.id} from ${u.callback_query.from.id}: ${JSON.stringify(u.callback_query.data)}`;
  return updateType(u);
}

function describeMessage(m: Message): string {
  const markup = m.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
  const buttons = (markup?.inline_keyboard ?? [])
    .flat()
    .map((b) => `[${b.text}]`)
    .join(' ');
  const body = m.text ?? m.caption ?? (m.document !== undefined ? `[document ${m.document.file_name ?? ''}]` : '[non-text]');
  return `#${m.message_id}${m.edit_date !== undefined ? ' (edited)' : ''} ${JSON.stringify(clip(body))}${buttons === '' ? '' : ` ${buttons}`}`;
}

export function dumpState(state: TelegramState, lastCalls = 20): string {
  const lines: string[] = [];
  lines.push(`webhook: ${state.webhook?.url ?? '(none)'}; pending updates: ${state.queue.length}`);
  for (const u of state.queue.slice(0, 10)) lines.push(`  #${u.update_id} ${describeUpdate(u)}`);
  lines.push(`last ${Math.min(lastCalls, state.calls.length)} of ${state.calls.length} calls:`);
  for (const c of state.calls.slice(-lastCalls)) {
    const payload = clip(
      JSON.stringify(c.payload, (_k, v: unknown) => (Buffer.isBuffer(v) ? `<${v.length} bytes>` : v)),
      160,
    );
    lines.push(`  ${c.method} ${payload} → ${c.status ?? '…'}${c.error !== undefined ? ` ${c.error}` : ''}`);
  }
  for (const chat of state.chats.values()) {
    const flags = [chat.started ? 'started' : 'not started', chat.blocked ? 'blocked' : ''].filter(Boolean).join(', ');
    lines.push(`chat ${chat.id} (${chat.user.first_name}; ${flags}):`);
    for (const s of [...chat.messages.values()].slice(-8)) {
      lines.push(`  ${s.fromBot ? 'bot ' : 'user'} ${describeMessage(s.message)}${s.deleted ? ' (deleted)' : ''}`);
    }
  }
  return lines.join('\n');
}
