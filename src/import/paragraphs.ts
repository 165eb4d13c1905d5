/**
 * Rebuilds the paragraphs of a plan from extracted or typed text. Text copied out of a PDF or a
 * Word file, or crawled from the web, breaks lines wherever the page was full ("1.1. Xây" /
 * "dựng các Chiến lược…", "Đơn vị chủ trì thực hiện: Các" / "Sở, ban, ngành"), so line width
 * says nothing. A paragraph is ended by structure instead: a blank line where blank lines are
 * the text's way of separating paragraphs, and otherwise a line that opens a numbered item, a
 * bullet or a field label, a heading in capitals, or a sentence that follows one that ended.
 * Page numbers and running headers left by page breaks are dropped.
 */
import { squash } from '../domain/text.js';
import { para, type ParaBlock } from './blocks.js';
import { startsWithField } from './fields.js';
import { foldAligned, isAllCaps, startsUpper } from './fold.js';
import { isBareMarker, startsWithMarker } from './markers.js';
import { startsWithUnit } from './units.js';

/** Normalises encoding: BOM, NFC, stray combining marks, odd spaces and line ends. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replaceAll('\0', '')
    .normalize('NFC')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v\u2028\u2029]/g, '\n')
    .replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, ' ')
    .replace(/\t/g, '  ');
}

const DECORATION = /^[\s\-–—_=*.~]{3,}$/;
const PAGE_NUMBER = /^(?:[-–—]\s*\d{1,3}\s*[-–—]|(?:trang|page)\s*\d{1,3}(?:\s*(?:\/|of|tren)\s*\d{1,3})?|\d{1,3}\s*\/\s*\d{1,3})$/;
const ENDS_SENTENCE = /[.!?…]["'”»)]*$|[.:]$/;

/** A line that is a heading typed in capitals (two words or more), not an acronym. */
export function isCapsLine(line: string): boolean {
  return isAllCaps(line) && (line.match(/\p{L}{2,}/gu)?.length ?? 0) >= 2;
}

/**
 * Lines that page breaks leave in the text: "- 3 -", "Trang 3/10", and running headers (a line
 * in capitals or carrying a document number, repeated three times or more) with a page number
 * printed next to them.
 */
function dropPageArtefacts(lines: string[]): string[] {
  const keyOf = (line: string): string => foldAligned(line).replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const line of lines) if (line.length >= 12) counts.set(keyOf(line), (counts.get(keyOf(line)) ?? 0) + 1);
  const numbered = (line: string): boolean => /\bso\s*:?\s*\d+\s*\/\s*\w/.test(foldAligned(line));
  // A running header: a line in capitals or carrying the document's number, printed on every page.
  const running = (line: string): boolean => {
    const n = counts.get(keyOf(line)) ?? 0;
    if (line.length < 12) return false;
    return (n >= 3 && (isCapsLine(line) || numbered(line))) || (n >= 2 && isCapsLine(line) && numbered(line));
  };
  const drop = lines.map((line) => PAGE_NUMBER.test(foldAligned(line).trim()) || running(line));
  // A bare page number beside a running header.
  lines.forEach((line, i) => {
    if (!/^\d{1,3}$/.test(line.trim())) return;
    const near = [i - 1, i + 1, i - 2, i + 2].filter((j) => j >= 0 && j < lines.length && lines[j]?.trim());
    if (near.some((j) => running(lines[j] ?? ''))) drop[i] = true;
  });
  // A page break is not a paragraph break: the blank lines around what it left go too.
  const gone = [...drop];
  drop.forEach((d, i) => {
    if (!d) return;
    for (let j = i - 1; j >= 0 && !lines[j]?.trim(); j -= 1) gone[j] = true;
    for (let j = i + 1; j < lines.length && !lines[j]?.trim(); j += 1) gone[j] = true;
  });
  return lines.filter((_, i) => !gone[i]);
}

/** The text of a paragraph so far is a unit's name and nothing else ("3. Cục Điện ảnh, Cục Du lịch"). */
function isUnitHeading(text: string): boolean {
  const body = text.replace(/^\s*(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s*/i, '');
  const words = body.split(/\s+/).filter(Boolean).length;
  return words >= 2 && words <= 25 && startsWithUnit(body) && !/[.;:,]$|\s(?:va|cua|voi)$/.test(foldAligned(body));
}

/**
 * "… các Tập đoàn: …, Công nghiệp" / "- Viễn thông Quân đội theo …": a line that opens with "- "
 * continuing a name broken at its hyphen, not a bullet. A bullet follows a line that ended a
 * sentence, a colon or a heading, or opens with a duty (an action, a unit).
 */
function isNameHyphen(line: string, prev: string, current: string): boolean {
  if (!/^-\s+\p{Lu}/u.test(line)) return false;
  if (/[:;.!?]["'”)]*$/.test(prev)) return false;
  if (current.split(/\s+/).length <= 12) return false;
  const rest = line.replace(/^-\s+/, '');
  return !ACTION_START.test(foldAligned(rest)) && !startsWithUnit(rest) && !startsWithField(rest);
}

/** Sentence-opening verbs of an assignment, written with a capital after a unit heading. */
const ACTION_START =
  /^(?:phoi hop|chu tri|khan truong|tap trung|tiep tuc|thuc hien|trien khai|to chuc|xay dung|ra soat|tham muu|chu dong|huong dan|theo doi|don doc|kiem tra|nghien cuu|day manh|tang cuong|bao dam|dam bao|hoan thanh|hoan thien|cung cap|cap nhat|ban hanh|trinh|bao cao|can cu|tren co so|co trach nhiem|chiu trach nhiem|la co quan|nang cao|quan triet|pho bien|tuyen truyen|de xuat|bo tri|dang ky|thuong xuyen|dinh ky|kip thoi|nghiem tuc|quyet liet|uu tien|phan cong|giam sat|van hanh)\b/;

interface Splitting {
  /** Blank lines separate paragraphs in this text, so a sentence end alone does not. */
  blankParagraphs: boolean;
}

/** Whether `line` opens a new paragraph after the paragraph `current` (whose last line is `prev`). */
function opensParagraph(line: string, prev: string, current: string, opts: Splitting): boolean {
  if (isBareMarker(current)) return false;
  if (startsWithMarker(line)) return !isNameHyphen(line, prev, current);
  if (startsWithField(line) && (startsUpper(line) || ENDS_SENTENCE.test(prev))) return true;
  if (/^(?:noi nhan|kinh gui)\s*:/.test(foldAligned(line))) return true;
  if (/^tren day la\b/.test(foldAligned(line)) && /[.:]["'”)]*$/.test(prev)) return true;
  const capsCurrent = isAllCaps(current);
  const capsLine = isCapsLine(line);
  if (capsCurrent && !capsLine && /\p{Ll}/u.test(line)) return true;
  if (!capsCurrent && capsLine && ((line.match(/\p{L}{2,}/gu)?.length ?? 0) >= 3 || line.replace(/[^\p{L}]/gu, '').length >= 15)) return true;
  if (startsUpper(line) && ACTION_START.test(foldAligned(line)) && isUnitHeading(current)) return true;
  if (!opts.blankParagraphs && /[.:]["'”)]*$/.test(prev) && (startsUpper(line) || /^["“(]/.test(line))) return true;
  return false;
}

interface LineGroup {
  lines: string[];
}

function lineGroups(lines: string[]): LineGroup[] {
  const groups: LineGroup[] = [];
  lines.forEach((l, i) => {
    if (!l) return;
    if (i === 0 || !lines[i - 1] || groups.length === 0) groups.push({ lines: [] });
    groups[groups.length - 1]?.lines.push(l);
  });
  return groups;
}

/**
 * Blank lines after (nearly) every line, with lines cut in mid-sentence: what PDF extraction
 * often gives. Such blank lines say nothing about paragraphs.
 */
function blankAfterEveryLine(groups: LineGroup[]): boolean {
  if (groups.length < 10) return false;
  const single = groups.filter((g) => g.lines.length === 1);
  const wrapped = single.filter((g) => (g.lines[0]?.length ?? 0) > 50 && !/[.:;]["'”)]*$/.test(g.lines[0] ?? ''));
  return single.length / groups.length > 0.85 && wrapped.length / groups.length > 0.3;
}

/** Whether blank lines are how this text separates paragraphs (rather than rare, absent or everywhere). */
function blankLineParagraphs(lines: string[]): boolean {
  const nonBlank = lines.filter(Boolean).length;
  const groups = lineGroups(lines);
  if (blankAfterEveryLine(groups)) return false;
  return nonBlank > 0 && groups.length / nonBlank >= 0.12;
}

/** Whether the text separates its paragraphs with blank lines. */
export function hasBlankLineParagraphs(text: string): boolean {
  return blankLineParagraphs(
    normalizeText(text)
      .split('\n')
      .map((l) => squash(l))
      .map((l) => (DECORATION.test(l) ? '' : l)),
  );
}

/**
 * The paragraphs of a text, in order. `gapBefore` on each is the number of blank lines before
 * it, which in text copied from a table tells rows (two or more) from cells (one).
 */
export function textParagraphs(text: string): ParaBlock[] {
  const raw = normalizeText(text)
    .split('\n')
    .map((l) => squash(l));
  const lines = dropPageArtefacts(raw).map((l) => (DECORATION.test(l) ? '' : l));
  const noise = blankAfterEveryLine(lineGroups(lines));
  const opts: Splitting = { blankParagraphs: !noise && blankLineParagraphs(lines) };
  const out: ParaBlock[] = [];
  let current = '';
  let prev = '';
  let gap = 0;
  let pendingGap = 0;
  const flush = (): void => {
    if (current.trim()) out.push(para(current.trim(), gap));
    current = '';
    gap = 0;
  };
  for (const line of lines) {
    if (!line && noise) continue;
    if (!line) {
      if (current) flush();
      pendingGap += 1;
      continue;
    }
    if (current && opensParagraph(line, prev, current, opts)) flush();
    if (!current) {
      gap = pendingGap;
      current = line;
    } else current = `${current} ${line}`;
    pendingGap = 0;
    prev = line;
  }
  flush();
  return out;
}
