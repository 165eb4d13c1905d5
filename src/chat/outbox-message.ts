/**
 * An outbox row → the message to send now, in the recipient's language; or a reason to skip it
 * (a nudge or digest of a past day, a task closed meanwhile, a request already decided).
 */
import type { Db } from '../db/index.js';
import type { OutboxRow } from '../db/schema.js';
import type { Locale } from '../domain/types.js';
import { pickLocale, type Translator } from '../i18n.js';
import { recipientOf } from '../store/occurrence-details.js';
import { parseOutboxPayload } from '../store/outbox-payloads.js';
import { renderDigest } from './digest-message.js';
import { renderExtensionDecision, renderExtensionRequest } from './extension-message.js';
import { renderBlocked, renderEscalation, renderNudge, type Rendered } from './nudge-message.js';
import { renderTaskCancelled } from './cancel-message.js';
import { renderRoundAsk, renderRoundReminder, renderRoundReport } from './round-message.js';
import type { OutboxPayload } from '../store/outbox-payloads.js';

export interface RenderContext {
  db: Db;
  translator: Translator;
  defaultLocale: Locale;
  today: string;
  /** Working days overdue that trigger an escalation (for the escalation header). */
  escalateAfter: number;
  /** The channel takes documents from the bot (else compiled reports go as download links). */
  documents?: boolean;
  publicUrl?: string | undefined;
  now?: Date;
}

/** Kinds that belong to one local day: sent that day or not at all. */
const DAILY = new Set(['nudge', 'escalation', 'digest', 'group_digest', 'round_reminder']);

export async function renderOutboxRow(ctx: RenderContext, row: OutboxRow): Promise<Rendered> {
  const read = parseOutboxPayload(row.payload);
  if (!read.ok) return { skip: `unreadable payload: ${read.problem}` };
  const { payload } = read;
  if (DAILY.has(payload.type) && 'date' in payload && payload.date !== ctx.today) {
    return { skip: `stale: a ${payload.type} of ${payload.date} is not sent on ${ctx.today}` };
  }
  if (row.staff_id === null) return renderForGroup(ctx, payload);
  const staff = await recipientOf(ctx.db, row.staff_id);
  if (!staff?.active) return { skip: 'the recipient is no longer active' };
  const t = ctx.translator.for(pickLocale(staff.locale, ctx.defaultLocale));
  switch (payload.type) {
    case 'nudge':
      return renderNudge(ctx.db, t, payload);
    case 'escalation':
      return renderEscalation(ctx.db, t, payload, ctx.escalateAfter);
    case 'blocked':
      return renderBlocked(ctx.db, t, payload, ctx.today);
    case 'digest':
      return renderDigest(ctx.db, t, payload, staff.unit_id);
    case 'extension_request':
      return renderExtensionRequest(ctx.db, t, payload.u);
    case 'extension_decision':
      return renderExtensionDecision(ctx.db, t, payload.u);
    case 'task_cancelled':
      return renderTaskCancelled(ctx.db, t, payload.u);
    case 'round_ask':
      return renderRoundAsk(ctx.db, t, payload);
    case 'round_reminder':
      return renderRoundReminder(ctx.db, t, payload, row.staff_id);
    case 'round_report':
      return renderRoundReport(ctx.db, t, payload, row.staff_id, { documents: ctx.documents ?? false, publicUrl: ctx.publicUrl, now: ctx.now ?? new Date() });
    case 'group_digest':
      return { skip: 'a group digest addressed to a person' };
  }
}

/**
 * A row for a group chat (a unit's subscription): its digest and its blockers, in the
 * organisation's language, without buttons (a button in a group would act for whoever pressed it).
 */
async function renderForGroup(ctx: RenderContext, payload: OutboxPayload): Promise<Rendered> {
  const t = ctx.translator.for(ctx.defaultLocale);
  let rendered: Rendered;
  if (payload.type === 'group_digest') rendered = await renderDigest(ctx.db, t, payload, payload.unit);
  else if (payload.type === 'blocked') rendered = await renderBlocked(ctx.db, t, payload, ctx.today);
  else return { skip: `a ${payload.type} is never sent to a group` };
  return 'out' in rendered ? { out: { text: rendered.out.text } } : rendered;
}
