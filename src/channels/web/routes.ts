/**
 * The web chat's HTTP side: the page (/), its live stream (/chat/events), what the page sends
 * (/chat/send), the demo picker (/chat/pick, only in demo mode), leaving (/chat/leave) and the
 * language switch (/chat/lang). Every state change is a same-origin POST.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deps } from '../../chat/types.js';
import { serveAssets } from '../../http/assets.js';
import { pageLocale, switchLocale } from '../../http/locale.js';
import { isSameOrigin, parseForm, redirect, sendHtml } from '../../http/pages.js';
import { readBody, sendJson, type HttpServer } from '../../http/server.js';
import { setStaffLocale } from '../../store/staff.js';
import { CHAT_SCRIPT } from './assets/chat-script.js';
import { CHAT_STYLE } from './assets/chat-style.js';
import type { WebChannel, ChatInput } from './channel.js';
import { currentChat, ensureChat, keepChat, restartChat } from './chat-session.js';
import { createWindowLimit } from './limits.js';
import { pickerPeople, webChatStaff, webMessagesAfter } from '../../store/web-chat.js';
import { chatPage } from './page.js';
import { pickPerson, unitName } from './people.js';

export interface WebRoutesOptions {
  deps: Deps;
  web: WebChannel;
  /** Whether the demo person picker is offered now (demo/mode.ts). */
  demo: { active(): Promise<boolean> };
  /** Cookies get the Secure flag when dondoc is served over https. */
  secure: boolean;
  /** Runs after the demo picker linked someone (the app runs a scheduler tick, so their nudges come at once). */
  afterPick?: (() => Promise<void>) | undefined;
}

/** A person types and taps; a script posting faster than this is cut off (429) until the minute passes. */
export const SENDS_PER_MINUTE = 30;
/** New chat sessions one address may open in an hour (an office behind one NAT opens a few). */
export const NEW_CHATS_PER_HOUR = 200;

function forbidden(res: ServerResponse): void {
  sendJson(res, 403, { ok: false, error: 'cross-site request refused' });
}

/** Reads what the page sent; anything malformed is a 400 and changes nothing. */
function readInput(raw: unknown): ChatInput | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const clientId = typeof r.clientId === 'string' ? r.clientId : undefined;
  if (typeof r.text === 'string' && r.text.trim()) {
    const replyTo = Number.isSafeInteger(r.replyTo) && (r.replyTo as number) > 0 ? (r.replyTo as number) : undefined;
    return { kind: 'text', text: r.text, replyTo, clientId };
  }
  if (typeof r.action === 'string' && r.action.length <= 64 && Number.isSafeInteger(r.messageId) && (r.messageId as number) > 0) {
    return { kind: 'action', action: r.action, messageId: r.messageId as number, clientId };
  }
  return null;
}

export function registerWebChat(http: HttpServer, options: WebRoutesOptions): void {
  const { deps, web, demo, secure, afterPick } = options;
  const { db, clock, translator } = deps;
  const fallback = deps.settings.defaultLocale;

  serveAssets(http, { 'chat.js': CHAT_SCRIPT, 'chat.css': CHAT_STYLE });
  // What one visitor can write: messages per chat, and new chats per address.
  const sends = createWindowLimit(SENDS_PER_MINUTE, 60_000);
  const newChats = createWindowLimit(NEW_CHATS_PER_HOUR, 3_600_000);

  // Opening the page writes nothing: a chat session starts when the visitor acts (sends, picks).
  async function page(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const now = clock.now();
    const session = await keepChat(db, req, res, now, secure);
    const staff = session ? await webChatStaff(db, session.chatKey) : undefined;
    const isDemo = await demo.active();
    const locale = pageLocale(req, staff ? (staff.locale === 'en' ? 'en' : 'vi') : fallback);
    const t = translator.for(locale);
    const empty = !session || (await webMessagesAfter(db, session.chatKey, null)).length === 0;
    sendHtml(
      res,
      200,
      chatPage({
        t,
        locale,
        demo: isDemo,
        staff: staff ? { ...staff, unitName: await unitName(db, staff.unit_id) } : undefined,
        picker: isDemo && !staff ? await pickerPeople(db) : undefined,
        intro: !staff && !isDemo && empty ? t('start-how-to-link') : undefined,
      }),
    );
  }
  http.route('GET', '/', page);

  http.route('GET', '/chat/events', async (req, res, url) => {
    const session = await currentChat(db, req, clock.now());
    if (!session) {
      sendJson(res, 401, { ok: false, error: 'no chat session' });
      return;
    }
    const last = String(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? '');
    const after = /^\d{1,15}$/.test(last) ? Number(last) : null;
    await web.hub.open(session.chatKey, res, () => webMessagesAfter(db, session.chatKey, after));
  });

  http.route('POST', '/chat/send', async (req, res) => {
    if (!isSameOrigin(req) || !String(req.headers['content-type'] ?? '').startsWith('application/json')) return forbidden(res);
    const now = clock.now();
    const existing = await currentChat(db, req, now);
    if (!existing && !newChats.allow(req.socket.remoteAddress ?? '', now.getTime())) return sendJson(res, 429, { ok: false, error: 'too many new chats' });
    let input: ChatInput | null;
    try {
      input = readInput(JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')));
    } catch {
      input = null;
    }
    if (!input) return sendJson(res, 400, { ok: false, error: 'expected {text} or {action, messageId}' });
    const session = existing ?? (await ensureChat(db, req, res, now, secure));
    if (!sends.allow(session.chatKey, now.getTime())) {
      const t = translator.for(pageLocale(req, fallback));
      return sendJson(res, 429, { ok: false, error: 'too many messages', notice: { text: t('web-too-fast'), alert: true } });
    }
    const before = await webChatStaff(db, session.chatKey);
    const locale = pageLocale(req, fallback);
    const result = await web.handle({ chatKey: session.chatKey, displayName: before?.name, locale }, input);
    const after = await webChatStaff(db, session.chatKey);
    sendJson(res, 200, { ok: true, ...result, personChanged: before?.id !== after?.id });
  });

  http.route('POST', '/chat/pick', async (req, res) => {
    if (!(await demo.active())) return sendJson(res, 404, { ok: false, error: 'not found' });
    if (!isSameOrigin(req)) return forbidden(res);
    const now = clock.now();
    const session = await ensureChat(db, req, res, now, secure);
    const staffId = Number(parseForm(await readBody(req, 4096)).get('staff'));
    const locale = pageLocale(req, fallback);
    const picked = Number.isSafeInteger(staffId) && staffId > 0 ? await pickPerson(db, session, staffId, locale, now) : undefined;
    if (picked) {
      const t = translator.for(locale);
      const unit = await unitName(db, picked.staff.unit_id);
      await web.note(picked.chatKey, t('web-welcome-demo', { name: picked.staff.name, role: t(`role-${picked.staff.role}`), unit }));
    }
    redirect(res, '/');
    if (picked && afterPick) afterPick().catch((error: unknown) => deps.logger.error({ err: error }, 'scheduler tick after a demo pick failed'));
  });

  http.route('POST', '/chat/leave', async (req, res) => {
    if (!isSameOrigin(req)) return forbidden(res);
    const session = await currentChat(db, req, clock.now());
    if (session) await restartChat(db, session);
    redirect(res, '/');
  });

  http.route('POST', '/chat/lang', async (req, res) => {
    if (!isSameOrigin(req)) return forbidden(res);
    const now = clock.now();
    const locale = await switchLocale(req, res, secure, '/');
    const session = await currentChat(db, req, now);
    const staff = session ? await webChatStaff(db, session.chatKey) : undefined;
    // The page and the bot speak one language: switching the page is /lang for the person.
    if (locale && staff && staff.locale !== locale) await setStaffLocale(db, staff.id, locale, now);
  });
}
