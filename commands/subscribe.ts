/**
 * /subscribe (/theodoi) and /unsubscribe (/huytheodoi) in a unit's group chat: a unit head or
 * leader has the unit's morning digest and blockers posted there, for that unit's subtree only.
 * It records a subscription for the unit and never links or rebinds anyone's account.
 */
import type { Command, LinkedContext } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';
import { groupSubscription, subscribeGroup, unsubscribeGroup } from '../src/store/groups.js';
import { unitInSubtree } from '../src/store/scope.js';
import { getUnit } from '../src/store/units.js';

const MAY_SUBSCRIBE = ['unit_head', 'leader'];

/** A group chat (the channel says so; on Telegram a group's id is negative, a private chat's is the person's). */
function inGroup(ctx: LinkedContext): boolean {
  return ctx.group === true || (ctx.channel === 'telegram' && ctx.chatId !== ctx.userId && ctx.chatId.startsWith('-'));
}

export const subscribe: Command = {
  name: 'subscribe',
  aliases: ['theodoi'],
  descriptionKey: 'cmd-subscribe',
  roles: ['unit_head', 'leader'],
  inGroups: true,
  async run(ctx) {
    if (!inGroup(ctx)) return reply(ctx.t('subscribe-only-groups'));
    if (!MAY_SUBSCRIBE.includes(ctx.staff.role)) return reply(ctx.t('subscribe-not-allowed'));
    const unit = await getUnit(ctx.db, ctx.staff.unit_id);
    await subscribeGroup(ctx.db, { channel: ctx.channel, chatId: ctx.chatId, unitId: ctx.staff.unit_id, staffId: ctx.staff.id, now: ctx.now });
    return reply(ctx.t('subscribe-done', { unit: unit?.name ?? '' }));
  },
};

export const unsubscribe: Command = {
  name: 'unsubscribe',
  aliases: ['huytheodoi'],
  descriptionKey: 'cmd-unsubscribe',
  roles: ['unit_head', 'leader'],
  inGroups: true,
  async run(ctx) {
    if (!inGroup(ctx)) return reply(ctx.t('subscribe-only-groups'));
    const current = await groupSubscription(ctx.db, ctx.channel, ctx.chatId);
    if (!current) return reply(ctx.t('unsubscribe-none'));
    const mayStop = MAY_SUBSCRIBE.includes(ctx.staff.role) && (await unitInSubtree(ctx.db, ctx.staff.unit_id, current.unitId));
    if (!mayStop) return reply(ctx.t('subscribe-not-allowed'));
    await unsubscribeGroup(ctx.db, ctx.channel, ctx.chatId);
    return reply(ctx.t('unsubscribe-done'));
  },
};
