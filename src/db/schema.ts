/** Table types for Kysely, gathered into one Database interface. Dates are YYYY-MM-DD strings. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Channel, DueKind, Locale, NudgeKind, RecurrenceRule, Role, Status, UpdateSource } from '../domain/types.js';

/** `edit` and `cancel` are the office's changes to a task, with what was before and after in `data`. */
export type UpdateKind = 'status' | 'note' | 'extension_request' | 'extension_decision' | 'assign' | 'edit' | 'cancel';
export type PromptKind = 'blocked_reason' | 'extension';
/** What an outbox row sends: a nudge or escalation list, a blocked task, the digest, an extension request or its decision, a cancelled task, a report round's messages. */
export type OutboxKind =
  | 'nudge'
  | 'escalation'
  | 'escalation_blocked'
  | 'digest'
  | 'extension_request'
  | 'extension_decision'
  | 'task_cancelled'
  | 'round_ask'
  | 'round_reminder'
  | 'round_report'
  | 'group_digest';
export type OutboxStatus = 'pending' | 'sent' | 'dead' | 'skipped';
export type PlanDraftStatus = 'pending' | 'confirmed' | 'cancelled';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb: read as parsed JSON, written as a JSON string (pg would turn JS arrays into SQL arrays). */
type Json<T> = ColumnType<T, string, string>;

export interface UnitsTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  name_folded: string;
  path: string;
  depth: Generated<number>;
  created_at: CreatedAt;
}

export interface UnitClosureTable {
  ancestor_id: number;
  unit_id: number;
  depth: number;
}

export interface StaffTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  name_folded: string;
  phone: string;
  role: Role;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  preferred_channel: Channel | null;
  digest_enabled: Generated<boolean>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ChatLinksTable {
  id: Generated<number>;
  staff_id: number;
  channel: Channel;
  user_id: string;
  chat_id: string;
  display_name: string | null;
  linked_at: Timestamp;
  last_seen_at: Timestamp | null;
  unreachable_at: Timestamp | null;
  unreachable_reason: string | null;
}

export interface LinkCodesTable {
  code: string;
  staff_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by_link_id: number | null;
}

export interface DocumentsTable {
  id: Generated<number>;
  number: string | null;
  doc_date: string | null;
  issuer: string | null;
  title: string | null;
  file_name: string | null;
  file_hash: string | null;
  created_at: CreatedAt;
}

export interface TasksTable {
  id: Generated<number>;
  document_id: number | null;
  ref: string | null;
  title: string;
  product: string | null;
  due_kind: DueKind;
  due_date: string | null;
  due_rule: RecurrenceRule | null;
  due_spec: Json<unknown> | null;
  due_text: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  cancelled_at: Timestamp | null;
}

export interface TaskUnitsTable {
  task_id: number;
  unit_id: number;
  role: 'lead' | 'support';
}

export interface TaskOwnersTable {
  task_id: number;
  staff_id: number;
  assigned_at: CreatedAt;
}

export interface OccurrencesTable {
  id: Generated<number>;
  task_id: number;
  period_key: string;
  due_date: string | null;
  lead_unit_id: number | null;
  status: ColumnType<Status, Status | undefined, Status>;
  percent: number | null;
  status_changed_at: Timestamp | null;
  last_update_at: Timestamp | null;
  last_note: string | null;
  completed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface UpdatesTable {
  id: Generated<number>;
  occurrence_id: number | null;
  task_id: number;
  staff_id: number | null;
  channel: UpdateSource;
  kind: UpdateKind;
  status: Status | null;
  percent: number | null;
  note: string | null;
  requested_due: string | null;
  decision: 'approved' | 'rejected' | null;
  ref_update_id: number | null;
  data: Json<unknown> | null;
  created_at: Timestamp;
}

export interface MessageRefsTable {
  channel: Channel;
  chat_id: string;
  message_id: string;
  occurrence_ids: ColumnType<number[], number[], number[]>;
  created_at: Timestamp;
  seq: Generated<number>;
}

/** The next instant a message may leave, per bot (store/send-rate.ts). */
export interface SendSlotsTable {
  bucket: string;
  next_at: Timestamp;
}

export interface PromptsTable {
  staff_id: number;
  channel: Channel;
  kind: PromptKind;
  occurrence_id: number;
  message_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ChatMenusTable {
  channel: Channel;
  chat_id: string;
  entries: Json<{ n: number; action: string }[]>;
  needs_task: Generated<boolean>;
  created_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<number>;
  dedupe_key: string;
  staff_id: number | null;
  channel: Channel;
  chat_id: string;
  kind: OutboxKind;
  payload: Json<unknown>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  platform_message_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** Parts of a split message already delivered (a retry resumes after them). */
  parts_sent: Generated<number>;
}

export interface InboundUpdatesTable {
  channel: Channel;
  update_key: string;
  staff_id: number | null;
  payload: Json<unknown>;
  received_at: Timestamp;
  outcome: string | null;
}

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CalendarOverridesTable {
  date: string;
  mark: 'off' | 'work';
  note: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** One planned nudge item: (person, occurrence, kind, local date) is unique, so it is planned once. */
export interface NudgeLogTable {
  id: Generated<number>;
  staff_id: number;
  occurrence_id: number;
  kind: NudgeKind;
  local_date: string;
  days: number;
  created_at: Timestamp;
}

export interface UnitAliasesTable {
  alias_folded: string;
  unit_id: number;
  alias: string;
}

export interface PlanDraftsTable {
  id: Generated<number>;
  staff_id: number;
  file_name: string;
  file_hash: string;
  plan: Json<unknown>;
  status: ColumnType<PlanDraftStatus, PlanDraftStatus | undefined, PlanDraftStatus>;
  created_at: Timestamp;
  decided_at: Timestamp | null;
}

/** A staff list uploaded in the office workbench, checked and waiting for Confirm. */
export interface StaffImportDraftsTable {
  id: Generated<number>;
  staff_id: number;
  file_name: string;
  rows: Json<unknown>;
  status: ColumnType<PlanDraftStatus, PlanDraftStatus | undefined, PlanDraftStatus>;
  created_at: Timestamp;
  decided_at: Timestamp | null;
}

/** A one-time dashboard login link (only its SHA-256 is kept). */
export interface WebLoginTokensTable {
  token_hash: string;
  staff_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A browser session: a dashboard session of a staff member, or a web chat (chat_key). */
export interface WebSessionsTable {
  token_hash: string;
  kind: 'dashboard' | 'chat';
  staff_id: number | null;
  chat_key: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

/** A message of a web chat, from the bot or the person; body is the rendered Outgoing. */
export interface WebMessagesTable {
  id: Generated<number>;
  chat_key: string;
  sender: 'bot' | 'user';
  body: Json<unknown>;
  created_at: Timestamp;
  updated_at: Timestamp | null;
}

/** A report round (kỳ báo cáo): a period, its due date, the day collection starts, the plan in scope (null: every task). */
export interface ReportRoundsTable {
  id: Generated<number>;
  period_key: string;
  period_from: string;
  period_to: string;
  due_date: string;
  collect_from: string;
  document_id: number | null;
  status: ColumnType<'collecting' | 'compiled', 'collecting' | 'compiled' | undefined, 'collecting' | 'compiled'>;
  opened_by: 'office' | 'policy' | 'plan';
  created_at: Timestamp;
  compiled_at: Timestamp | null;
}

/** What a unit head said about one task for a round (append-only; the latest counts). */
export interface RoundAnswersTable {
  id: Generated<number>;
  round_id: number;
  occurrence_id: number;
  staff_id: number | null;
  channel: UpdateSource;
  result: string;
  product: string | null;
  difficulties: string | null;
  proposals: string | null;
  kept: Generated<boolean>;
  created_at: Timestamp;
}

export interface RoundFilesTable {
  id: Generated<number>;
  round_id: number;
  file_name: string;
  bytes: Buffer;
  created_at: Timestamp;
}

/** A one-time link to a compiled file (only its SHA-256 is kept). */
export interface DownloadTokensTable {
  token_hash: string;
  file_id: number;
  staff_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A group chat that receives a unit's digest and blockers. */
export interface GroupSubscriptionsTable {
  channel: Channel;
  chat_id: string;
  unit_id: number;
  subscribed_by: number;
  created_at: Timestamp;
}

export interface Database {
  units: UnitsTable;
  unit_closure: UnitClosureTable;
  staff: StaffTable;
  chat_links: ChatLinksTable;
  link_codes: LinkCodesTable;
  documents: DocumentsTable;
  tasks: TasksTable;
  task_units: TaskUnitsTable;
  task_owners: TaskOwnersTable;
  occurrences: OccurrencesTable;
  updates: UpdatesTable;
  message_refs: MessageRefsTable;
  prompts: PromptsTable;
  chat_menus: ChatMenusTable;
  outbox: OutboxTable;
  inbound_updates: InboundUpdatesTable;
  settings: SettingsTable;
  web_login_tokens: WebLoginTokensTable;
  web_sessions: WebSessionsTable;
  web_messages: WebMessagesTable;
  calendar_overrides: CalendarOverridesTable;
  nudge_log: NudgeLogTable;
  unit_aliases: UnitAliasesTable;
  plan_drafts: PlanDraftsTable;
  staff_import_drafts: StaffImportDraftsTable;
  report_rounds: ReportRoundsTable;
  round_answers: RoundAnswersTable;
  round_files: RoundFilesTable;
  download_tokens: DownloadTokensTable;
  group_subscriptions: GroupSubscriptionsTable;
  send_slots: SendSlotsTable;
}

export type Unit = Selectable<UnitsTable>;
export type Staff = Selectable<StaffTable>;
export type ChatLink = Selectable<ChatLinksTable>;
export type Task = Selectable<TasksTable>;
export type Occurrence = Selectable<OccurrencesTable>;
export type Update = Selectable<UpdatesTable>;
export type NewUpdate = Insertable<UpdatesTable>;
export type OutboxRow = Selectable<OutboxTable>;
