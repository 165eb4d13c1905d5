/** The language of dondoc's web pages: a cookie set by the page's switch, else the person's own, else the default. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../domain/types.js';
import { cookieHeader, readCookies, setCookie } from './cookies.js';
import { parseForm, redirect } from './pages.js';
import { readBody } from './server.js';

export const LANG_COOKIE = 'dondoc_lang';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

export function asLocale(value: string | null | undefined): Locale | undefined {
  return value === 'vi' || value === 'en' ? value : undefined;
}

export function pageLocale(req: IncomingMessage, fallback: Locale): Locale {
  return asLocale(readCookies(req).get(LANG_COOKIE)) ?? fallback;
}

/** A path on this site to go back to; anything else (another host, "//evil") becomes the fallback. */
export function safeNext(value: string | null | undefined, fallback: string): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : fallback;
}

/** Handles a language switch form (fields `lang` and `next`): stores the choice and goes back. */
export async function switchLocale(req: IncomingMessage, res: ServerResponse, secure: boolean, fallbackNext: string): Promise<Locale | undefined> {
  const form = parseForm(await readBody(req, 4096));
  const locale = asLocale(form.get('lang'));
  if (locale) setCookie(res, cookieHeader(LANG_COOKIE, locale, { maxAgeSeconds: ONE_YEAR_S, secure }));
  redirect(res, safeNext(form.get('next'), fallbackNext));
  return locale;
}
