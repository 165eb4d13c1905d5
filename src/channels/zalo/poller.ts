/**
 * Long polling: one getUpdates at a time, for as long as the channel runs. A poll that found
 * nothing (Zalo's 408) simply polls again; any other failure waits with jittered exponential
 * backoff before the next poll, so a Zalo outage or a wrong token does not spin. stop() aborts the
 * poll in flight, so shutting down never waits for a long poll to time out.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { backoffDelay, classifyError } from '../retry.js';
import type { ZaloClient } from './client.js';
import type { ZaloUpdate } from './types.js';

export interface PollerOptions {
  client: ZaloClient;
  /** Long-poll duration in seconds. */
  pollSeconds: number;
  /** Receives each update; may wait (backpressure) before the next poll. */
  onUpdate(update: ZaloUpdate): Promise<void>;
  logger: Logger;
  backoff: { baseMs: number; maxMs: number };
}

export interface Poller {
  stop(): Promise<void>;
}

export function startPolling(options: PollerOptions): Poller {
  const { client, logger: log, backoff } = options;
  const controller = new AbortController();
  const { signal } = controller;

  async function pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal }).catch(() => undefined);
  }

  async function loop(): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const updates = await client.getUpdates({ timeout: options.pollSeconds, signal });
        failures = 0;
        for (const update of updates) await options.onUpdate(update);
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        const decision = classifyError(error, { attempt: failures, poll: true, ...backoff });
        // A permanent failure (wrong token) still polls again, slowly: the operator may fix it.
        const delay = decision.retry ? (decision.afterMs ?? 0) : Math.max(backoffDelay(failures, backoff), backoff.maxMs / 2);
        const level = decision.permanent ? 'error' : 'warn';
        log[level]({ err: error, reason: decision.reason, failures, retryInMs: delay }, 'zalo getUpdates failed');
        await pause(delay);
      }
    }
  }

  const running = loop();
  return {
    async stop() {
      controller.abort();
      await running;
    },
  };
}
