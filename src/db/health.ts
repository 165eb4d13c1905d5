/**
 * Whether the database answers, as the process sees it. A dropped connection (a Postgres restart
 * or failover terminates every session) or an unreachable server is logged once when it starts
 * and once when the database answers again, instead of once per failed job every few seconds.
 */
import type { Logger } from 'pino';

export interface DbHealth {
  /** A connection failed or a query could not reach the database. */
  down(error: unknown): void;
  /** A query went through. */
  up(): void;
  readonly isDown: boolean;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * True for errors that say the connection, not the query, failed: SQLSTATE class 08 (connection
 * exception) and 57P01–57P03 (the server terminated the session or is starting or shutting
 * down), socket errors, and pg's own "Connection terminated" / connect timeout.
 */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (code.startsWith('08') || /^57P0[123]$/.test(code) || CONNECTION_CODES.has(code))) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed/i.test(message)
  );
}

/**
 * Runs a write again after each wait in `waitsMs` while it fails and `when` says the failure is
 * worth another try (by default any failure); the last failure is thrown. For records that must
 * not be lost to a moment's outage: the pool replaces a dropped connection at once.
 */
export async function retryBriefly<T>(work: () => Promise<T>, waitsMs: readonly number[], when: (error: unknown) => boolean = () => true): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const wait = waitsMs[attempt];
      if (wait === undefined || !when(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

export function createDbHealth(logger: Logger): DbHealth {
  let since: number | null = null;
  return {
    down(error) {
      if (since !== null) return;
      since = Date.now();
      logger.error({ err: error }, 'database unreachable; jobs will retry until it answers');
    },
    up() {
      if (since === null) return;
      logger.warn({ downMs: Date.now() - since }, 'database reachable again');
      since = null;
    },
    get isDown() {
      return since !== null;
    },
  };
}
