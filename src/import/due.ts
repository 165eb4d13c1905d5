/**
 * Turns time phrases into a `Due`, following how offices write and read them:
 * - a field or cell value ("Thời gian thực hiện: Quý II/2025", "Năm 2025 - 2026", "Hằng năm",
 *   "Thường xuyên", "Theo lộ trình …", "Khi có phát sinh") with `parseDue`;
 * - running text ("…, hoàn thành trước ngày 30/11/2025", "định kỳ hằng quý báo cáo …") with
 *   `proseDue`, where only dates introduced as deadlines count (not the dates of documents cited,
 *   nor "trong năm 2025" that scopes rather than closes the work).
 * A period beats a first date ("trước ngày 20/11/2025 và hằng tháng" is monthly); an open end
 * ("năm 2025 và các năm tiếp theo", "2026 trở đi") is ongoing; a bounded span ("2025 - 2030",
 * "Quý IV/2025 - Quý II/2026") ends on its last day. `text` is always the phrase as written.
 */
import { squash } from '../domain/text.js';
import { finestRule, isRecurrenceTag, kindOfTag, scanCadence, type CadenceHit, type CadenceTag } from './cadence.js';
import { bareYear, scanDates, type DateHit, type DatePrecision } from './dates.js';
import { foldAligned, trimPhrase } from './fold.js';
import { noDue, type Due, type DueAnchor } from './types.js';
import { ACTION_VERB, subjectAssignment } from './units.js';

export interface DueOptions {
  /** Year for dates written without one ("trước ngày 15/12"), usually the document's year. */
  defaultYear?: number | null;
}

/** Replaces parenthesised asides with spaces, keeping positions, so they do not decide the kind. */
function blankParentheses(folded: string): string {
  let depth = 0;
  let out = '';
  for (const ch of folded) {
    if (ch === '(') depth += 1;
    out += depth > 0 ? ' ' : ch;
    if (ch === ')' && depth > 0) depth -= 1;
  }
  return out;
}

const OPEN_END = /\b(?:cac|nhung) nam tiep theo\b|\btro di\b|\bxuyen suot\b|\bden khi\b|\bcho den khi\b/;

function usableDate(hit: DateHit, cadence: CadenceHit[]): boolean {
  if (hit.date === null) return false;
  return !hit.yearless || !cadence.some((c) => isRecurrenceTag(c.tag));
}

function recurringDue(hits: CadenceHit[], text: string, anchor: DueAnchor | null): Due {
  const rule = finestRule(hits.filter((h) => isRecurrenceTag(h.tag)));
  return { kind: 'recurring', date: null, rule, text, ...(anchor ? { anchor } : {}) };
}

const MONTH_OF_PERIOD: Record<string, 'first' | 'middle' | 'last'> = { dau: 'first', giua: 'middle', cuoi: 'last' };

/**
 * The day a recurrence falls on, when the phrase says so: "ngày 08 tháng cuối quý" → day 8 of
 * the quarter's last month; "ngày 10/12 hằng năm" → 10 December; "trước ngày 20 hằng tháng" → the
 * 20th. Works on folded text.
 */
export function readAnchor(folded: string, rule: Due['rule']): DueAnchor | null {
  const quarter = /ngay\s+(?:mung\s+|mong\s+)?(\d{1,2})\s+(?:cua\s+)?thang\s+(dau|giua|cuoi)\s+(?:cua\s+)?(?:moi\s+|hang\s+|cac\s+)?quy/.exec(folded);
  if (quarter?.[1] && quarter[2] && (rule === 'quarterly' || rule === null)) {
    const day = Number(quarter[1]);
    if (day >= 1 && day <= 31) return { day, month_of_period: MONTH_OF_PERIOD[quarter[2]] ?? 'last' };
  }
  if (rule === 'yearly') {
    const m =
      /ngay\s+(?:mung\s+|mong\s+)?(\d{1,2})\s*(?:[/.-]\s*|\s+thang\s+)(\d{1,2})(?!\s*[/.-]?\s*\d)(?![\d/])/.exec(folded) ??
      /(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/.exec(folded);
    if (m?.[1] && m[2]) {
      const day = Number(m[1]);
      const month = Number(m[2]);
      if (day >= 1 && day <= 31 && month >= 1 && month <= 12) return { day, month };
    }
  }
  if (rule === 'monthly') {
    const m = /ngay\s+(?:mung\s+|mong\s+)?(\d{1,2})(?!\s*[/.-]\s*\d)(?!\s+thang\s+\d)/.exec(folded);
    const day = Number(m?.[1]);
    if (day >= 1 && day <= 31) return { day };
  }
  return null;
}

/** Dates joined as a span ("2025 - 2030", "Quý IV/2025 - Quý II/2026", "từ … đến …"): the span's end. */
function spanEnd(core: string, dates: DateHit[]): DateHit | null {
  for (let i = 0; i + 1 < dates.length; i += 1) {
    const a = dates[i] as DateHit;
    const b = dates[i + 1] as DateHit;
    if (/^\s*(?:[-–—]|den(?: het)?(?: ngay)?|toi)\s*$/.test(core.slice(a.end, b.start))) return b;
  }
  return null;
}

const MONTH_SPAN = /thang\s+(\d{1,2})\s*[-–—]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})/;

/** Reads a whole time phrase (an assignment line's value or a table cell). */
export function parseDue(phrase: string, options: DueOptions = {}): Due {
  const text = trimPhrase(squash(phrase));
  if (!text) return noDue('');
  const folded = foldAligned(text);
  const core = /\S/.test(blankParentheses(folded)) ? blankParentheses(folded) : folded;
  const cadence = scanCadence(core);
  const recurrence = cadence.filter((c) => isRecurrenceTag(c.tag));
  if (OPEN_END.test(folded)) return { kind: 'ongoing', date: null, rule: null, text };
  if (recurrence.length > 0) {
    const rule = finestRule(recurrence);
    return recurringDue(recurrence, text, readAnchor(folded, rule));
  }
  const monthSpan = MONTH_SPAN.exec(core);
  if (monthSpan) {
    const hit = scanDates(`thang ${monthSpan[2]}/${monthSpan[3]}`, null)[0];
    if (hit?.date) return { kind: 'date', date: hit.date, rule: null, text };
  }
  const dates = scanDates(core, options.defaultYear ?? null).filter((d) => usableDate(d, cadence));
  const scheduled = cadence.filter((c) => c.tag !== 'adhoc');
  const span = spanEnd(core, dates);
  const first = span ?? dates[0];
  const firstCadence = scheduled[0];
  if (first && (!firstCadence || first.start < firstCadence.start || span)) {
    const opensOnly = /\btu\s*(?:ngay\s*)?$/.test(core.slice(0, first.start)) && dates.length === 1 && !/\bden\b/.test(core);
    if (opensOnly) return { kind: 'ongoing', date: null, rule: null, text };
    return { kind: 'date', date: first.date, rule: null, text };
  }
  if (firstCadence) return { kind: kindOfTag(firstCadence.tag), date: null, rule: null, text };
  const year = bareYear(core);
  if (year) return { kind: 'date', date: year, rule: null, text };
  return noDue(text);
}

export interface FoundDue {
  due: Due;
  start: number;
  end: number;
}

/** Words that open a deadline whatever its precision. */
const STRONG_MARKER =
  /(?:^|[^a-z0-9])(truoc(?: ngay)?|cham nhat(?: la)?(?: vao)?(?: truoc)?(?: ngay)?|han chot(?: la)?(?: ngay)?|khong qua(?: ngay)?|thoi han(?: hoan thanh)?(?: la)?(?: truoc)?(?: ngay)?|hoan thanh(?: xong)?(?: (?:truoc|trong|vao|ngay|cham nhat))*(?: ngay| thang| quy| nam)?|xong(?: truoc| trong)?(?: ngay)?|trong ngay|ngay trong(?: thang| quy| nam)?|den (?:het )?ngay)\s*(?:[,:]\s*)?$/;
/** Words that open a period, a deadline only right after the work it closes. */
const WEAK_MARKER = /(?:^|[^a-z0-9])(trong|vao|den het)(?: (?:thang|quy|nam))?\s*$/;

const PRECISION_RANK: Record<DatePrecision, number> = { day: 5, month: 4, quarter: 3, half: 2, year: 1 };

function deadlineHits(text: string, defaultYear: number | null): FoundDue[] {
  const folded = foldAligned(text);
  const aside = blankParentheses(folded);
  const out: Array<FoundDue & { rank: number }> = [];
  for (const hit of scanDates(folded, defaultYear)) {
    if (hit.date === null) continue;
    // A date in an aside ("(năm 2025, Sở đã tổ chức …)") tells background, not the deadline;
    // an aside that is only a time ("(từ ngày 15/11 đến ngày 15/12)") still counts.
    if (!aside.slice(hit.start, hit.end).trim()) {
      const open = folded.lastIndexOf('(', hit.start);
      const close = folded.indexOf(')', hit.end);
      const inner = folded.slice(open + 1, close < 0 ? undefined : close).trim();
      if (inner.length > 60 || !/^(?:tu|truoc|hoan thanh|du kien|thoi gian|thoi han|cham nhat|den|trong)\b/.test(inner)) continue;
    }
    const before = folded.slice(Math.max(0, hit.start - 60), hit.start);
    const strong = STRONG_MARKER.exec(before);
    let from: number;
    if (strong) from = hit.start - before.length + strong.index + (strong[0].length - strong[0].trimStart().length);
    else {
      const weak = WEAK_MARKER.exec(before);
      if (!weak) continue;
      const wide = folded.slice(Math.max(0, hit.start - 160), hit.start);
      const weakWide = WEAK_MARKER.exec(wide);
      const head = blankParentheses(wide.slice(0, weakWide ? weakWide.index : wide.length).replace(/^[^(]*\)/, ''));
      const words = head
        .replace(/[^a-z0-9% ]+/g, ' ')
        .trim()
        .split(/\s+/)
        .slice(-8)
        .join(' ');
      // "…, hoàn thành mục tiêu … trong năm 2025": the clause the date closes opens with its completion.
      const clauseStart = Math.max(folded.lastIndexOf(',', hit.start), folded.lastIndexOf(';', hit.start), folded.lastIndexOf(':', hit.start));
      const clauseHead = folded.slice(clauseStart + 1, hit.start).trim();
      // "Sở Giáo dục triển khai thanh toán … tại các trường học trong năm 2025": the clause's own verb.
      const sentenceStart = Math.max(folded.lastIndexOf(';', hit.start), folded.lastIndexOf('. ', hit.start), folded.lastIndexOf(':', hit.start)) + 1;
      const subject = subjectAssignment(text.slice(sentenceStart).trimStart());
      const verbOpens =
        subject !== null && ACTION_VERB.test(foldAligned(text.slice(sentenceStart).trimStart().slice(subject.rest)).trim().split(/\s+/).slice(0, 3).join(' '));
      if (!ACTION_VERB.test(words) && !verbOpens && !/^(?:(?:dam bao|bao dam|phan dau|phai|de)\s+)?(?:hoan thanh|hoan tat|xong)\b/.test(clauseHead)) continue;
      if (/\btu nay\b/.test(folded.slice(Math.max(0, hit.start - 25), hit.start))) continue;
      from = hit.start - before.length + weak.index + (weak[0].length - weak[0].trimStart().length);
    }
    const after = folded.slice(hit.end, hit.end + 25);
    if (scanCadence(after).some((c) => isRecurrenceTag(c.tag) && c.start < 8)) continue;
    const phrase = text
      .slice(from, hit.end)
      .trim()
      .replace(/^[,;:\s]+/, '');
    out.push({ due: { kind: 'date', date: hit.date, rule: null, text: phrase }, start: from, end: hit.end, rank: PRECISION_RANK[hit.precision] });
  }
  return out;
}

/**
 * The deadline written into running text: the most precise date introduced as one ("trước ngày
 * 25/11/2025" over "trong tháng 12 năm 2025"), the first of equals. Dates without such words
 * (a cited document's date, "năm 2025" in "kết quả năm 2025") are not deadlines.
 */
export function findDeadline(text: string, options: DueOptions = {}): FoundDue | null {
  const hits = deadlineHits(text, options.defaultYear ?? null) as Array<FoundDue & { rank: number }>;
  let best: (FoundDue & { rank: number }) | null = null;
  for (const h of hits) if (!best || h.rank > best.rank) best = h;
  return best;
}

/** A day written just before a cadence: "trước ngày 25 hằng tháng", "vào ngày 10/12 hằng năm". */
const CADENCE_ANCHOR = /\s(?:(?:truoc|vao|cham nhat(?: la)?(?: vao)?)\s+)?ngay\s+(?:mung\s+|mong\s+)?\d{1,2}(?:\s*[/.-]\s*\d{1,2})?(?:\s+cua)?\s+$/;

const DEFAULT_CADENCE_TAGS: CadenceTag[] = ['yearly', 'semiannual', 'quarterly', 'monthly', 'weekly', 'periodic', 'ongoing'];

/**
 * The first cadence phrase in running text ("thường xuyên", "định kỳ hằng quý, hằng năm (vào
 * ngày …)"): consecutive keywords and a parenthesis right after them form one phrase.
 */
export function findCadence(text: string, tags: CadenceTag[] = DEFAULT_CADENCE_TAGS): FoundDue | null {
  const folded = foldAligned(text);
  const hits = scanCadence(folded).filter((h) => tags.includes(h.tag));
  const recurrence = hits.filter((h) => isRecurrenceTag(h.tag));
  const first = recurrence[0] ?? hits[0];
  if (!first) return null;
  const group = [first];
  let end = first.end;
  const anchor = CADENCE_ANCHOR.exec(folded.slice(Math.max(0, first.start - 40), first.start));
  let start = anchor ? first.start - anchor[0].length + (anchor[0].length - anchor[0].trimStart().length) : first.start;
  const prior = hits.filter((h) => h.start < first.start && /^(?:\s*(?:,|va|hoac)?\s*)$/.test(folded.slice(h.end, first.start)));
  if (prior.length && !anchor) start = Math.min(start, ...prior.map((h) => h.start));
  for (const hit of hits.filter((h) => h.start > first.start)) {
    if (!/^(?:\s*(?:,|va|hoac)?\s*)$/.test(folded.slice(end, hit.start))) break;
    group.push(hit);
    end = hit.end;
  }
  const paren = /^\s*\([^()]*\)/.exec(folded.slice(end));
  if (paren) end += paren[0].length;
  const phrase = text.slice(start, end).trim();
  const kind = kindOfTag(first.tag);
  if (kind === 'recurring') {
    const all = recurrence;
    const rule = finestRule(all);
    return { due: recurringDue(all, phrase, readAnchor(folded.slice(Math.max(0, start - 5), end + 60), rule)), start, end };
  }
  return { due: { kind, date: null, rule: null, text: phrase }, start, end };
}

const EVENT = /\b(?:sau khi|ngay sau khi|khi co)\b[^.;]{3,160}/;

/**
 * The due of a task written as running text: a period named anywhere in it; else its deadline;
 * else an open end or "thường xuyên" (ongoing); else "theo lộ trình / tiến độ" (roadmap); else
 * none, keeping an event trigger ("sau khi … ban hành") as its text.
 */
export function proseDue(text: string, defaultYear: number | null): Due {
  const folded = foldAligned(text);
  // A period counts in the first sentence, or in a later one that opens with it ("Định kỳ hằng quý, …").
  const sentences = text.split(/(?<=\.)\s+(?=\p{Lu})/u);
  const scheduled = sentences.filter((s, i) => {
    const f = foldAligned(s).trim();
    return (
      i === 0 ||
      /^(?:dinh ky|hang (?:nam|quy|thang|tuan|ngay)|thuong xuyen|truoc ngay)\b/.test(f) ||
      /\b(?:dinh ky|(?:truoc|vao) ngay \d{1,2}(?:\/\d{1,2})? (?:hang|moi) (?:thang|quy|nam))\b/.test(f)
    );
  });
  const cadence = findCadence(scheduled.join(' '));
  const deadline = findDeadline(text, { defaultYear });
  // A period the schema can name beats a first date; "hằng tuần" or a bare "định kỳ" does not.
  if (cadence && cadence.due.kind === 'recurring' && (cadence.due.rule !== null || !deadline)) return cadence.due;
  if (deadline) return deadline.due;
  const open = OPEN_END.exec(folded);
  if (open && /\bnam\b|tro di|xuyen suot/.test(folded.slice(Math.max(0, open.index - 30), open.index + open[0].length))) {
    const from = Math.max(0, folded.lastIndexOf(' nam ', open.index) - 0);
    return { kind: 'ongoing', date: null, rule: null, text: text.slice(from, open.index + open[0].length).trim() };
  }
  if (cadence) return cadence.due;
  const roadmap = findCadence(text, ['roadmap']);
  if (roadmap) return roadmap.due;
  const event = EVENT.exec(folded);
  if (event) return noDue(text.slice(event.index, event.index + event[0].length).trim());
  return noDue('');
}

/** Whether a clause names its own time (a deadline or a period). */
export function hasOwnDeadline(text: string, defaultYear: number | null): boolean {
  if (findDeadline(text, { defaultYear })) return true;
  const cadence = findCadence(text);
  return cadence !== null && cadence.due.kind === 'recurring';
}

const FILLER =
  /\b(?:hoan thanh|xong|dam bao|bao dam|phai|nhiem vu|thuong xuyen|viec|va|trong|truoc|ngay|thang|quy|nam|cham nhat|la|vao|dinh ky|hang|moi|thoi gian|thuc hien|tien do|dung|theo|han)\b/g;

/** A clause that is only a time phrase: "hoàn thành trước ngày 25/11/2025", "nhiệm vụ thường xuyên". */
export function isDeadlineOnly(text: string): boolean {
  const folded = foldAligned(text);
  const rest = folded
    .replace(/\d+/g, ' ')
    .replace(/\b(?:i|ii|iii|iv)\b/g, ' ')
    .replace(FILLER, ' ')
    .replace(/[^a-z ]+/g, ' ')
    .trim();
  return rest.split(/\s+/).filter(Boolean).length <= 2 && (hasOwnDeadline(text, 2025) || /thuong xuyen|lien tuc/.test(folded));
}
