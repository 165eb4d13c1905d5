/**
 * Responses for dondoc's own web pages: strict security headers (no inline script, no framing),
 * HTML, redirects, static assets, and the same-origin check that guards every state change.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Html } from './html.js';

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form posts.
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export function sendHtml(res: ServerResponse, status: number, page: Html): void {
  const body = page.value;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function redirect(res: ServerResponse, location: string, status = 303): void {
  res.writeHead(status, { ...SECURITY_HEADERS, location, 'cache-control': 'no-store', 'content-length': 0 });
  res.end();
}

export function sendAsset(res: ServerResponse, body: Buffer, contentType: string): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'cache-control': 'no-cache',
    'content-length': body.length,
  });
  res.end(body);
}

export function sendFile(res: ServerResponse, body: Buffer, contentType: string, fileName: string): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'cache-control': 'no-store',
    'content-disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'content-length': body.length,
  });
  res.end(body);
}

/**
 * A state-changing request must come from dondoc's own pages: browsers send Origin on POST,
 * and a cross-site form or fetch carries another one. (SameSite=Lax cookies already stay home;
 * this is the second lock.)
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return req.headers['sec-fetch-site'] === undefined || req.headers['sec-fetch-site'] === 'same-origin';
  try {
    const host = req.headers['x-forwarded-host'] ?? req.headers.host;
    return new URL(origin).host === String(host);
  } catch {
    return false;
  }
}

/** Reads an application/x-www-form-urlencoded body already read into a buffer. */
export function parseForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}

/** Starts an HTML page sent in parts (a long job shows its progress as it goes). */
export function startHtml(res: ServerResponse, status: number): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
}
