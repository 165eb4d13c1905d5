/**
 * The HTTP client of every grammY Api dondoc makes: undici's `request` on one keep-alive Agent,
 * in the shape grammY's ApiClient needs of `fetch` (it POSTs a JSON string or a multipart stream,
 * with an AbortSignal for its timeout, and reads the answer with `json()` whatever the status).
 * grammY's own default is node-fetch over Node's http module; under load a third of what the bot
 * process allocates went there (bench/inbound.ts), and its collections were what slowed answers.
 */
import type { Readable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';

/** What grammY passes to `fetch` (core/client.js: baseFetchConfig, signal, then the payload). */
interface GrammyFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  signal?: AbortSignal;
}

/** The part of a fetch Response grammY 1.x uses: `json()` (`ok` and `status` for any later reader). */
interface GrammyFetchResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

/** One Agent for the process: connections to the Bot API are kept open between calls. */
const shared = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 });

export function telegramFetch(dispatcher: Dispatcher = shared): typeof fetch {
  const call = async (url: string | URL, init: GrammyFetchInit = {}): Promise<GrammyFetchResponse> => {
    const res = await request(url, {
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      dispatcher,
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    return { ok: res.statusCode >= 200 && res.statusCode < 300, status: res.statusCode, json: () => res.body.json() };
  };
  // grammY types its option as the global fetch; it uses only what GrammyFetchResponse has.
  return call as unknown as typeof fetch;
}
