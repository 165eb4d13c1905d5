/**
 * Turns time phrases into a `Due`: a whole field value ("Thời gian thực hiện: Quý II/2025",
 * "Hằng năm", "Thường xuyên", "Theo lộ trình …") with `parseDue`, or a deadline buried in a
 * sentence ("báo cáo … trước ngày 30/11/2025") with `findDeadline` and `findCadence`.
 * `text` is always the phrase as the document wrote it.
 */
import { squash } from '../domain/text.js';
import { finestRule, isRecurrenceTag, kindOfTag, scanCadence, type CadenceHit, type CadenceTag } from './cadence.js';
import { bareYear, scanDates, type DateHit } from './dates.js';
import { foldAligned, trimPhrase } from './fold.js';
import { noDue, type Due } from './types.js';

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

function usableDate(hit: DateHit, cadence: CadenceHit[]): boolean {
  if (hit.date === null) return false;
  return !hit.yearless || !cadence.some((c) => isRecurrenceTag(c.tag));
}

function recurringDue(hits: CadenceHit[], text: string): Due {
  return { kind: 'recurring', date: null, rule: finestRule(hits.filter((h) => isRecurrenceTag(h.tag))), text };
}

/** Reads a whole time phrase (a "Thời gian thực hiện" value or a spreadsheet cell). */
export function parseDue(phrase: string, options: DueOptions = {}): Due {
  const text = trimPhrase(squash(phrase));
  if (!text) return noDue('');
  const folded = foldAligned(text);
  const core = /\S/.test(blankParentheses(folded)) ? blankParentheses(folded) : folded;
  const cadence = scanCadence(core);
  const dates = scanDates(core, options.defaultYear ?? null).filter((d) => usableDate(d, cadence));
  const scheduled = cadence.filter((c) => c.tag !== 'adhoc');
  // "Từ … đến …": the work is due when the period ends.
  const until = dates.find((d) => /\bden(?: het)?(?: ngay)?\s*$/.test(core.slice(0, d.start)));
  const firstDate = until ?? dates[0];
  const firstCadence = scheduled[0];
  if (scheduled.some((c) => /nam tiep theo/.test(core.slice(c.start, c.end)))) return recurringDue(scheduled, text);
  if (firstDate && (!firstCadence || firstDate.start < firstCadence.start)) {
    // "Từ tháng 3/2025" opens work without closing it.
    const opensOnly = /\btu\s*$/.test(core.slice(0, firstDate.start)) && dates.length === 1 && !/\bden\b/.test(core);
    if (opensOnly) return { kind: 'ongoing', date: null, rule: null, text };
    return { kind: 'date', date: firstDate.date, rule: null, text };
  }
  if (firstCadence) {
    const kind = kindOfTag(firstCadence.tag);
    return kind === 'recurring' ? recurringDue(scheduled, text) : { kind, date: null, rule: null, text };
  }
  const year = bareYear(core);
  if (year) return { kind: 'date', date: year, rule: null, text };
  return noDue(text);
}

export interface FoundDue {
  due: Due;
  start: number;
  end: number;
}

const DEADLINE_MARKER =
  /(?:^|[^a-z0-9])(truoc|cham nhat(?: la)?(?: vao)?(?: truoc)?|han chot(?: la)?|thoi han(?: hoan thanh)?(?: la)?|hoan thanh(?: xong)?(?: trong| truoc| vao)?(?: thang| nam)?|xong truoc|trong|vao|den het|khong qua|ket thuc(?: truoc| trong| vao)?|han)\s*(?:ngay\s*)?(?:[,:]\s*)?$/d;

/**
 * The first deadline written into running text: a date introduced by "trước", "chậm nhất",
 * "hoàn thành trong", "trong", "hạn" … Dates without such a word (a document's own date, "năm
 * 2025" in "kết quả năm 2025") are not deadlines and are skipped.
 */
export function findDeadline(text: string, options: DueOptions = {}): FoundDue | null {
  const folded = foldAligned(text);
  for (const hit of scanDates(folded, options.defaultYear ?? null)) {
    if (hit.date === null) continue;
    const before = folded.slice(Math.max(0, hit.start - 40), hit.start);
    const marker = DEADLINE_MARKER.exec(before);
    if (!marker) continue;
    const after = folded.slice(hit.end, hit.end + 25);
    if (scanCadence(after).some((c) => isRecurrenceTag(c.tag) && c.start < 6)) continue;
    const from = hit.start - before.length + (marker.indices?.[1]?.[0] ?? marker.index);
    const phrase = text.slice(from, hit.end).trim();
    return { due: { kind: 'date', date: hit.date, rule: null, text: phrase }, start: from, end: hit.end };
  }
  return null;
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
  const first = hits[0];
  if (!first) return null;
  const group = [first];
  let end = first.end;
  const anchor = CADENCE_ANCHOR.exec(folded.slice(Math.max(0, first.start - 40), first.start));
  const start = anchor ? first.start - anchor[0].length + (anchor[0].length - anchor[0].trimStart().length) : first.start;
  for (const hit of hits.slice(1)) {
    if (!/^(?:\s*(?:,|va|hoac)?\s*)$/.test(folded.slice(end, hit.start))) break;
    group.push(hit);
    end = hit.end;
  }
  const paren = /^\s*\([^()]*\)/.exec(folded.slice(end));
  if (paren) end += paren[0].length;
  const phrase = text.slice(start, end).trim();
  const kind = kindOfTag(first.tag);
  const due: Due = kind === 'recurring' ? recurringDue(group, phrase) : { kind, date: null, rule: null, text: phrase };
  return { due, start, end };
}
