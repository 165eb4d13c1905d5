/** A tiny browser stand-in for HTTP tests: keeps cookies, sends Origin on posts like a browser, never follows redirects. */
export interface WebResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Set-Cookie headers of this response. */
  setCookies: string[];
}

export interface WebClient {
  cookies: Map<string, string>;
  get(path: string): Promise<WebResponse>;
  form(path: string, fields: Record<string, string>, options?: { origin?: string | null }): Promise<WebResponse>;
  json(path: string, body: unknown, options?: { origin?: string | null }): Promise<WebResponse>;
}

export function webClient(base: string): WebClient {
  const cookies = new Map<string, string>();

  async function call(path: string, init: RequestInit): Promise<WebResponse> {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (/Max-Age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, text: await res.text(), setCookies };
  }

  function originHeaders(origin: string | null | undefined): Record<string, string> {
    const value = origin === undefined ? base : origin;
    return value === null ? {} : { origin: value };
  }

  return {
    cookies,
    get: (path) => call(path, { method: 'GET' }),
    form: (path, fields, options = {}) =>
      call(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...originHeaders(options.origin) },
        body: new URLSearchParams(fields).toString(),
      }),
    json: (path, body, options = {}) =>
      call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...originHeaders(options.origin) }, body: JSON.stringify(body) }),
  };
}
