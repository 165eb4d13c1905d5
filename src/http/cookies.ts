/** Cookies for dondoc's web pages: read from the request, written HttpOnly and SameSite=Lax. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function readCookies(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    try {
      if (!jar.has(name)) jar.set(name, decodeURIComponent(value));
    } catch {
      // A malformed cookie is ignored, as if absent.
    }
  }
  return jar;
}

export interface CookieOptions {
  maxAgeSeconds: number;
  /** Set when dondoc is served over https (PUBLIC_URL), so the cookie never travels in clear. */
  secure: boolean;
  /** false only for cookies the page script may read (the language choice). */
  httpOnly?: boolean;
}

export function cookieHeader(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`, 'SameSite=Lax'];
  if (options.httpOnly !== false) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** Adds a Set-Cookie header without dropping ones already set. */
export function setCookie(res: ServerResponse, header: string): void {
  const existing = res.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
  res.setHeader('set-cookie', [...list, header]);
}
