/**
 * /dashboard (/bangdieukhien): a one-time link, valid 15 minutes, that opens the leadership
 * dashboard in a browser; for a unit head, the office workbench of their unit.
 */
import { createLoginToken, LOGIN_LINK_TTL_MS } from '../src/store/sessions.js';
import type { Command } from '../src/chat/types.js';
import { reply } from '../src/chat/types.js';

export const dashboard: Command = {
  name: 'dashboard',
  aliases: ['bangdieukhien'],
  descriptionKey: 'cmd-dashboard',
  roles: ['unit_head', 'leader', 'admin'],
  async run(ctx) {
    const { staff } = ctx;
    if (staff.role !== 'leader' && staff.role !== 'admin' && staff.role !== 'unit_head') return reply(ctx.t('dashboard-not-allowed'));
    const base = ctx.deps.settings.publicUrl ?? 'http://localhost:8080';
    const { token } = await createLoginToken(ctx.db, staff.id, ctx.now);
    const minutes = LOGIN_LINK_TTL_MS / 60_000;
    if (staff.role === 'unit_head') return reply(ctx.t('dashboard-office-link', { url: `${base}/dashboard/login?token=${token}&next=/office`, minutes }));
    return reply(ctx.t('dashboard-link', { url: `${base}/dashboard/login?token=${token}`, minutes }));
  },
};
