/**
 * /kenh telegram|zalo|auto (/channel): where nudges go for a person linked on several platforms.
 * Never to both: the outbox asks store/links.ts preferredLink, which honours this choice.
 */
import type { Channel } from '../src/domain/types.js';
import { fold } from '../src/domain/text.js';
import { linksOfStaff, preferredLink, PUSH_CHANNELS, setPreferredChannel } from '../src/store/links.js';
import type { Command, LinkedContext, Response } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

const NAMES: Record<string, string> = { telegram: 'Telegram', zalo: 'Zalo' };
const AUTO_WORDS = new Set(['auto', 'tu dong', 'gan nhat']);

function channelName(channel: string): string {
  return NAMES[channel] ?? channel;
}

async function current(ctx: LinkedContext): Promise<Response> {
  const link = await preferredLink(ctx.db, ctx.staff.id);
  const chosen = ctx.staff.preferred_channel !== null && link?.channel === ctx.staff.preferred_channel;
  const line = link ? ctx.t(chosen ? 'channel-current-chosen' : 'channel-current-auto', { channel: channelName(link.channel) }) : ctx.t('channel-current-none');
  return reply(`${line}\n${ctx.t('channel-usage')}`);
}

export const kenh: Command = {
  name: 'kenh',
  aliases: ['channel'],
  descriptionKey: 'cmd-kenh',
  async run(ctx) {
    const choice = fold(ctx.args);
    if (!choice) return current(ctx);
    if (AUTO_WORDS.has(choice)) {
      await setPreferredChannel(ctx.db, ctx.staff.id, null, ctx.now);
      return reply(ctx.t('channel-auto'));
    }
    const channel = PUSH_CHANNELS.find((c) => c === choice);
    if (!channel) return reply(ctx.t('channel-usage'));
    const links = await linksOfStaff(ctx.db, ctx.staff.id);
    if (!links.some((l) => l.channel === channel)) return reply(ctx.t('channel-not-linked', { channel: channelName(channel) }));
    await setPreferredChannel(ctx.db, ctx.staff.id, channel satisfies Channel, ctx.now);
    return reply(ctx.t('channel-set', { channel: channelName(channel) }));
  },
};
