/**
 * Who is looking at the dashboard, checked on every request: a live dashboard session (cookie),
 * an active staff member behind it, and a role allowed to see the dashboard. What they may see
 * is the subtree of their unit (scope.ts).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Db } from '../db/index.js';
import type { Staff } from '../db/schema.js';
import type { Locale, Role } from '../domain/types.js';
import { readCookies } from '../http/cookies.js';
import { pageLocale } from '../http/locale.js';
import { findSession, hashToken } from '../store/sessions.js';
import { getActiveStaff } from '../store/staff.js';

export const DASHBOARD_COOKIE = 'dondoc_dash';
export const DASHBOARD_ROLES: readonly Role[] = ['leader', 'admin'];
/** Who may use the office workbench (/office): unit heads and leaders for their subtree, administrators. */
export const OFFICE_ROLES: readonly Role[] = ['unit_head', 'leader', 'admin'];
/** Who may sign in at all. */
export const SIGN_IN_ROLES: readonly Role[] = OFFICE_ROLES;

export interface Viewer {
  staff: Staff;
  token: string;
  locale: Locale;
  /** Proof for form posts that they come from a page of this session. */
  csrf: string;
}

export type ViewerResult = { ok: true; viewer: Viewer } | { ok: false; status: 401 | 403; locale: Locale };

export function csrfFor(token: string): string {
  return createHash('sha256')
    .update(`csrf:${hashToken(token)}`)
    .digest('base64url');
}

export async function currentViewer(
  db: Db,
  req: IncomingMessage,
  now: Date,
  fallback: Locale,
  roles: readonly Role[] = DASHBOARD_ROLES,
): Promise<ViewerResult> {
  const token = readCookies(req).get(DASHBOARD_COOKIE);
  const session = token ? await findSession(db, token, 'dashboard', now) : undefined;
  if (!token || !session?.staffId) return { ok: false, status: 401, locale: pageLocale(req, fallback) };
  const staff = await getActiveStaff(db, session.staffId);
  const locale = pageLocale(req, staff?.locale === 'en' ? 'en' : staff ? 'vi' : fallback);
  // The role is read now, not at login: someone moved to another job loses the dashboard at once.
  if (!staff || !roles.includes(staff.role)) return { ok: false, status: 403, locale };
  return { ok: true, viewer: { staff, token, locale, csrf: csrfFor(token) } };
}
