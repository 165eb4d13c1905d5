/** /dashboard (/bangdieukhien): a one-time link, valid 15 minutes, that opens the leadership dashboard in a browser. */
import { createLoginToken, LOGIN_LINK_TTL_MS } from '../src/store/sessions.js';
import type { Command } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

export const dashboard: Command = {
  name: 'dashboard',
  aliases: ['bangdieukhien'],
  descriptionKey: 'cmd-dashboard',
  roles: ['leader', 'admin'],
  async run(ctx) {
    const { staff } = ctx;
    if (staff.role !== 'leader' && staff.role !== 'admin') return reply(ctx.t('dashboard-not-allowed'));
    const base = ctx.deps.settings.publicUrl ?? 'http://localhost:8080';
    const { token } = await createLoginToken(ctx.db, staff.id, ctx.now);
    const url = `${base}/dashboard/login?token=${token}`;
    return reply(ctx.t('dashboard-link', { url, minutes: LOGIN_LINK_TTL_MS / 60_000 }));
  },
};
