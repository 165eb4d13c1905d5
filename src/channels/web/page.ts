/** The web chat page: a phone-sized chat, rendered on the server in the page's language; chat.js makes it live. */
import { COMMANDS } from '../../../commands/index.js';
import type { Staff } from '../../db/schema.js';
import type { Locale } from '../../domain/types.js';
import { html, jsonScript, type Html } from '../../http/html.js';
import type { Translate } from '../../i18n.js';

import type { PickerPerson } from '../../store/web-chat.js';

export interface ChatPageInput {
  t: Translate;
  locale: Locale;
  /** Who this chat acts as; undefined before linking (or picking, in demo mode). */
  staff?: (Staff & { unitName: string }) | undefined;
  /** Present only in demo mode, when nobody is picked yet. */
  picker?: PickerPerson[] | undefined;
  /** A first message shown (not stored) to a chat with no history yet: how to link. */
  intro?: string | undefined;
  demo: boolean;
}

/** Page controls (language) or other platforms' settings (/kenh picks Telegram or Zalo), not worth a chip here. */
const NOT_CHIPS = ['start', 'lang', 'kenh'];

/** Commands worth a tap in the page: what /help would list for this person, minus NOT_CHIPS. */
function quickCommands(t: Translate, staff: Staff | undefined): { text: string; title: string }[] {
  if (!staff)
    return [
      { text: '/start', title: t('cmd-start') },
      { text: '/help', title: t('cmd-help') },
    ];
  return COMMANDS.filter((c) => !NOT_CHIPS.includes(c.name) && (!c.roles || c.roles.includes(staff.role))).map((c) => ({
    text: `/${c.name}`,
    title: t(c.descriptionKey),
  }));
}

function langSwitch(t: Translate, locale: Locale, action: string): Html {
  const other = locale === 'vi' ? 'en' : 'vi';
  return html`<form method="post" action="${action}" class="inline">
      <input type="hidden" name="lang" value="${other}"><input type="hidden" name="next" value="/">
      <button class="ghost" type="submit" lang="${other}">${t(other === 'en' ? 'web-lang-en' : 'web-lang-vi')}</button>
    </form>`;
}

function pickerSection(t: Translate, people: PickerPerson[]): Html {
  const units = new Map<string, PickerPerson[]>();
  for (const p of people) units.set(p.unitName, [...(units.get(p.unitName) ?? []), p]);
  return html`<section class="picker">
    <p class="intro">${t('web-picker-intro')}</p>
    <p class="hint">${t('web-picker-hint')}</p>
    <form method="post" action="/chat/pick">
      ${[...units].map(
        ([unit, members]) => html`<h2>${unit}</h2>
          <div class="people">
            ${members.map(
              (p) => html`<button type="submit" name="staff" value="${p.id}" class="person" data-role="${p.role}">
                <span class="name">${p.name}</span><span class="role">${t(`role-${p.role}`)}</span>
              </button>`,
            )}
          </div>`,
      )}
    </form>
  </section>`;
}

function chatSection(t: Translate, staff: Staff | undefined, intro: string | undefined): Html {
  const strings = {
    send: t('web-send'),
    replyTo: t('web-reply-to'),
    reply: t('web-reply-button'),
    offline: t('web-offline'),
    error: t('web-error'),
  };
  return html`<main id="log" class="log" aria-live="polite">${intro ? html`<article class="msg bot intro"><div class="text">${intro}</div></article>` : ''}</main>
    <div id="replying" class="replying" hidden><span class="label">${t('web-reply-to')}</span> <span id="replying-text"></span>
      <button type="button" id="reply-cancel" class="ghost">${t('web-reply-cancel')}</button></div>
    <nav class="chips" aria-label="${t('web-commands')}">
      ${quickCommands(t, staff).map((c) => html`<button type="button" class="chip" data-text="${c.text}" title="${c.title}">${c.text}</button>`)}
    </nav>
    <form id="composer" class="composer" autocomplete="off">
      <input id="text" name="text" maxlength="4000" placeholder="${t('web-placeholder')}" aria-label="${t('web-placeholder')}">
      <button type="submit">${t('web-send')}</button>
    </form>
    <div id="toast" class="toast" role="status" hidden></div>
    <script type="application/json" id="dondoc-strings">${jsonScript(strings)}</script>
    <script src="/assets/chat.js" defer></script>`;
}

export function chatPage(input: ChatPageInput): Html {
  const { t, locale, staff, picker, demo, intro } = input;
  const who = staff
    ? html`<span class="sub">${staff.name} · ${t(`role-${staff.role}`)} · ${staff.unitName}</span>`
    : demo
      ? html`<span class="sub">${t('web-subtitle-demo')}</span>`
      : '';
  const leave = staff
    ? html`<form method="post" action="/chat/leave" class="inline"><button class="ghost" type="submit">${t(demo ? 'web-switch-person' : 'web-leave')}</button></form>`
    : '';
  return html`<!doctype html>
<html lang="${locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <title>${t('web-title')}</title>
  <link rel="stylesheet" href="/assets/chat.css">
</head>
<body>
  <div class="phone">
    <header class="bar">
      <div class="who"><strong>dondoc</strong>${who}</div>
      <div class="tools">${leave}${langSwitch(t, locale, '/chat/lang')}</div>
    </header>
    ${picker ? pickerSection(t, picker) : chatSection(t, staff, intro)}
  </div>
</body>
</html>`;
}
