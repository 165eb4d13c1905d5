/**
 * Sending on Zalo, shared by interactive replies (channel.ts) and the outbox (sender.ts): render
 * one batch of Outgoing in the person's language (numbered menus, 2000-character parts), send the
 * parts in order, then remember what the person's next message may refer to: the tasks of the
 * batch (the bare-answer target) and its menu numbers.
 */
import type { Deps } from '../../chat/types.js';
import type { Outgoing } from '../../domain/types.js';
import { sendParts, type PartProgress } from '../../chat/sender.js';
import { pickLocale } from '../../i18n.js';
import { rememberSent } from '../../chat/sender.js';
import { saveChatMenu } from '../../store/conversation.js';
import { chatLocale } from '../../store/links.js';
import { getOccurrenceView } from '../../store/tasks.js';
import { renderZaloBatch, statusOccurrences } from './render.js';

/** Sends one text part (1–2000 characters) and returns Zalo's message id. */
export type SendText = (chatId: string, text: string) => Promise<string>;

export type Deliver = (chatId: string, outs: Outgoing[], progress?: PartProgress) => Promise<string>;

/** `deps.translator` should say things the Zalo way (zaloTranslator). */
export function createZaloDeliver(deps: Deps, sendText: SendText): Deliver {
  const remember = rememberSent(deps, 'zalo', { latestOnly: true });
  async function taskIds(outs: Outgoing[]): Promise<Map<number, number>> {
    const ids = new Map<number, number>();
    const occurrences = statusOccurrences(outs);
    if (occurrences.length < 2) return ids;
    for (const id of occurrences) {
      const view = await getOccurrenceView(deps.db, id);
      if (view) ids.set(id, view.taskId);
    }
    return ids;
  }

  return async function deliver(chatId, outs, progress) {
    const locale = pickLocale(await chatLocale(deps.db, 'zalo', chatId), deps.settings.defaultLocale);
    const ids = await taskIds(outs);
    const batch = renderZaloBatch(outs, { t: deps.translator.for(locale), taskIdOf: (id) => ids.get(id) });
    const lastId = await sendParts(
      batch.messages.flatMap((m) => m.parts),
      progress,
      (part) => sendText(chatId, part),
    );
    const occurrences = new Set(batch.messages.flatMap((m) => m.occurrenceIds));
    const now = deps.clock.now();
    await remember({ chatId, messageId: lastId, occurrenceIds: [...occurrences] });
    // A newer message about a task without a menu (a question, a decision) ends the old menu: a
    // number typed now must not act on a list the person no longer sees.
    const menu = batch.menu ?? (occurrences.size > 0 ? { entries: [], needsTask: false } : null);
    if (menu) await saveChatMenu(deps.db, 'zalo', chatId, menu, now);
    return lastId;
  };
}
