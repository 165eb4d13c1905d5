/**
 * The step between a login link and a session. Opening the link only asks; the button makes the
 * session. Chat apps fetch links to draw previews, and a preview must not spend a one-time link.
 */
import { html, type Html } from '../../http/html.js';
import type { Translate } from '../../i18n.js';

export function loginBody(t: Translate, name: string, token: string, next: string): Html {
  return html`<div class="notice">
    <p>${t('dash-login-as', { name })}</p>
    <form method="post" action="/dashboard/login">
      <input type="hidden" name="token" value="${token}"><input type="hidden" name="next" value="${next}">
      <button type="submit" class="primary">${t('dash-login-button')}</button>
    </form>
    <p class="muted">${t('dash-login-note')}</p>
  </div>`;
}
