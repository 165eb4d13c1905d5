/**
 * Sending on Zalo, shared by interactive replies (channel.ts) and the outbox (sender.ts): render
 * one batch of Outgoing in the person's language (numbered menus, 2000-character parts), send the
 * parts in order, then remember what the person's next message may refer to: the tasks of the
 * batch (the bare-answer target) and its menu numbers.
 */
import { rememberSent, sendParts, type PartProgress } from '../../chat/sender.js';
import type { Deps } from '../../chat/types.js';
import type { Locale, Outgoing } from '../../domain/types.js';
import { pickLocale } from '../../i18n.js';
import { chatLocale } from '../../store/links.js';
import { taskIdsOf } from '../../store/tasks.js';
import { renderZaloBatch, statusOccurrences } from './render.js';

/** Sends one text part (1–2000 characters) and returns Zalo's message id. */
export type SendText = (chatId: string, text: string) => Promise<string>;

/** `locale`: the language of the batch when the caller knows it (a reply); otherwise the chat's person's. */
export type Deliver = (chatId: string, outs: Outgoing[], progress?: PartProgress, locale?: Locale) => Promise<string>;

/** `deps.translator` should say things the Zalo way (zaloTranslator). */
export function createZaloDeliver(deps: Deps, sendText: SendText): Deliver {
  const remember = rememberSent(deps, 'zalo', { latestOnly: true });
  /** Task numbers, for "2 #15": needed only when a batch answers for several tasks. */
  const taskIds = (outs: Outgoing[]) => {
    const occurrences = statusOccurrences(outs);
    return occurrences.length < 2 ? Promise.resolve(new Map<number, number>()) : taskIdsOf(deps.db, occurrences);
  };

  return async function deliver(chatId, outs, progress, known) {
    const locale = known ?? pickLocale(await chatLocale(deps.db, 'zalo', chatId), deps.settings.defaultLocale);
    const ids = await taskIds(outs);
    const batch = renderZaloBatch(outs, { t: deps.translator.for(locale), taskIdOf: (id) => ids.get(id) });
    const lastId = await sendParts(
      batch.messages.flatMap((m) => m.parts),
      progress,
      (part) => sendText(chatId, part),
    );
    const occurrences = [...new Set(batch.messages.flatMap((m) => m.occurrenceIds))];
    // A newer message about a task without a menu (a question, a decision) ends the old menu: a
    // number typed now must not act on a list the person no longer sees.
    const menu = batch.menu ?? (occurrences.length > 0 ? { entries: [], needsTask: false } : null);
    await remember({ chatId, messageId: lastId, occurrenceIds: occurrences, menu });
    return lastId;
  };
}
