/**
 * One-time download links for compiled reports (Zalo and the web chat cannot receive a document
 * from the bot). Opening the link only shows a button: chat apps fetch links to draw previews,
 * and a preview must not spend the link. The button's POST hands out the file once.
 */
import type { Deps } from '../chat/types.js';
import { html, type Html } from '../http/html.js';
import { pageLocale } from '../http/locale.js';
import { isSameOrigin, parseForm, sendFile, sendHtml } from '../http/pages.js';
import { readBody, type HttpServer } from '../http/server.js';
import type { Translate } from '../i18n.js';
import { redeemDownloadToken } from '../store/round-files.js';
import { isTokenShaped } from '../store/sessions.js';

const FILE_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function page(t: Translate, body: Html): Html {
  return html`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('download-title')}</title></head><body>${body}</body></html>`;
}

export function registerDownloads(http: HttpServer, deps: Deps): void {
  const tr = (req: Parameters<typeof pageLocale>[0]) => deps.translator.for(pageLocale(req, deps.settings.defaultLocale));
  http.route('GET', /^\/files\/[^/]+$/, (req, res, url) => {
    const t = tr(req);
    const token = decodeURIComponent(url.pathname.slice('/files/'.length));
    if (!isTokenShaped(token)) return sendHtml(res, 404, page(t, html`<p>${t('download-unknown')}</p>`));
    sendHtml(
      res,
      200,
      page(
        t,
        html`<p>${t('download-ask')}</p><form method="post" action="/files/download"><input type="hidden" name="token" value="${token}">
<button type="submit">${t('download-button')}</button></form><p>${t('download-once')}</p>`,
      ),
    );
  });
  http.route('POST', '/files/download', async (req, res) => {
    const t = tr(req);
    if (!isSameOrigin(req)) return sendHtml(res, 403, page(t, html`<p>${t('download-unknown')}</p>`));
    const token = parseForm(await readBody(req, 4096)).get('token') ?? '';
    const redeemed = await redeemDownloadToken(deps.db, token, deps.clock.now());
    if (!redeemed.ok) return sendHtml(res, 410, page(t, html`<p>${t(`download-${redeemed.reason}`)}</p>`));
    const ext = redeemed.file.fileName.split('.').pop() ?? '';
    sendFile(res, redeemed.file.bytes, FILE_TYPES[ext] ?? 'application/octet-stream', redeemed.file.fileName);
  });
}
