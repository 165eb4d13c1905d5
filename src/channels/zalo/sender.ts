/**
 * The outbox's way to Zalo (the Sender of ../sender.ts): Zalo rendering and memory as in
 * interactive replies (deliver.ts), one attempt per call (the outbox worker owns retries and
 * their timing), optionally paced by a rate limiter (Zalo publishes no limit). Errors are the
 * client's ZaloApiError / ZaloNetworkError, classified by ../retry.ts.
 */
import type { Deps } from '../../chat/types.js';
import type { RateLimiter } from '../rate-limit.js';
import { classifyError } from '../retry.js';
import type { Sender } from '../../chat/sender.js';
import { createZaloClient, type ZaloClient } from './client.js';
import { createZaloDeliver } from './deliver.js';
import { ZaloApiError } from './errors.js';
import { zaloTranslator } from './wording.js';

export interface ZaloSenderOptions {
  token: string;
  apiRoot?: string | undefined;
  /** Share the channel's client (and its keep-alive connections); otherwise one is made. */
  client?: ZaloClient;
  limiter?: RateLimiter | undefined;
}

export function createZaloSender(options: ZaloSenderOptions, deps: Deps): Sender {
  const client = options.client ?? createZaloClient({ token: options.token, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) });
  const deliver = createZaloDeliver({ ...deps, translator: zaloTranslator(deps.translator) }, async (chatId, text) => {
    await options.limiter?.acquire(chatId);
    return (await client.sendMessage({ chat_id: chatId, text })).message_id;
  });
  return {
    channel: 'zalo',
    send: (chatId, out, progress) => deliver(chatId, [out], progress),
    classify: (error, attempt) => classifyError(error, { attempt }),
    // Both error types are token-free by construction (errors.ts).
    describe: (error) => (error instanceof ZaloApiError ? `${error.errorCode} ${error.description}` : error instanceof Error ? error.message : String(error)),
    wording: zaloTranslator,
  };
}
