/**
 * What the running app counts for /metrics (app/metrics.ts implements it with prom-client). The
 * core, the channels and the scheduler report through this interface only; the CLI and tests
 * that do not look at metrics pass nothing and nothing is counted.
 */
export type SendErrorClass = '429' | '5xx' | 'timeout' | 'network' | '403' | 'other';

export interface Observer {
  /** One inbound update handled (read, answered, stored), in seconds. */
  inbound(channel: string, seconds: number): void;
  /** One outbox message delivered, `waitedSeconds` after it was planned. */
  sent(channel: string, kind: string, waitedSeconds: number): void;
  /** One failed send attempt. */
  sendFailed(channel: string, errorClass: SendErrorClass): void;
  /** One run of a scheduler job; `quiet` when the planner found nothing new to plan. */
  job(name: 'nudges' | 'digest' | 'deliver', seconds: number, quiet?: boolean): void;
}

export const NO_OBSERVER: Observer = {
  inbound: () => undefined,
  sent: () => undefined,
  sendFailed: () => undefined,
  job: () => undefined,
};

/** The class of a send failure from the sender's decision reason (channels/retry.ts). */
export function sendErrorClass(reason: string): SendErrorClass {
  switch (reason) {
    case 'rate_limited':
      return '429';
    case 'server_error':
      return '5xx';
    case 'timeout':
    case 'poll_timeout':
      return 'timeout';
    case 'network':
    case 'aborted':
      return 'network';
    case 'blocked':
      return '403';
    default:
      return 'other';
  }
}
