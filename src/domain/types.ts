/** Words of the product (DESIGN.md §2) as types shared by every layer. */

export const STATUSES = ['open', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** The statuses of an occurrence still being worked on: what "open", "overdue" and nudges count. */
export const OPEN_STATUSES = ['open', 'in_progress', 'blocked'] as const satisfies readonly Status[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export function isOpenStatus(status: Status): status is OpenStatus {
  return (OPEN_STATUSES as readonly Status[]).includes(status);
}

export const ROLES = ['staff', 'unit_head', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['telegram', 'zalo', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Locale = 'vi' | 'en';

/** Who an update row says it came from: a chat platform, the admin command line, or dondoc itself. */
export type UpdateSource = Channel | 'cli' | 'system';

/** A button (Telegram, web) or numbered menu entry (Zalo). `action` is an id from chat/actions.ts. */
export interface Action {
  label: string;
  action: string;
  /** Buttons with the same row number share a keyboard row; absent means a row of its own. */
  row?: number;
}

/** What a command answers, independent of the platform that renders it. */
export interface Outgoing {
  text: string;
  actions?: Action[];
  /** Occurrences this message is about, so a reply to it (or a bare "xong" on Zalo) finds its task. */
  occurrenceIds?: number[];
  /** Files sent after the text, on platforms that take documents from a bot (Telegram). */
  documents?: { name: string; bytes: Uint8Array }[];
}

export type DueKind = 'date' | 'recurring' | 'ongoing' | 'roadmap' | 'none';
export type RecurrenceRule = 'yearly' | 'quarterly' | 'monthly';

/** Why a person is nudged about an occurrence on a day (nudge_log.kind, an item of a nudge message). */
export const NUDGE_KINDS = ['due_soon', 'due_today', 'overdue', 'escalation'] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];
