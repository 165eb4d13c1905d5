/**
 * Link codes for a unit: every active person of it (and the units under it) who has not linked a
 * chat yet, with a live code, the Telegram deep link and its QR code, and how to link on Zalo;
 * laid out as cards that print one per person for handing out at a meeting.
 */
import QRCode from 'qrcode';
import { formatVnDate, localDate } from '../../domain/time.js';
import { html, raw, type Html } from '../../http/html.js';
import { redirect } from '../../http/pages.js';
import { createLinkCode } from '../../store/links.js';
import { unitInSubtree, unitsInSubtree } from '../../store/scope.js';
import { unlinkedPeople, type UnlinkedPerson } from '../../store/task-detail.js';
import { forbidden, intParam, officePage, type OfficeContext } from './context.js';

async function unitOf(ctx: OfficeContext, raw: string | null): Promise<number | null> {
  const asked = intParam(raw);
  if (asked === undefined || asked === ctx.root) return ctx.root;
  return (await unitInSubtree(ctx.deps.db, ctx.root, asked)) ? asked : null;
}

async function card(ctx: OfficeContext, p: UnlinkedPerson, bot: string | undefined): Promise<Html> {
  const { t } = ctx;
  const link = bot && p.code ? `https://t.me/${bot}?start=${p.code}` : null;
  const qr = link ? await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;
  return html`<article class="link-card" id="staff-${p.id}">
    <h2>${p.name}</h2>
    <p class="muted">${p.unitName} · ${t(`role-${p.role}`)}</p>
    ${
      p.code
        ? html`<p class="code-line"><span>${t('office-links-code')}</span> <code class="code">${p.code}</code>
            <small class="muted">${t('dash-code-until', { date: formatVnDate(localDate(p.codeExpiresAt ?? ctx.deps.clock.now())) })}</small></p>
          ${link ? html`<div class="qr" data-url="${link}">${raw(qr ?? '')}</div><p class="deep-link"><a href="${link}">${link}</a></p>` : ''}
          <ul class="how">
            <li>${link ? t('office-links-telegram', { code: p.code }) : t('office-links-telegram-code', { code: p.code })}</li>
            ${ctx.options.zalo ? html`<li>${t('office-links-zalo', { code: p.code })}</li>` : ''}
          </ul>`
        : html`<p class="muted">${t('office-links-no-code')}</p>`
    }
  </article>`;
}

export async function linksPage(ctx: OfficeContext): Promise<void> {
  const { t, deps } = ctx;
  const unit = await unitOf(ctx, ctx.url.searchParams.get('unit'));
  if (unit === null) return forbidden(ctx);
  const people = await unlinkedPeople(deps.db, unit, deps.clock.now());
  const units = await unitsInSubtree(deps.db, ctx.root);
  const bot = ctx.options.botUsername();
  const cards = await Promise.all(people.map((p) => card(ctx, p, bot)));
  const missing = people.filter((p) => !p.code).length;
  const body = html`<form method="get" action="/office/links" class="filters links-filter no-print">
      <label class="field">${t('dash-col-unit')}<select name="unit">${units.map(
        (u) => html`<option value="${String(u.id)}"${u.id === unit ? html` selected` : ''}>${'\u00a0\u00a0'.repeat(u.level)}${u.name}</option>`,
      )}</select></label>
      <div class="actions"><button type="submit">${t('office-show')}</button></div>
    </form>
    <div class="no-print link-tools">
      <p class="muted">${t('office-links-help', { count: people.length })}</p>
      ${
        missing > 0
          ? html`<form method="post" action="/office/links/codes" class="inline">
          <input type="hidden" name="csrf" value="${ctx.viewer.csrf}"><input type="hidden" name="unit" value="${String(unit)}">
          <button type="submit" class="primary">${t('office-links-make', { count: missing })}</button></form>`
          : ''
      }
      ${people.length > 0 ? html`<p class="muted">${t('office-links-print')}</p>` : ''}
    </div>
    ${people.length === 0 ? html`<p class="muted">${t('dash-people-none')}</p>` : html`<div class="link-cards">${cards}</div>`}`;
  officePage(ctx, 200, t('office-nav-links'), 'office-links', body);
}

/** Gives every unlinked person of the unit without a live code a fresh one. */
export async function makeCodes(ctx: OfficeContext, form: URLSearchParams): Promise<void> {
  const { deps } = ctx;
  const unit = await unitOf(ctx, form.get('unit'));
  if (unit === null) return forbidden(ctx);
  const now = deps.clock.now();
  for (const p of await unlinkedPeople(deps.db, unit, now)) if (!p.code) await createLinkCode(deps.db, p.id, now, deps.settings.linkCodeTtlDays);
  redirect(ctx.res, `/office/links?unit=${unit}`);
}
