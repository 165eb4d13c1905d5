/**
 * Zalo wording. The commands speak of buttons and of replying to a message, which Zalo bots have
 * neither of; on Zalo the same messages come from `zalo-*` ids that speak of numbers and the next
 * message instead. Commands stay platform-free: they ask for 'help-answers', and the Zalo
 * channel's translator answers with 'zalo-help-answers'.
 */
import type { Translator } from '../../i18n.js';

export const ZALO_WORDING: Readonly<Record<string, string>> = {
  'help-answers': 'zalo-help-answers',
  'answer-which-task': 'zalo-answer-which-task',
  'answer-note-needs-task': 'zalo-answer-note-needs-task',
  'unsupported-message': 'zalo-unsupported-message',
  'start-how-to-link': 'zalo-start-how-to-link',
  'link-first': 'zalo-link-first',
  'action-invalid': 'zalo-action-invalid',
  'prompt-blocked-reason': 'zalo-prompt-blocked-reason',
  // Outbox messages, when rendered with this translator for a Zalo recipient.
  'nudge-footer': 'zalo-nudge-footer',
  'escalation-footer': 'zalo-escalation-footer',
  'round-ask-how': 'zalo-round-ask-how',
};

/** A translator that says things the Zalo way (see ZALO_WORDING). */
export function zaloTranslator(base: Translator): Translator {
  const id = (key: string): string => ZALO_WORDING[key] ?? key;
  return {
    ...base,
    t: (locale, key, vars) => base.t(locale, id(key), vars),
    for: (locale) => (key, vars) => base.t(locale, id(key), vars),
  };
}
