/** /start [CODE]: links a chat account to a staff member with a code from the office. */
import { pickLocale } from '../src/i18n.js';
import { redeemLinkCode } from '../src/store/links.js';
import { setStaffLocale } from '../src/store/staff.js';
import type { Command, CommandContext, Response } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

export async function linkWithCode(ctx: CommandContext, code: string): Promise<Response> {
  const result = await redeemLinkCode(
    ctx.db,
    code,
    {
      channel: ctx.channel,
      userId: ctx.userId,
      chatId: ctx.chatId,
      displayName: ctx.displayName,
    },
    ctx.now,
  );
  if (!result.ok) return reply(ctx.t(`start-code-${result.reason.replace('_', '-')}`));
  // A first link takes the language of the person's app; later they can change it with /lang.
  const locale = ctx.languageCode ? pickLocale(ctx.languageCode, ctx.locale) : ctx.locale;
  if (!ctx.staff && locale !== result.staff.locale) await setStaffLocale(ctx.db, result.staff.id, locale, ctx.now);
  const t = ctx.deps.translator.for(locale);
  return { ...reply(t('start-linked', { name: result.staff.name }), t('start-next-steps')), locale };
}

export const start: Command = {
  name: 'start',
  descriptionKey: 'cmd-start',
  public: true,
  async run(ctx) {
    const code = ctx.args.trim();
    if (code) return linkWithCode(ctx, code);
    if (ctx.staff) return reply(ctx.t('start-already-linked', { name: ctx.staff.name }), ctx.t('start-next-steps'));
    return reply(ctx.t('start-how-to-link'));
  },
};
