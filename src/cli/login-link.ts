/**
 * `login-link PHONE`: a one-time sign-in link to the office workbench, for an administrator,
 * leader or unit head, e.g. the first administrator, who has no chat linked yet. The URL is the
 * last line of stdout; it works once, for 15 minutes, like the link /dashboard sends in chat.
 */
import { normalizePhone } from '../domain/phone.js';
import type { Role } from '../domain/types.js';
import { createLoginToken, LOGIN_LINK_TTL_MS } from '../store/sessions.js';
import { findStaffByPhone } from '../store/staff.js';
import { EXIT_OK, UsageError, type CliCommand } from './types.js';

export const LOGIN_LINK_ROLES: readonly Role[] = ['admin', 'leader', 'unit_head'];

export const loginLink: CliCommand = {
  path: ['login-link'],
  usageKey: 'cli-usage-login-link',
  async run(args, io, env) {
    const raw = args[0];
    if (!raw || args.length > 1) throw new UsageError(env.t('cli-usage-login-link'));
    const phone = normalizePhone(raw);
    const staff = phone ? await findStaffByPhone(env.db, phone) : undefined;
    if (!staff) throw new UsageError(env.t('cli-staff-not-found', { phone: raw }));
    if (!staff.active || !LOGIN_LINK_ROLES.includes(staff.role)) throw new UsageError(env.t('cli-login-link-role', { name: staff.name }));
    const { token } = await createLoginToken(env.db, staff.id, env.clock.now());
    const base = env.config.publicUrl ?? `http://localhost:${env.config.port}`;
    io.stdout(env.t('cli-login-link-for', { name: staff.name, minutes: LOGIN_LINK_TTL_MS / 60_000 }));
    io.stdout(`${base}/dashboard/login?token=${token}&next=/office`);
    return EXIT_OK;
  },
};
