/**
 * The reply grammar: how one short line from a person ("xong", "đã hoàn thành", "50%",
 * "vướng: chờ số liệu", "gia hạn 20/12 vì chờ số liệu", "2 #15") becomes an intent. Every
 * platform reads free text through it (Telegram replies, Zalo's numbered menu, the web chat).
 *
 * Pure: no I/O, no clock; `today` (the local YYYY-MM-DD date) is passed in.
 *
 * Decisions:
 * - Keywords are matched on `fold()`ed text (no diacritics, lower case, one space), but every
 *   note and date text is cut from the person's original text, diacritics and line breaks kept.
 *   Nothing is truncated; callers enforce length limits.
 * - `#N` (N ≥ 1) at the start, after a space or after `,;:` is a task reference and is removed
 *   before anything else is read; only the first one counts (later ones stay in the text).
 *   A `#` inside a link (`…/page#12`) is not a reference.
 * - A message that is only a digit 1–9 (optionally `2.` or `2)`, optionally with `#N`) is a
 *   menu choice. `0`, `10`, `50` alone are notes; `50%` is a percentage.
 * - Only the start of the message decides. A few politeness and framing words may come first
 *   and are skipped ("dạ", "đã", "vâng", "ok", "em", "tôi", "vẫn", "hiện", "tiến độ:", …).
 * - A negation at the start (`chưa`, `không`, `ko`, `k`, `not`, `no`, …) makes the whole
 *   message a note: `chưa xong`, `chua hoan thanh`, `chưa làm`, `not done` never change a status.
 *   A negation or `?` right after a status word (`xong chưa?`, `hoàn thành không kịp`) also
 *   makes a note; after a comma it is just the note (`xong, không vướng gì`).
 * - A percentage decides the status: 0–99 → in_progress with `percent`, 100 → done (no
 *   `percent`: done never carries one), above 100 or with decimals → note. `hoàn thành 50%`
 *   is in_progress 50; `đang làm 100%` is done.
 * - Blocked and extension take the rest of the line as the note (after `:`, `-`, `,` or a
 *   space). A note made only of punctuation or emoji is dropped.
 * - Extension: the date must come right after the keyword and its connectors (`đến`, `tới`,
 *   `đến ngày`, `sang`, `thêm`, `to`, `until`, …). No text → no date (the caller asks for it).
 *   A reason word right away (`vì`, `do`, `lý do`, `because`, …) → no date, the text is the note.
 *   Anything else that is not a valid date (`31/02`, `abc`, `ngày mai`, `thêm 1 tuần`) →
 *   `invalidDate: true` with the offending words in `dateText`; a date is never guessed.
 *   The reason keeps its own wording (`vì chờ số liệu`). A date in the past with an explicit
 *   year is returned as is: whether it is acceptable is the caller's rule, not the grammar's.
 * - Dates: `dd/mm`, `dd/mm/yyyy`, `dd/mm/yy` with `/`, `-` or `.` (one kind per date),
 *   `ngày 20 tháng 12 [năm 2025]`, an optional leading `ngày`, and ISO `yyyy-mm-dd`. Without a
 *   year: this year, or next year when that day is already before `today` (a 29/02 that does
 *   not exist in the chosen year is invalid). Two-digit years are 20yy.
 */
import { fold } from './text.js';
import { isoDate, parseIsoDate } from './time.js';

export type ReplyIntent =
  | { kind: 'status'; status: 'in_progress' | 'done'; percent?: number; note?: string; taskRef?: number }
  | { kind: 'blocked'; note?: string; taskRef?: number }
  | { kind: 'extension'; date?: string; dateText?: string; note?: string; invalidDate?: boolean; taskRef?: number }
  | { kind: 'menu'; choice: number; taskRef?: number }
  | { kind: 'note'; text: string; taskRef?: number };

/** The date and reason of an extension request (also the answer to "which date?"). */
export interface DateAndReason {
  /** YYYY-MM-DD, only when the date is valid. */
  date?: string;
  /** The date as the person wrote it (valid or not). */
  dateText?: string;
  invalidDate?: boolean;
  note?: string;
}

export type VnDate = { date: string } | { error: 'invalid' } | null;

// ---------------------------------------------------------------------------------------------
// Vocabulary, written as people write it and folded once.

function phrases(...list: string[]): readonly string[] {
  return [...new Set(list.map(fold))].sort((a, b) => b.length - a.length);
}

const FILLERS = phrases(
  'dạ',
  'đã',
  'vâng',
  'ok',
  'oke',
  'okay',
  'okie',
  'em',
  'tôi',
  'mình',
  'vẫn',
  'hiện',
  'hiện tại',
  'hiện nay',
  'báo cáo',
  'cập nhật',
  'trạng thái',
  'tiến độ',
  'status',
  'update',
);

const NEGATIONS = phrases(
  'chưa',
  'không',
  'ko',
  'k',
  'kg',
  'kh',
  'khg',
  'hông',
  'hok',
  'chẳng',
  'chả',
  'not',
  'no',
  'never',
  'cannot',
  "can't",
  'cant',
  "don't",
  'dont',
  "won't",
  "isn't",
  "haven't",
  "hasn't",
  'yet',
);

const DONE = phrases(
  'xong',
  'xong việc',
  'xong hết',
  'xong luôn',
  'làm xong',
  'thực hiện xong',
  'xử lý xong',
  'hoàn thành',
  'hoàn tất',
  'ht',
  'done',
  'finished',
  'complete',
  'completed',
);

const PROGRESS = phrases(
  'đang làm',
  'đang thực hiện',
  'đang xử lý',
  'đang triển khai',
  'đang tiến hành',
  'đang hoàn thiện',
  'bắt đầu',
  'bắt đầu làm',
  'bắt đầu thực hiện',
  'in progress',
  'in-progress',
  'ongoing',
  'started',
  'working',
  'working on it',
  'doing',
);

const STATUS_WORDS = phrases(...DONE, ...PROGRESS);

const BLOCKED = phrases(
  'vướng',
  'vướng mắc',
  'bị vướng',
  'đang vướng',
  'gặp vướng mắc',
  'có vướng mắc',
  'khó khăn',
  'gặp khó khăn',
  'đang gặp khó khăn',
  'có khó khăn',
  'bị chặn',
  'bị kẹt',
  'bị tắc',
  'blocked',
  'blocker',
  'stuck',
);

const EXTENSION = phrases(
  'gia hạn',
  'xin gia hạn',
  'đề nghị gia hạn',
  'đề xuất gia hạn',
  'lùi hạn',
  'xin lùi hạn',
  'dời hạn',
  'xin dời hạn',
  'đổi hạn',
  'xin đổi hạn',
  'xin thêm thời gian',
  'cần thêm thời gian',
  'extend',
  'extension',
  'request extension',
  'need more time',
  'postpone',
);

/** Words between an extension keyword and its date. */
const CONNECTORS = phrases(
  'đến',
  'tới',
  'đến ngày',
  'tới ngày',
  'đến hết ngày',
  'đến hết',
  'sang',
  'sang ngày',
  'thêm',
  'thời hạn',
  'cho em',
  'cho tôi',
  'cho mình',
  'cho đơn vị',
  'until',
  'till',
  'to',
  'by',
  'deadline',
);

/** Words that open a reason: an extension request that gives one but no date. */
const REASONS = phrases('vì', 'bởi vì', 'do', 'lý do', 'để', 'because', 'because of', 'due to', 'since', 'reason');

/** Words that may stand between a status word and a percentage ("đang làm, đạt khoảng 50%"). */
const PERCENT_PREFIXES = phrases(
  'tiến độ',
  'đạt',
  'được',
  'khoảng',
  'tầm',
  'gần',
  'đã',
  'làm',
  'làm được',
  'thực hiện',
  'thực hiện được',
  'progress',
  'about',
  'around',
  '~',
);

/** Particles after a status word that add nothing ("xong rồi ạ", "đang làm nhé"). */
const PARTICLES = phrases('rồi', 'rùi', 'nhé', 'nha', 'nhe');
/** Too short to be safe anywhere: only at the end, before punctuation, or written with its mark. */
const SHORT_PARTICLES = new Map([
  ['a', 'ạ'],
  ['r', ''],
]);

// ---------------------------------------------------------------------------------------------
// Folded text that remembers where each character came from.

interface Folded {
  /** The original text. */
  source: string;
  /** fold(source), computed character by character. */
  text: string;
  /** map[i] = index in `source` of folded character i; map[text.length] = source.length. */
  map: number[];
}

function foldMapped(source: string): Folded {
  let text = '';
  const map: number[] = [];
  let index = 0;
  for (const ch of source) {
    if (/\s/u.test(ch)) {
      if (text.length > 0 && !text.endsWith(' ')) {
        text += ' ';
        map.push(index);
      }
    } else {
      const folded = ch === '\u2019' || ch === '\u2018' ? "'" : fold(ch);
      for (let k = 0; k < folded.length; k++) map.push(index);
      text += folded;
    }
    index += ch.length;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    map.pop();
  }
  map.push(source.length);
  return { source, text, map };
}

function sourceIndex(f: Folded, i: number): number {
  return f.map[i] ?? f.source.length;
}

function sourceSlice(f: Folded, start: number, end: number): string {
  return f.source.slice(sourceIndex(f, start), sourceIndex(f, end)).trim();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** End of the longest phrase of `list` at `pos` that ends on a word boundary, or -1. */
function phraseAt(s: string, pos: number, list: readonly string[]): number {
  for (const p of list) {
    if (!s.startsWith(p, pos)) continue;
    const end = pos + p.length;
    if (isWordChar(p[p.length - 1]) && isWordChar(s[end])) continue;
    return end;
  }
  return -1;
}

const SEPARATOR = /[\s,;:.!\-–—…=>/|]/u;

function skipSeparators(s: string, pos: number): number {
  let p = pos;
  while (p < s.length && SEPARATOR.test(s[p] ?? '')) p++;
  return p;
}

function skipSpaces(s: string, pos: number): number {
  let p = pos;
  while (s[p] === ' ') p++;
  return p;
}

/** The rest of the line from `pos` as a note, in the person's own words; undefined when empty. */
function noteFrom(f: Folded, pos: number): string | undefined {
  const start = skipSeparators(f.text, pos);
  if (start >= f.text.length) return undefined;
  const text = f.source.slice(sourceIndex(f, start)).trim();
  return WORD_CHAR.test(text) ? text : undefined;
}

function withNote<T extends object>(base: T, note: string | undefined): T & { note?: string } {
  return note === undefined ? base : { ...base, note };
}

// ---------------------------------------------------------------------------------------------
// Task references.

const TASK_REF = /(?<![^\s,;:])#(\d{1,9})(?![\p{L}\p{N}_])/u;

function extractTaskRef(text: string): { rest: string; taskRef?: number } {
  const match = TASK_REF.exec(text);
  const n = match ? Number(match[1]) : 0;
  if (!match || n < 1) return { rest: text };
  const left = text.slice(0, match.index).replace(/[^\S\r\n]+$/u, '');
  const right = text.slice(match.index + match[0].length).replace(/^[^\S\r\n]+/u, '');
  const joinWithSpace = left !== '' && right !== '' && !/[\r\n]$/u.test(left) && !/^[\r\n]/u.test(right);
  return { rest: joinWithSpace ? `${left} ${right}` : left + right, taskRef: n };
}

// ---------------------------------------------------------------------------------------------
// Percentages.

const PERCENT = /(\d{1,3}) ?(?:%|phan tram(?![\p{L}\p{N}])|percent(?![\p{L}\p{N}]))/uy;

/** A percentage at `pos`, possibly after words such as "đạt", "khoảng", "tiến độ:". */
function percentAfter(s: string, pos: number): { value: number; end: number } | null {
  let q = pos;
  for (let i = 0; i < 3; i++) {
    q = skipSeparators(s, q);
    const p = phraseAt(s, q, PERCENT_PREFIXES);
    if (p < 0) break;
    q = p;
  }
  q = skipSeparators(s, q);
  PERCENT.lastIndex = q;
  const match = PERCENT.exec(s);
  if (!match) return null;
  return { value: Number(match[1]), end: q + match[0].length };
}

// ---------------------------------------------------------------------------------------------
// Status words.

function skipFillers(s: string, pos: number): number {
  let p = pos;
  for (;;) {
    const end = phraseAt(s, p, FILLERS);
    if (end < 0) return p;
    p = skipSeparators(s, end);
  }
}

function skipParticles(f: Folded, pos: number): number {
  const s = f.text;
  let p = pos;
  for (;;) {
    const q = skipSpaces(s, p);
    const end = phraseAt(s, q, PARTICLES);
    if (end >= 0) {
      p = end;
      continue;
    }
    const word = s[q];
    const marked = word === undefined ? undefined : SHORT_PARTICLES.get(word);
    if (marked === undefined || isWordChar(s[q + 1])) return p;
    const written = f.source
      .slice(sourceIndex(f, q), sourceIndex(f, q + 1))
      .normalize('NFC')
      .toLowerCase();
    const next = s[skipSpaces(s, q + 1)];
    if ((marked !== '' && written === marked) || next === undefined || !isWordChar(next)) {
      p = q + 1;
      continue;
    }
    return p;
  }
}

/** "xong chưa", "hoàn thành không kịp", "xong?": a question or a negation, not a status. */
function negatedAt(s: string, pos: number): boolean {
  const q = skipSpaces(s, pos);
  return s[q] === '?' || phraseAt(s, q, NEGATIONS) >= 0;
}

type Ref = { taskRef?: number };

function statusIntent(f: Folded, value: number | undefined, fallback: 'done' | 'in_progress', pos: number, ref: Ref): ReplyIntent {
  const status = value === undefined ? fallback : value === 100 ? 'done' : 'in_progress';
  const base = value !== undefined && value < 100 ? { kind: 'status' as const, status, percent: value } : { kind: 'status' as const, status };
  return { ...withNote(base, noteFrom(f, pos)), ...ref };
}

// ---------------------------------------------------------------------------------------------
// Dates.

function resolveDate(day: number, month: number, yearText: string | undefined, today: string): string | null {
  if (yearText !== undefined) {
    if (yearText.length !== 2 && yearText.length !== 4) return null;
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    return isoDate(year, month, day);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const [ty, tm, td] = parseIsoDate(today);
  const passed = month < tm || (month === tm && day < td);
  return isoDate(passed ? ty + 1 : ty, month, day);
}

const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{L}\p{N}])/uy;
const WORDED_DATE = /(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}|\d{2}))?(?![\p{L}\p{N}])/uy;
const DATE_RUN = /[\d/.-]+/y;
const GLUED = /[^\s,;]*/y;
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/;

/**
 * A date at `pos` of folded text: null when nothing there looks like a date; otherwise where it
 * ends and the date, or null for a date-like text that is malformed or impossible.
 */
function dateAt(s: string, pos: number, today: string): { end: number; date: string | null } | null {
  let p = pos;
  const afterNgay = phraseAt(s, p, ['ngay']);
  if (afterNgay >= 0) {
    p = afterNgay;
    while (s[p] === ' ' || s[p] === ':') p++;
  }
  if (!/\d/.test(s[p] ?? '')) return null;

  ISO_DATE.lastIndex = p;
  const iso = ISO_DATE.exec(s);
  if (iso) return { end: p + iso[0].length, date: isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) };

  WORDED_DATE.lastIndex = p;
  const worded = WORDED_DATE.exec(s);
  if (worded) return { end: p + worded[0].length, date: resolveDate(Number(worded[1]), Number(worded[2]), worded[3], today) };

  DATE_RUN.lastIndex = p;
  const run = DATE_RUN.exec(s)?.[0] ?? '';
  const runEnd = p + run.length;
  if (isWordChar(s[runEnd]) || s[runEnd] === '%') {
    GLUED.lastIndex = runEnd;
    return { end: runEnd + (GLUED.exec(s)?.[0].length ?? 0), date: null };
  }
  const token = run.replace(/[./-]+$/, '');
  const end = p + token.length;
  const numeric = NUMERIC_DATE.exec(token);
  if (!numeric) return { end, date: null };
  return { end, date: resolveDate(Number(numeric[1]), Number(numeric[3]), numeric[4], today) };
}

/** End of the word at `pos` ("ngày" takes the next word along: "ngày mai"). */
function wordEnd(s: string, pos: number): number {
  GLUED.lastIndex = pos;
  let end = pos + (GLUED.exec(s)?.[0].length ?? 0);
  if (s.slice(pos, end) === 'ngay' && s[end] === ' ') {
    GLUED.lastIndex = end + 1;
    end = end + 1 + (GLUED.exec(s)?.[0].length ?? 0);
  }
  return end;
}

/**
 * One date written the Vietnamese way, the whole text: `{ date }`, `{ error: 'invalid' }` for a
 * date-like text that is malformed or impossible (31/02, 20/13, 20/12 abc), null when the text
 * does not look like a date at all.
 */
export function parseVnDate(text: string, today: string): VnDate {
  const f = foldMapped(text);
  const found = dateAt(f.text, 0, today);
  if (found === null) return null;
  if (found.date === null || skipSeparators(f.text, found.end) < f.text.length) return { error: 'invalid' };
  return { date: found.date };
}

/**
 * The date and reason of an extension request, read from what follows "gia hạn" (or from the
 * answer to "which date?"): "đến 20/12/2025 vì chờ số liệu", "20/12", "vì chờ số liệu", "abc".
 */
export function parseDateAndReason(text: string, today: string): DateAndReason {
  const f = foldMapped(text);
  const s = f.text;
  let pos = skipSeparators(s, 0);
  for (;;) {
    const end = phraseAt(s, pos, CONNECTORS);
    if (end < 0) break;
    pos = skipSeparators(s, end);
  }
  if (pos >= s.length) return {};
  if (phraseAt(s, pos, REASONS) >= 0) return withNote({}, noteFrom(f, pos));
  const found = dateAt(s, pos, today);
  if (found === null) {
    const end = wordEnd(s, pos);
    return withNote({ invalidDate: true, dateText: sourceSlice(f, pos, end) }, noteFrom(f, end));
  }
  const dateText = sourceSlice(f, pos, found.end);
  const base: DateAndReason = found.date === null ? { invalidDate: true, dateText } : { date: found.date, dateText };
  return withNote(base, noteFrom(f, found.end));
}

// ---------------------------------------------------------------------------------------------

/** Reads one line of free text from a person; `today` is the local YYYY-MM-DD date. */
export function parseReply(text: string, today: string): ReplyIntent {
  const { rest, taskRef } = extractTaskRef(text);
  const ref: Ref = taskRef === undefined ? {} : { taskRef };
  const f = foldMapped(rest);
  const s = f.text;
  const asNote: ReplyIntent = { kind: 'note', text: rest.trim(), ...ref };

  const menu = /^([1-9])[.)]?$/.exec(s);
  if (menu) return { kind: 'menu', choice: Number(menu[1]), ...ref };

  const start = skipFillers(s, 0);
  if (start >= s.length || phraseAt(s, start, NEGATIONS) >= 0) return asNote;

  // "50%", "tiến độ 30%", "đạt 80%", "100% hoàn thành".
  const leading = percentAfter(s, start);
  if (leading) {
    if (leading.value > 100) return asNote;
    const q = skipSeparators(s, leading.end);
    const word = phraseAt(s, q, STATUS_WORDS);
    return statusIntent(f, leading.value, 'in_progress', skipParticles(f, word >= 0 ? word : leading.end), ref);
  }

  const done = phraseAt(s, start, DONE);
  const progress = done >= 0 ? -1 : phraseAt(s, start, PROGRESS);
  if (done >= 0 || progress >= 0) {
    const end = Math.max(done, progress);
    if (negatedAt(s, end)) return asNote;
    const fallback = done >= 0 ? 'done' : 'in_progress';
    const pct = percentAfter(s, end);
    if (pct && pct.value > 100) return asNote;
    const after = skipParticles(f, pct ? pct.end : end);
    if (negatedAt(s, after)) return asNote;
    return statusIntent(f, pct?.value, fallback, after, ref);
  }

  const blocked = phraseAt(s, start, BLOCKED);
  if (blocked >= 0) return { ...withNote({ kind: 'blocked' as const }, noteFrom(f, skipParticles(f, blocked))), ...ref };

  const extension = phraseAt(s, start, EXTENSION);
  if (extension >= 0) {
    return { kind: 'extension', ...parseDateAndReason(f.source.slice(sourceIndex(f, extension)), today), ...ref };
  }

  return asNote;
}
