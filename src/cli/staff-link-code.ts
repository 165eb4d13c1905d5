/** `staff link-code PHONE`: a single-use code for one person; the code is the last line of stdout. */
import { normalizePhone } from '../domain/phone.js';
import { formatVnDate, localDate } from '../domain/time.js';
import { createLinkCode } from '../store/links.js';
import { findStaffByPhone } from '../store/staff.js';
import { EXIT_OK, UsageError, type CliCommand, type OfflineEnv } from './types.js';

function phoneArg(args: string[], env: OfflineEnv): { raw: string; phone: string | null } {
  const raw = args[0];
  if (!raw || args.length > 1) throw new UsageError(env.t('cli-usage-staff-link-code'));
  return { raw, phone: normalizePhone(raw) };
}

export const staffLinkCode: CliCommand = {
  path: ['staff', 'link-code'],
  usageKey: 'cli-usage-staff-link-code',
  runOffline(args, _io, env) {
    const { raw, phone } = phoneArg(args, env);
    if (!phone) throw new UsageError(env.t('cli-staff-not-found', { phone: raw }));
    return null;
  },
  async run(args, io, env) {
    const { raw, phone } = phoneArg(args, env);
    const staff = phone ? await findStaffByPhone(env.db, phone) : undefined;
    if (!staff) throw new UsageError(env.t('cli-staff-not-found', { phone: raw }));
    const { code, expiresAt } = await createLinkCode(env.db, staff.id, env.clock.now(), env.config.linkCodeTtlDays);
    io.stdout(env.t('cli-link-code-for', { name: staff.name, expires: formatVnDate(localDate(expiresAt)) }));
    io.stdout(env.t('cli-link-code-how', { code }));
    io.stdout(code);
    return EXIT_OK;
  },
};
