/**
 * Button action ids, built and parsed in one place. They travel as Telegram callback_data
 * (≤ 64 bytes, untrusted: anyone can forge one), so they hold short codes and ids, never labels.
 */

export type StatusChoice = 'in_progress' | 'done' | 'blocked' | 'extension';

const STATUS_CODES: Record<StatusChoice, string> = { in_progress: 'p', done: 'd', blocked: 'b', extension: 'x' };
const CODE_TO_STATUS = Object.fromEntries(Object.entries(STATUS_CODES).map(([k, v]) => [v, k])) as Record<string, StatusChoice>;

/** The order of the status menu, also the numbers of Zalo's numbered menu (1 Đang làm · 2 Xong …). */
export const STATUS_MENU: StatusChoice[] = ['in_progress', 'done', 'blocked', 'extension'];

export type ParsedAction =
  | { kind: 'status'; choice: StatusChoice; occurrenceId: number; inList?: boolean }
  | { kind: 'tasks_page'; page: number }
  | { kind: 'open_task'; occurrenceId: number }
  | { kind: 'extension_decision'; approve: boolean; updateId: number }
  | { kind: 'plan_decision'; confirm: boolean; draftId: number }
  | { kind: 'assign'; taskId: number; staffId: number }
  | { kind: 'assign_skip'; taskId: number };

export const actions = {
  status: (choice: StatusChoice, occurrenceId: number) => `st:${STATUS_CODES[choice]}:${occurrenceId}`,
  tasksPage: (page: number) => `tp:${page}`,
  /** A status button under one task of a list (a nudge): answered without replacing the list. */
  listStatus: (choice: StatusChoice, occurrenceId: number) => `sl:${STATUS_CODES[choice]}:${occurrenceId}`,
  openTask: (occurrenceId: number) => `ot:${occurrenceId}`,
  approveExtension: (updateId: number) => `xa:${updateId}`,
  rejectExtension: (updateId: number) => `xr:${updateId}`,
  planConfirm: (draftId: number) => `pc:${draftId}`,
  planCancel: (draftId: number) => `px:${draftId}`,
  assign: (taskId: number, staffId: number) => `as:${taskId}:${staffId}`,
  assignSkip: (taskId: number) => `ak:${taskId}`,
};

const MAX_ID = 2_147_483_647;

function parseId(text: string | undefined): number | null {
  if (!text || !/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n > 0 && n <= MAX_ID ? n : null;
}

/** Parses an action id; anything not built by `actions` gives null. */
export function parseAction(data: string): ParsedAction | null {
  const parts = data.split(':');
  if ((parts[0] === 'st' || parts[0] === 'sl') && parts.length === 3) {
    const choice = CODE_TO_STATUS[parts[1] ?? ''];
    const id = parseId(parts[2]);
    if (!choice || !id) return null;
    return parts[0] === 'sl' ? { kind: 'status', choice, occurrenceId: id, inList: true } : { kind: 'status', choice, occurrenceId: id };
  }
  if (parts[0] === 'ot' && parts.length === 2) {
    const id = parseId(parts[1]);
    return id ? { kind: 'open_task', occurrenceId: id } : null;
  }
  if ((parts[0] === 'xa' || parts[0] === 'xr') && parts.length === 2) {
    const id = parseId(parts[1]);
    return id ? { kind: 'extension_decision', approve: parts[0] === 'xa', updateId: id } : null;
  }
  if ((parts[0] === 'pc' || parts[0] === 'px') && parts.length === 2) {
    const id = parseId(parts[1]);
    return id ? { kind: 'plan_decision', confirm: parts[0] === 'pc', draftId: id } : null;
  }
  if (parts[0] === 'as' && parts.length === 3) {
    const taskId = parseId(parts[1]);
    const staffId = parseId(parts[2]);
    return taskId && staffId ? { kind: 'assign', taskId, staffId } : null;
  }
  if (parts[0] === 'ak' && parts.length === 2) {
    const id = parseId(parts[1]);
    return id ? { kind: 'assign_skip', taskId: id } : null;
  }
  if (parts[0] === 'tp' && parts.length === 2) {
    const page = parts[1] && /^\d{1,4}$/.test(parts[1]) ? Number(parts[1]) : null;
    return page === null ? null : { kind: 'tasks_page', page };
  }
  return null;
}
