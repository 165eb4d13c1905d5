/** Starting a chat channel at start-up, and retrying in the background when its platform cannot be reached. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Sender } from '../chat/sender.js';
import { classifyError } from '../channels/retry.js';

/** A channel the platform refuses for good (wrong token, unknown bot): start-up stops. */
export class ChannelStartError extends Error {
  constructor(
    readonly channel: 'telegram' | 'zalo',
    readonly detail: string,
    cause: unknown,
  ) {
    super(`the ${channel} channel could not start: ${detail}`, { cause });
    this.name = 'ChannelStartError';
  }
}

export interface ChannelStarter {
  /**
   * Starts a channel. A permanent refusal (401 wrong token, 404 unknown bot) rejects with
   * ChannelStartError; a transient failure (network, timeout, 5xx, 429) is logged and retried in
   * the background with backoff (up to a minute apart), while the web side, the other channel and
   * the scheduler run: the outbox keeps every message until the platform can be reached.
   */
  start(name: 'telegram' | 'zalo', start: () => Promise<void>, sender: Sender | undefined): Promise<void>;
  /** Ends the background retries (shutdown). */
  stop(): void;
}

export function createChannelStarter(logger: Logger): ChannelStarter {
  const retries = new AbortController();

  async function attempt(name: 'telegram' | 'zalo', start: () => Promise<void>, sender: Sender | undefined, n: number): Promise<number | null> {
    try {
      await start();
      if (n > 1) logger.info({ channel: name, attempt: n }, `${name} channel started after ${n} attempts`);
      return null;
    } catch (error) {
      const decision = classifyError(error, { attempt: n });
      // The channel's Sender reads platform errors the same way ("401 Unauthorized", never the token).
      if (!decision.retry) throw new ChannelStartError(name, sender?.describe(error) ?? String(error), error);
      logger.warn({ err: error, channel: name, attempt: n, retryInMs: decision.afterMs }, `${name} channel could not start; retrying`);
      return decision.afterMs ?? 1000;
    }
  }

  async function retryInBackground(name: 'telegram' | 'zalo', start: () => Promise<void>, sender: Sender | undefined, first: number): Promise<void> {
    let delay = first;
    for (let n = 2; !retries.signal.aborted; n++) {
      try {
        await sleep(delay, undefined, { signal: retries.signal });
        const next = await attempt(name, start, sender, n);
        if (next === null) return;
        delay = next;
      } catch (error) {
        if (!retries.signal.aborted) logger.error({ err: error, channel: name }, `${name} channel gave up starting`);
        return;
      }
    }
  }

  return {
    async start(name, start, sender) {
      const wait = await attempt(name, start, sender, 1);
      if (wait !== null) void retryInBackground(name, start, sender, wait);
    },
    stop: () => retries.abort(),
  };
}
