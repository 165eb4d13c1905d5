/** /lang vi|en (/ngonngu): the language dondoc speaks to this person. */
import { setStaffLocale } from '../src/store/staff.js';
import type { Command } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

export const lang: Command = {
  name: 'lang',
  aliases: ['ngonngu'],
  descriptionKey: 'cmd-lang',
  async run(ctx) {
    const choice = ctx.args.trim().toLowerCase();
    if (choice !== 'vi' && choice !== 'en') return reply(ctx.t('lang-usage'));
    await setStaffLocale(ctx.db, ctx.staff.id, choice, ctx.now);
    return { ...reply(ctx.deps.translator.t(choice, 'lang-changed')), locale: choice };
  },
};
