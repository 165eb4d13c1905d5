import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader } from '../../src/http/cookies.js';
import {
  createLoginToken,
  createSession,
  DASHBOARD_SESSION_TTL_MS,
  findSession,
  LOGIN_LINK_TTL_MS,
  peekLoginToken,
  redeemLoginToken,
} from '../../src/store/sessions.js';
import { staffId, startWebHarness, type WebHarness } from '../helpers/web-app.js';
import { webClient } from '../helpers/web-client.js';

let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => {
  await h?.close();
});

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!;
}

describe('one-time dashboard links', () => {
  it('open a session once: the second use is refused as "used"', async () => {
    const leader = await staffId(h, 'Nguyễn Văn Hùng');
    const { token } = await createLoginToken(h.database.db, leader, h.clock.now());
    expect(await peekLoginToken(h.database.db, token, h.clock.now())).toEqual({ ok: true, staffId: leader });
    expect(await redeemLoginToken(h.database.db, token, h.clock.now())).toEqual({ ok: true, staffId: leader });
    expect(await redeemLoginToken(h.database.db, token, h.clock.now())).toEqual({ ok: false, reason: 'used' });
  });

  it('expire after 15 minutes', async () => {
    const { token } = await createLoginToken(h.database.db, await staffId(h, 'Nguyễn Văn Hùng'), h.clock.now());
    const later = new Date(h.clock.now().getTime() + LOGIN_LINK_TTL_MS);
    expect(LOGIN_LINK_TTL_MS).toBe(15 * 60 * 1000);
    expect(await redeemLoginToken(h.database.db, token, later)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse tokens that were never issued, including malformed ones, without touching anything', async () => {
    expect(await redeemLoginToken(h.database.db, 'A'.repeat(43), h.clock.now())).toEqual({ ok: false, reason: 'unknown' });
    expect(await redeemLoginToken(h.database.db, "x' or 1=1 --", h.clock.now())).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('dashboard sessions', () => {
  it('end 8 hours after login', async () => {
    const leader = await staffId(h, 'Trần Thị Thanh Mai');
    const { token } = await createSession(h.database.db, { kind: 'dashboard', staffId: leader }, h.clock.now(), DASHBOARD_SESSION_TTL_MS);
    const at = (ms: number) => new Date(h.clock.now().getTime() + ms);
    expect(await findSession(h.database.db, token, 'dashboard', at(DASHBOARD_SESSION_TTL_MS - 1000))).toMatchObject({ staffId: leader });
    expect(await findSession(h.database.db, token, 'dashboard', at(DASHBOARD_SESSION_TTL_MS))).toBeUndefined();
    expect(await findSession(h.database.db, token, 'chat', h.clock.now())).toBeUndefined();
  });

  it('are cookies that scripts cannot read and other sites do not send, and Secure over https', () => {
    expect(cookieHeader('dondoc_dash', 'v', { maxAgeSeconds: 60, secure: false })).toBe('dondoc_dash=v; Path=/; Max-Age=60; SameSite=Lax; HttpOnly');
    expect(cookieHeader('dondoc_dash', 'v', { maxAgeSeconds: 60, secure: true })).toMatch(/; HttpOnly; Secure$/);
  });
});

describe('logging in through the link', () => {
  it('a leader sends /dashboard, opens the link, confirms, and gets an HttpOnly session; the link then stops working', async () => {
    const chat = webClient(h.base);
    await chat.get('/');
    await chat.form('/chat/pick', { staff: String(await staffId(h, 'Nguyễn Văn Hùng')) });
    const sent = JSON.parse((await chat.json('/chat/send', { text: '/dashboard' })).text) as { messages: { text: string }[] };
    const text = sent.messages.at(-1)!.text;
    expect(text).toContain('15 phút');
    const link = /https?:\/\/\S+/.exec(text)![0];
    expect(link.startsWith(`${h.base}/dashboard/login?token=`)).toBe(true);

    const browser = webClient(h.base);
    const ask = await browser.get(new URL(link).pathname + new URL(link).search);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('Nguyễn Văn Hùng');
    expect(browser.cookies.has('dondoc_dash')).toBe(false);

    const login = await browser.form('/dashboard/login', { token: tokenOf(link) });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/dashboard');
    expect(login.setCookies[0]).toMatch(/^dondoc_dash=[\w-]+; Path=\/; Max-Age=28800; SameSite=Lax; HttpOnly$/);
    expect((await browser.get('/dashboard')).status).toBe(200);

    const again = await webClient(h.base).form('/dashboard/login', { token: tokenOf(link) });
    expect(again.status).toBe(410);
    expect(again.text).toContain('đã được dùng');
  });

  it('a staff member asking for /dashboard is told it is for leaders, and gets no link', async () => {
    const chat = webClient(h.base);
    await chat.get('/');
    await chat.form('/chat/pick', { staff: String(await staffId(h, 'Đỗ Minh Tuấn')) });
    const sent = JSON.parse((await chat.json('/chat/send', { text: '/dashboard' })).text) as { messages: { text: string }[] };
    expect(sent.messages.at(-1)!.text).toContain('dành cho lãnh đạo');
    expect(sent.messages.at(-1)!.text).not.toContain('token=');
  });

  it('a login form posted from another site is refused and the link stays unused', async () => {
    const { token } = await createLoginToken(h.database.db, await staffId(h, 'Nguyễn Văn Hùng'), h.clock.now());
    const evil = await webClient(h.base).form('/dashboard/login', { token }, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(await peekLoginToken(h.database.db, token, h.clock.now())).toMatchObject({ ok: true });
  });

  it('a staff member who somehow holds a login link gets no session', async () => {
    const { token } = await createLoginToken(h.database.db, await staffId(h, 'Phan Văn Long'), h.clock.now());
    const browser = webClient(h.base);
    const login = await browser.form('/dashboard/login', { token });
    expect(login.status).toBe(403);
    expect(browser.cookies.has('dondoc_dash')).toBe(false);
  });
});

describe('every dashboard page checks the session and the role on each request', () => {
  async function signedIn(name: string) {
    const browser = webClient(h.base);
    const { token } = await createLoginToken(h.database.db, await staffId(h, name), h.clock.now());
    await browser.form('/dashboard/login', { token });
    return browser;
  }

  it('without a session every page says to log in again (401)', async () => {
    for (const path of ['/dashboard', '/dashboard/overdue', '/dashboard/overdue.xlsx', '/dashboard/task/1', '/dashboard/people']) {
      const res = await webClient(h.base).get(path);
      expect(res.status, path).toBe(401);
      expect(res.text).toContain('/dashboard');
    }
  });

  it('an expired session is refused', async () => {
    const browser = await signedIn('Trần Thị Thanh Mai');
    h.clock.advance(DASHBOARD_SESSION_TTL_MS);
    try {
      expect((await browser.get('/dashboard')).status).toBe(401);
    } finally {
      h.clock.advance(-DASHBOARD_SESSION_TTL_MS);
    }
  });

  it('someone whose role changed to staff loses the dashboard at once', async () => {
    const browser = await signedIn('Phạm Quốc Bảo');
    expect((await browser.get('/dashboard/people')).status).toBe(200);
    const admin = await staffId(h, 'Phạm Quốc Bảo');
    await h.database.db.updateTable('staff').set({ role: 'staff' }).where('id', '=', admin).execute();
    try {
      const res = await browser.get('/dashboard/people');
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('0912418305');
    } finally {
      await h.database.db.updateTable('staff').set({ role: 'admin' }).where('id', '=', admin).execute();
    }
  });

  it('logging out ends the session', async () => {
    const browser = await signedIn('Trần Thị Thanh Mai');
    const page = await browser.get('/dashboard');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1]!;
    expect((await browser.form('/dashboard/logout', { csrf })).status).toBe(200);
    expect((await browser.get('/dashboard')).status).toBe(401);
  });
});
