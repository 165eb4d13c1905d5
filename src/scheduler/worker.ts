/**
 * The delivery worker: claims due outbox rows in small batches (FOR UPDATE SKIP LOCKED plus a
 * lease, so several workers never take the same row), renders each, and sends it through its
 * channel's Sender, which paces calls to the platform's limits. Then, per row:
 * sent → platform message id and message_refs recorded (a reply to a nudge finds its tasks);
 * a message split into parts records each part as it goes, so a retry resumes after the last
 * part delivered (parts are counted on the message as rendered at retry time);
 * 429 → back after retry_after, the attempt not counted; 5xx / network / timeout → back after
 * a backoff, dead after `maxAttempts` with the last error logged; 403 → the person's link is
 * marked unreachable and the row dead (the digest reports them); stale or moot → skipped.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import { isConnectionError, retryBriefly } from '../db/health.js';
import type { OutboxRow } from '../db/schema.js';
import { inSendWindow } from '../domain/nudge-policy.js';
import { localDate, type Clock } from '../domain/time.js';
import type { Channel, Locale } from '../domain/types.js';
import type { Translator } from '../i18n.js';
import type { Sender } from '../chat/sender.js';
import { claimDue, markChatUnreachable, markFinal, markPartSent, markRetry, markSent } from '../store/outbox.js';
import { loadSchedulePlan, nextWindowOpen, type SchedulePlan } from '../store/schedule.js';
import { renderOutboxRow } from '../chat/outbox-message.js';
import { sendErrorClass, type Observer } from '../chat/observe.js';

export interface WorkerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  defaultLocale: Locale;
  senders: ReadonlyMap<Channel, Sender>;
  observe?: Observer | undefined;
  /** Where download links point (PUBLIC_URL, else the server's own address once it listens). */
  publicUrl?: () => string | undefined;
}

export interface DeliverOptions {
  batchSize?: number;
  maxAttempts?: number;
  leaseMs?: number;
  /** Chats served at once; rows of one chat always go in order. */
  concurrency?: number;
  /** Checked between batches: stop early (shutdown). */
  shouldStop?: () => boolean;
}

export type OutcomeStatus = 'sent' | 'retry' | 'dead' | 'skipped' | 'unreachable';

export interface DeliveryOutcome {
  id: number;
  staffId: number | null;
  kind: string;
  channel: string;
  chatId: string;
  status: OutcomeStatus;
  messageId?: string;
  detail?: string;
}

export interface DeliveryReport {
  counts: Record<OutcomeStatus, number>;
  outcomes: DeliveryOutcome[];
}

export const DEFAULT_MAX_ATTEMPTS = 6;
/** A row whose bookkeeping lost the database connection is tried again this much later. */
const CONNECTION_RETRY_MS = 5_000;
/**
 * Waits between tries to record what the platform has already accepted (a part sent, the row
 * sent). The pool replaces a dropped connection at once, and a record lost here means the
 * message goes out twice, so the record is tried again rather than the send.
 */
export const RECORD_RETRY_MS = [100, 500, 2_000] as const;

const recordAccepted = (work: () => Promise<void>) => retryBriefly(work, RECORD_RETRY_MS, isConnectionError);

/** Kinds bound to their day and to office hours: outside the window they are dropped, not postponed. */
const DAILY_KINDS = new Set(['nudge', 'escalation', 'digest', 'group_digest', 'round_reminder']);
/** Kinds that wait for office hours when the window is closed. */
const OFFICE_HOURS_KINDS = new Set(['escalation_blocked', 'extension_request', 'round_ask', 'round_report']);

interface RowContext {
  deps: WorkerDeps;
  plan: SchedulePlan;
  maxAttempts: number;
  /** Chats found unreachable during this run: their other claimed rows are not tried. */
  unreachable: Set<string>;
}

const chatKey = (row: OutboxRow) => `${row.channel}:${row.chat_id}`;

async function deliverOne(c: RowContext, row: OutboxRow): Promise<DeliveryOutcome> {
  const { db, clock } = c.deps;
  const base = { id: row.id, staffId: row.staff_id, kind: row.kind, channel: row.channel, chatId: row.chat_id };
  if (c.unreachable.has(chatKey(row))) return { ...base, status: 'unreachable', detail: 'unreachable (found earlier in this run)' };
  const now = clock.now();
  const open = inSendWindow(now, c.plan.calendar, c.plan.policy);
  if (!open && DAILY_KINDS.has(row.kind)) {
    await markFinal(db, row.id, 'skipped', 'the send window closed before it could be sent');
    return { ...base, status: 'skipped', detail: 'window closed' };
  }
  if (!open && OFFICE_HOURS_KINDS.has(row.kind)) {
    await markRetry(db, row.id, nextWindowOpen(now, c.plan.calendar, c.plan.policy), 'waiting for office hours', true);
    return { ...base, status: 'retry', detail: 'waiting for office hours' };
  }
  const sender = c.deps.senders.get(row.channel)!;
  const rendered = await renderOutboxRow(
    {
      db,
      translator: sender.wording?.(c.deps.translator) ?? c.deps.translator,
      defaultLocale: c.deps.defaultLocale,
      today: localDate(now),
      escalateAfter: c.plan.policy.escalateAfterWorkingDays,
      documents: sender.documents ?? false,
      publicUrl: c.deps.publicUrl?.(),
      now,
    },
    row,
  );
  if ('skip' in rendered) {
    await markFinal(db, row.id, 'skipped', rendered.skip);
    return { ...base, status: 'skipped', detail: rendered.skip };
  }
  try {
    const messageId = await sender.send(row.chat_id, rendered.out, {
      done: row.parts_sent,
      lastId: row.platform_message_id,
      sent: (index, id) => recordAccepted(() => markPartSent(db, row.id, index + 1, id)),
    });
    // The sender has remembered what the message was about (its SentHook).
    const sentAt = clock.now();
    await recordAccepted(() => markSent(db, row.id, messageId, sentAt));
    c.deps.observe?.sent(row.channel, row.kind, Math.max(0, (sentAt.getTime() - new Date(row.created_at).getTime()) / 1000));
    return { ...base, status: 'sent', messageId };
  } catch (error) {
    // A database error inside the send (recording a part, remembering refs) is not the platform's
    // answer: the row is retried, and parts already recorded as sent are not sent again.
    if (isConnectionError(error) && sender.classify(error, row.attempts).reason === 'unknown') throw error;
    return failed(c, row, base, sender, error);
  }
}

async function failed(c: RowContext, row: OutboxRow, base: Omit<DeliveryOutcome, 'status'>, sender: Sender, error: unknown): Promise<DeliveryOutcome> {
  const { db, clock, logger } = c.deps;
  const decision = sender.classify(error, row.attempts);
  const detail = sender.describe(error);
  c.deps.observe?.sendFailed(row.channel, sendErrorClass(decision.reason));
  const now = clock.now();
  if (decision.permanent === 'blocked') {
    c.unreachable.add(chatKey(row));
    await markChatUnreachable(db, { staffId: row.staff_id, channel: row.channel, chatId: row.chat_id }, detail, now);
    logger.warn(
      { outboxId: row.id, staffId: row.staff_id, channel: row.channel, error: detail },
      'recipient unreachable; link marked, pending messages dropped',
    );
    return { ...base, status: 'unreachable', detail };
  }
  const rateLimited = decision.reason === 'rate_limited';
  if (decision.retry && (rateLimited || row.attempts < c.maxAttempts)) {
    const at = new Date(now.getTime() + (decision.afterMs ?? 0));
    await markRetry(db, row.id, at, detail, rateLimited);
    logger.info({ outboxId: row.id, attempt: row.attempts, retryAt: at.toISOString(), reason: decision.reason, error: detail }, 'send failed; will retry');
    return { ...base, status: 'retry', detail };
  }
  await markFinal(db, row.id, 'dead', detail);
  logger.error(
    { outboxId: row.id, staffId: row.staff_id, kind: row.kind, attempts: row.attempts, reason: decision.reason, error: detail },
    'outbox message given up (dead)',
  );
  return { ...base, status: 'dead', detail };
}

/** Runs each chat's rows in order, up to `limit` chats at a time. */
async function byChat<T>(rows: OutboxRow[], limit: number, work: (row: OutboxRow) => Promise<T>): Promise<T[]> {
  const queues = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = chatKey(row);
    queues.set(key, [...(queues.get(key) ?? []), row]);
  }
  const pending = [...queues.values()];
  const results: T[] = [];
  const lane = async () => {
    for (let queue = pending.shift(); queue; queue = pending.shift()) {
      for (const row of queue) results.push(await work(row));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, pending.length)) }, lane));
  return results;
}

/** Delivers every row due at the clock's instant (and those that fall due while it runs). */
export async function deliverOutbox(deps: WorkerDeps, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { counts: { sent: 0, retry: 0, dead: 0, skipped: 0, unreachable: 0 }, outcomes: [] };
  const channels = [...deps.senders.keys()];
  if (channels.length === 0) return report;
  const c: RowContext = {
    deps,
    plan: await loadSchedulePlan(deps.db, deps.logger),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    unreachable: new Set(),
  };
  const batchSize = options.batchSize ?? 50;
  while (!options.shouldStop?.()) {
    const rows = await claimDue(deps.db, channels, deps.clock.now(), batchSize, options.leaseMs ?? 120_000);
    if (rows.length === 0) break;
    const outcomes = await byChat(rows, options.concurrency ?? 16, (row) =>
      deliverOne(c, row).catch(async (error: unknown) => {
        // The database, not the message, failed: the row stays pending and is tried again once
        // the lease runs out (or sooner, if the database answers now). Never dead for this.
        if (isConnectionError(error)) {
          await markRetry(deps.db, row.id, new Date(deps.clock.now().getTime() + CONNECTION_RETRY_MS), 'database connection lost', true).catch(() => undefined);
          return {
            id: row.id,
            staffId: row.staff_id,
            kind: row.kind,
            channel: row.channel,
            chatId: row.chat_id,
            status: 'retry' as const,
            detail: 'database connection lost',
          };
        }
        const detail = `render or bookkeeping failed: ${error instanceof Error ? error.message : String(error)}`;
        deps.logger.error({ err: error, outboxId: row.id }, 'outbox row failed unexpectedly; marked dead');
        await markFinal(deps.db, row.id, 'dead', detail);
        return { id: row.id, staffId: row.staff_id, kind: row.kind, channel: row.channel, chatId: row.chat_id, status: 'dead' as const, detail };
      }),
    );
    for (const outcome of outcomes) {
      report.counts[outcome.status]++;
      report.outcomes.push(outcome);
    }
  }
  return report;
}
