/**
 * What every office page gets: the checked viewer, the root of the units they may act on (their
 * own unit's subtree; an administrator's whole organisation), and helpers to answer with a page
 * of the workbench's shell, a refusal, or a problem in the viewer's language.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deps } from '../../chat/types.js';
import type { Html } from '../../http/html.js';
import { sendHtml } from '../../http/pages.js';
import type { Translate } from '../../i18n.js';
import type { Viewer } from '../auth.js';
import { DASHBOARD_ROLES } from '../auth.js';
import { layout, messagePage, type OfficeSection } from '../layout.js';

export interface OfficeOptions {
  deps: Deps;
  /** The Telegram bot's username, once known (for deep links); undefined without Telegram. */
  botUsername: () => string | undefined;
  zalo: boolean;
}

export interface OfficeContext {
  deps: Deps;
  options: OfficeOptions;
  viewer: Viewer;
  /** The unit whose subtree this viewer may see and change. */
  root: number;
  t: Translate;
  url: URL;
  req: IncomingMessage;
  res: ServerResponse;
}

function shellOf(ctx: OfficeContext, title: string) {
  const { t, viewer, url } = ctx;
  return {
    t,
    locale: viewer.locale,
    title,
    here: `${url.pathname}${url.search}`,
    viewer: { name: viewer.staff.name, csrf: viewer.csrf, dashboard: DASHBOARD_ROLES.includes(viewer.staff.role) },
  };
}

export function officePage(ctx: OfficeContext, status: number, title: string, section: OfficeSection, body: Html): void {
  sendHtml(ctx.res, status, layout({ ...shellOf(ctx, title), section }, body));
}

/** A page that says what went wrong and that nothing changed. */
export function officeProblem(ctx: OfficeContext, status: number, titleKey: string, lines: string[]): void {
  sendHtml(ctx.res, status, messagePage({ ...shellOf(ctx, ctx.t(titleKey)), section: 'office' }, lines));
}

export function forbidden(ctx: OfficeContext): void {
  officeProblem(ctx, 403, 'dash-forbidden-title', [ctx.t('dash-forbidden-scope'), ctx.t('office-nothing-changed')]);
}

export function intParam(value: string | null | undefined): number | undefined {
  return value && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
}
