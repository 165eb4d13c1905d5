/**
 * The office workbench (/office), on the dashboard's foundations: the same sign-in link and
 * session cookie, every page checked for role (unit head, leader, admin) and subtree on the
 * server, every change a same-origin POST carrying the session's form token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pageLocale } from '../../http/locale.js';
import { isSameOrigin, parseForm, redirect, sendHtml } from '../../http/pages.js';
import { readBody, type HttpServer } from '../../http/server.js';
import { treeRoot } from '../../store/scope.js';
import { currentViewer, OFFICE_ROLES } from '../auth.js';
import { messagePage } from '../layout.js';
import { officeProblem, type OfficeContext, type OfficeOptions } from './context.js';
import { linksPage, makeCodes } from './links.js';
import { planDocumentPage, planDraftPage, planDraftConfirm, plansPage, planUpload } from './plans.js';
import { staffConfirm, staffPage, staffUpload } from './staff.js';
import { taskCancel, taskEdit, taskOwner, taskPage, tasksPage } from './tasks.js';

type Page = (ctx: OfficeContext, match: RegExpExecArray | null) => Promise<void>;
type FormPage = (ctx: OfficeContext, form: URLSearchParams, match: RegExpExecArray | null) => Promise<void>;

export function registerOffice(http: HttpServer, options: OfficeOptions): void {
  const { deps } = options;
  const fallback = deps.settings.defaultLocale;

  function refuse(req: IncomingMessage, res: ServerResponse, status: 401 | 403, locale = pageLocale(req, fallback)): void {
    const t = deps.translator.for(locale);
    const [title, line] = status === 401 ? ['dash-expired-title', 'office-expired'] : ['dash-forbidden-title', 'office-forbidden-role'];
    sendHtml(res, status, messagePage({ t, locale, title: t(title), here: req.url ?? '/office' }, [t(line), t('office-nothing-changed')]));
  }

  function guarded(page: Page, pattern?: RegExp) {
    return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
      const who = await currentViewer(deps.db, req, deps.clock.now(), fallback, OFFICE_ROLES);
      if (!who.ok) {
        req.resume();
        return refuse(req, res, who.status, who.locale);
      }
      const { staff } = who.viewer;
      const root = staff.role === 'admin' ? await treeRoot(deps.db, staff.unit_id) : staff.unit_id;
      const ctx: OfficeContext = { deps, options, viewer: who.viewer, root, t: deps.translator.for(who.viewer.locale), url, req, res };
      await page(ctx, pattern ? pattern.exec(url.pathname) : null);
    };
  }

  /** A same-origin form post carrying the session's form token, or a refusal that changes nothing. */
  function posted(page: FormPage, pattern?: RegExp) {
    return guarded(async (ctx, match) => {
      const form = isSameOrigin(ctx.req) ? parseForm(await readBody(ctx.req, 256 * 1024)) : null;
      if (!form || form.get('csrf') !== ctx.viewer.csrf)
        return officeProblem(ctx, 403, 'dash-forbidden-title', [ctx.t('dash-cross-site'), ctx.t('office-nothing-changed')]);
      await page(ctx, form, match);
    }, pattern);
  }

  /** A file upload: same origin checked here, the form token inside the multipart body by the page. */
  function uploaded(page: Page) {
    return guarded(async (ctx, match) => {
      if (!isSameOrigin(ctx.req)) {
        ctx.req.resume();
        return officeProblem(ctx, 403, 'dash-forbidden-title', [ctx.t('dash-cross-site'), ctx.t('office-nothing-changed')]);
      }
      await page(ctx, match);
    });
  }

  http.route(
    'GET',
    '/office',
    guarded(async (ctx) => redirect(ctx.res, '/office/tasks')),
  );
  http.route('GET', '/office/staff', guarded(staffPage));
  http.route('POST', '/office/staff', uploaded(staffUpload));
  http.route('POST', '/office/staff/confirm', posted(staffConfirm));
  http.route('GET', '/office/links', guarded(linksPage));
  http.route('POST', '/office/links/codes', posted(makeCodes));
  http.route('GET', '/office/plans', guarded(plansPage));
  http.route('POST', '/office/plans', uploaded(planUpload));
  const DRAFT = /^\/office\/plans\/draft\/(\d{1,10})$/;
  http.route('GET', DRAFT, guarded(planDraftPage, DRAFT));
  http.route('POST', DRAFT, posted(planDraftConfirm, DRAFT));
  const DOC = /^\/office\/plans\/(\d{1,10})$/;
  http.route('GET', DOC, guarded(planDocumentPage, DOC));
  http.route('GET', '/office/tasks', guarded(tasksPage));
  const TASK = /^\/office\/tasks\/(\d{1,10})$/;
  http.route('GET', TASK, guarded(taskPage, TASK));
  const EDIT = /^\/office\/tasks\/(\d{1,10})\/edit$/;
  http.route('POST', EDIT, posted(taskEdit, EDIT));
  const OWNER = /^\/office\/tasks\/(\d{1,10})\/owner$/;
  http.route('POST', OWNER, posted(taskOwner, OWNER));
  const CANCEL = /^\/office\/tasks\/(\d{1,10})\/cancel$/;
  http.route('POST', CANCEL, posted(taskCancel, CANCEL));
}
