/** /digest on|off (/baocao): a leader or unit head turns the morning digest on or off for themselves. */
import type { Command, LinkedContext } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

/** Who receives the digest (plan-digest.ts): leaders and unit heads. */
const DIGEST_ROLES = ['leader', 'unit_head'];

export const digest: Command = {
  name: 'digest',
  aliases: ['baocao'],
  descriptionKey: 'cmd-digest',
  roles: ['leader', 'unit_head'],
  async run(ctx) {
    const { staff } = ctx as LinkedContext;
    if (!DIGEST_ROLES.includes(staff.role)) return reply(ctx.t('digest-not-for-staff'));
    const choice = ctx.args.trim().toLowerCase();
    if (choice !== 'on' && choice !== 'off') {
      return reply(ctx.t('digest-usage', { state: ctx.t(staff.digest_enabled ? 'digest-state-on' : 'digest-state-off') }));
    }
    const enabled = choice === 'on';
    await ctx.db.updateTable('staff').set({ digest_enabled: enabled, updated_at: ctx.now }).where('id', '=', staff.id).execute();
    return reply(ctx.t(enabled ? 'digest-turned-on' : 'digest-turned-off'));
  },
};
