/** /digest on|off (/baocao): a leader or unit head turns the morning digest on or off for themselves. */
import type { Command } from '../src/chat/types.js';
import { setDigestEnabled } from '../src/store/staff.js';
import { reply } from '../src/chat/types.js';

/** Who receives the digest (plan-digest.ts): leaders and unit heads. */
const DIGEST_ROLES = ['leader', 'unit_head'];

export const digest: Command = {
  name: 'digest',
  aliases: ['baocao'],
  descriptionKey: 'cmd-digest',
  roles: ['leader', 'unit_head'],
  async run(ctx) {
    const { staff } = ctx;
    if (!DIGEST_ROLES.includes(staff.role)) return reply(ctx.t('digest-not-for-staff'));
    const choice = ctx.args.trim().toLowerCase();
    if (choice !== 'on' && choice !== 'off') {
      return reply(ctx.t('digest-usage', { state: ctx.t(staff.digest_enabled ? 'digest-state-on' : 'digest-state-off') }));
    }
    const enabled = choice === 'on';
    await setDigestEnabled(ctx.db, staff.id, enabled, ctx.now);
    return reply(ctx.t(enabled ? 'digest-turned-on' : 'digest-turned-off'));
  },
};
