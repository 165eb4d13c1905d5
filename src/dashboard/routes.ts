/**
 * The dashboard's HTTP side. /dashboard/login turns a one-time link (from the /dashboard chat
 * command) into a session cookie; every other page first checks the session, the person's
 * role and, for anything named in the URL, their unit subtree. State changes are same-origin
 * POSTs carrying the session's form token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deps } from '../chat/types.js';
import { serveAssets } from '../http/assets.js';
import { cookieHeader, readCookies, setCookie } from '../http/cookies.js';
import { pageLocale, switchLocale } from '../http/locale.js';
import { isSameOrigin, parseForm, redirect, sendHtml } from '../http/pages.js';
import { readBody, type HttpServer } from '../http/server.js';
import { createSession, DASHBOARD_SESSION_TTL_MS, endSession, peekLoginToken, pruneSessions, redeemLoginToken, type LoginResult } from '../store/sessions.js';
import { createLinkCode } from '../store/links.js';
import { getStaff } from '../store/staff.js';
import { DASHBOARD_STYLE } from './assets/style.js';
import { currentViewer, DASHBOARD_COOKIE, DASHBOARD_ROLES, SIGN_IN_ROLES, type Viewer } from './auth.js';
import { forbiddenPage, overdueExport, overduePage, overviewPage, peoplePage, taskPage, type PageContext } from './handlers.js';
import { layout, messagePage } from './layout.js';
import { loginBody } from './pages/login.js';
import { roundFileDownload, roundsPage } from './rounds.js';
import { staffInSubtree } from '../store/scope.js';

export interface DashboardOptions {
  deps: Deps;
  secure: boolean;
}

type Page = (ctx: PageContext, match: RegExpExecArray | null) => Promise<void>;

export function registerDashboard(http: HttpServer, options: DashboardOptions): void {
  const { deps, secure } = options;
  const { db, clock, translator } = deps;
  const fallback = deps.settings.defaultLocale;

  serveAssets(http, { 'dashboard.css': DASHBOARD_STYLE });

  function simple(req: IncomingMessage, res: ServerResponse, status: number, titleKey: string, lineKeys: string[], locale = pageLocale(req, fallback)): void {
    const t = translator.for(locale);
    sendHtml(
      res,
      status,
      messagePage(
        { t, locale, title: t(titleKey), here: req.url ?? '/dashboard' },
        lineKeys.map((k) => t(k)),
      ),
    );
  }

  /** Runs a page for a checked viewer; everyone else gets "log in again" (401) or "not for you" (403). */
  function guarded(page: Page, pattern?: RegExp) {
    return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
      const who = await currentViewer(db, req, clock.now(), fallback);
      if (!who.ok) {
        if (who.status === 401) return simple(req, res, 401, 'dash-expired-title', ['dash-expired'], who.locale);
        return simple(req, res, 403, 'dash-forbidden-title', ['dash-forbidden-role'], who.locale);
      }
      await page({ deps, viewer: who.viewer, t: translator.for(who.viewer.locale), url, req, res }, pattern ? pattern.exec(url.pathname) : null);
    };
  }

  /** A form post of a viewer: same origin and the session's form token, or nothing happens. */
  async function formOf(req: IncomingMessage, viewer: Viewer): Promise<URLSearchParams | null> {
    if (!isSameOrigin(req)) return null;
    const form = parseForm(await readBody(req, 8192));
    return form.get('csrf') === viewer.csrf ? form : null;
  }

  function loginProblem(req: IncomingMessage, res: ServerResponse, result: Exclude<LoginResult, { ok: true }>): void {
    simple(req, res, result.reason === 'unknown' ? 404 : 410, 'dash-link-title', [`dash-link-${result.reason}`, 'dash-link-again']);
  }

  http.route('GET', '/dashboard/login', async (req, res, url) => {
    const token = url.searchParams.get('token') ?? '';
    const peek = await peekLoginToken(db, token, clock.now());
    if (!peek.ok) return loginProblem(req, res, peek);
    const staff = await getStaff(db, peek.staffId);
    if (!staff) return loginProblem(req, res, { ok: false, reason: 'unknown' });
    const locale = pageLocale(req, staff.locale === 'en' ? 'en' : 'vi');
    const t = translator.for(locale);
    sendHtml(
      res,
      200,
      layout(
        { t, locale, title: t('dash-login-title'), section: 'none', here: `/dashboard/login?token=${encodeURIComponent(token)}` },
        loginBody(t, staff.name, token, url.searchParams.get('next') === '/office' ? '/office' : ''),
      ),
    );
  });

  http.route('POST', '/dashboard/login', async (req, res) => {
    if (!isSameOrigin(req)) return simple(req, res, 403, 'dash-forbidden-title', ['dash-cross-site']);
    const now = clock.now();
    const form = parseForm(await readBody(req, 4096));
    const result = await redeemLoginToken(db, form.get('token') ?? '', now);
    if (!result.ok) return loginProblem(req, res, result);
    const staff = await getStaff(db, result.staffId);
    if (!staff?.active || !SIGN_IN_ROLES.includes(staff.role)) return simple(req, res, 403, 'dash-forbidden-title', ['dash-forbidden-role']);
    // Unit heads have the office workbench only; the others land where their link pointed.
    const next = form.get('next') === '/office' || !DASHBOARD_ROLES.includes(staff.role) ? '/office' : '/dashboard';
    await pruneSessions(db, now);
    const session = await createSession(db, { kind: 'dashboard', staffId: result.staffId }, now, DASHBOARD_SESSION_TTL_MS);
    setCookie(res, cookieHeader(DASHBOARD_COOKIE, session.token, { maxAgeSeconds: DASHBOARD_SESSION_TTL_MS / 1000, secure }));
    redirect(res, next);
  });

  http.route('POST', '/dashboard/logout', async (req, res) => {
    const who = await currentViewer(db, req, clock.now(), fallback);
    const token = readCookies(req).get(DASHBOARD_COOKIE);
    if (who.ok && !(await formOf(req, who.viewer))) return simple(req, res, 403, 'dash-forbidden-title', ['dash-cross-site']);
    if (token) await endSession(db, token);
    setCookie(res, cookieHeader(DASHBOARD_COOKIE, '', { maxAgeSeconds: 0, secure }));
    simple(req, res, 200, 'dash-logged-out-title', ['dash-logged-out']);
  });

  http.route('POST', '/dashboard/lang', async (req, res) => {
    if (!isSameOrigin(req)) return simple(req, res, 403, 'dash-forbidden-title', ['dash-cross-site']);
    await switchLocale(req, res, secure, '/dashboard');
  });

  http.route('GET', '/dashboard', guarded(overviewPage));
  http.route('GET', '/dashboard/overdue', guarded(overduePage));
  http.route('GET', '/dashboard/overdue.xlsx', guarded(overdueExport));
  const TASK = /^\/dashboard\/task\/(\d{1,10})$/;
  http.route(
    'GET',
    TASK,
    guarded((ctx, m) => taskPage(ctx, Number(m?.[1])), TASK),
  );
  http.route('GET', '/dashboard/people', guarded(peoplePage));
  http.route('GET', '/dashboard/rounds', guarded(roundsPage));
  const ROUND_FILE = /^\/dashboard\/rounds\/file\/(\d{1,10})$/;
  http.route(
    'GET',
    ROUND_FILE,
    guarded((ctx, m) => roundFileDownload(ctx, Number(m?.[1])), ROUND_FILE),
  );

  const CODE = /^\/dashboard\/people\/(\d{1,10})\/code$/;
  http.route(
    'POST',
    CODE,
    guarded(async (ctx, m) => {
      const staffId = Number(m?.[1]);
      const form = await formOf(ctx.req, ctx.viewer);
      if (!form || !(await staffInSubtree(db, ctx.viewer.staff.unit_id, staffId))) return forbiddenPage(ctx);
      await createLinkCode(db, staffId, clock.now(), deps.settings.linkCodeTtlDays);
      redirect(ctx.res, `/dashboard/people#staff-${staffId}`);
    }, CODE),
  );
}
