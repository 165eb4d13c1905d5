/**
 * Turns extracted or OCR'd text into logical lines: cleans encoding debris, drops page-break
 * artefacts (page numbers, running headers), cuts the signature block ("Nơi nhận"), recognises
 * outline markers ("II.", "2.1.", "a)", "-", "+") and joins lines that a PDF or scanner broke
 * in the middle of a sentence.
 */
import { squash } from '../domain/text.js';
import { startsWithField } from './fields.js';
import { foldAligned, isAllCaps, startsUpper } from './fold.js';
import { needsReflow, reflow } from './reflow.js';

export type LineKind = 'roman' | 'number' | 'letter' | 'bullet' | 'text';

export interface Line {
  kind: LineKind;
  /** "II", "2.1", "a", or the bullet character; empty for plain text. */
  label: string;
  /** Original text without its marker. */
  text: string;
}

/** Normalises encoding: BOM, NFC, stray combining marks, odd spaces and line ends. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v\u2028\u2029]/g, '\n')
    .replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, ' ')
    .replace(/\t/g, '  ');
}

const PAGE_ARTEFACT = /^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|(?:trang|page)\s*\d{1,3}(?:\s*(?:\/|of|tren)\s*\d{1,3})?|\d{1,3}\s*\/\s*\d{1,3})$/;
const ENDS_SENTENCE = /[.:;!?…]["'”»)]*$/;
const BULLET_CHARS = '-–—+•·*◦▪●○∙';

/**
 * Drops page numbers and running headers that page breaks leave in the text. A running header
 * is a line repeated at least three times (digits ignored, so "Trang 2"/"Trang 3" count as one),
 * starting with a capital and not ending a sentence, or an all-caps line repeated twice.
 */
export function dropArtefacts(lines: string[]): string[] {
  const keyOf = (line: string): string => foldAligned(line).replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(keyOf(line), (counts.get(keyOf(line)) ?? 0) + 1);
  return lines.filter((line) => {
    if (PAGE_ARTEFACT.test(foldAligned(line))) return false;
    if (BULLET_CHARS.includes(line[0] ?? '') || /^\d|^[a-z]\)/i.test(line) || startsWithField(line)) return true;
    if (line.length < 12 || !startsUpper(line)) return true;
    const n = counts.get(keyOf(line)) ?? 0;
    const header = (n >= 3 && !ENDS_SENTENCE.test(line)) || (n >= 2 && isAllCaps(line));
    return !header;
  });
}

/**
 * Everything from "Nơi nhận" on is the distribution list and signature; a standalone "PHỤ LỤC"
 * heading starts an appendix whose table, flattened to text, is not prose to parse.
 */
export function cutSignature(lines: string[]): string[] {
  const at = lines.findIndex((line) => /^noi nhan\b/.test(foldAligned(line)) || /^phu luc(?:\s+(?:[ivx]+|\d+))?\s*:?$/.test(foldAligned(line)));
  return at >= 0 ? lines.slice(0, at) : lines;
}

const ROMAN = /^(x{0,3}(?:ix|iv|v?i{0,3}))\s*[.):\-–]\s*(?=\S)/;
/** OCR reads the I of a capital roman numeral as a lower-case l ("Ill." for "III."). */
const OCR_ROMAN = /^([IVX][IVXl]*)(?=\s*[.):\-–]\s*\S)/;
const MULTI_NUMBER = /^(\d{1,2}(?:\s?\.\s?\d{1,2}){1,3})\s*[.)]?\s+(?=\S)/;
const SINGLE_NUMBER = /^(\d{1,2})\s*[.)]\s*(?=[^\d\s/.)])/;
const LETTER = /^([a-zđ])\s*(?:\)|\.(?=\s)|\/(?=\s))\s*(?=\S)/i;

interface MarkerState {
  lastRoman: string;
  lastLetter: string;
}

const ROMAN_SEQ = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];
const LETTER_SEQ = 'abcdđeghiklmnopqrstuvxy';

function nextRoman(last: string): string {
  return ROMAN_SEQ[ROMAN_SEQ.indexOf(last) + 1] ?? '';
}

/** Whether a single lower-case i/v/x is a roman numeral rather than a lettered item. */
function romanWins(candidate: string, original: string, state: MarkerState): boolean {
  if (candidate.length > 1 || original === original.toUpperCase()) return true;
  const letterNext = LETTER_SEQ[LETTER_SEQ.indexOf(state.lastLetter) + 1] === candidate;
  return nextRoman(state.lastRoman) === candidate && !letterNext;
}

/** Recognises the outline marker at the start of a line. */
export function detectMarker(input: string, state: MarkerState): Line {
  const ocr = OCR_ROMAN.exec(input)?.[1];
  const line = ocr?.includes('l') ? ocr.replace(/l/g, 'I') + input.slice(ocr.length) : input;
  const folded = foldAligned(line);
  const roman = ROMAN.exec(folded);
  if (roman?.[1] && romanCandidate(line, roman[1], state)) {
    state.lastRoman = roman[1];
    state.lastLetter = '';
    return { kind: 'roman', label: roman[1].toUpperCase(), text: line.slice(roman[0].length) };
  }
  const num = MULTI_NUMBER.exec(folded) ?? SINGLE_NUMBER.exec(folded);
  if (num?.[1]) {
    state.lastLetter = '';
    return { kind: 'number', label: num[1].replace(/\s/g, ''), text: line.slice(num[0].length) };
  }
  const letter = LETTER.exec(line);
  if (letter?.[1] && /[a-zđ]/.test(letter[1])) {
    state.lastLetter = letter[1].toLowerCase();
    return { kind: 'letter', label: letter[1], text: line.slice(letter[0].length) };
  }
  const first = line[0] ?? '';
  if (BULLET_CHARS.includes(first)) {
    const rest = line.slice(1).trimStart();
    if (rest && (line[1] === ' ' || startsUpper(rest) || first !== '-')) return { kind: 'bullet', label: first === '+' ? '+' : '-', text: rest };
  }
  return { kind: 'text', label: '', text: line };
}

function romanCandidate(line: string, numeral: string, state: MarkerState): boolean {
  const original = line.slice(0, numeral.length);
  if (!/^[ivxIVX]+$/.test(original)) return false;
  if (original !== original.toUpperCase() && original !== original.toLowerCase()) return false;
  return romanWins(numeral, original, state);
}

/** Typical width of a hard-wrapped line; very long lines mean the text is already in paragraphs. */
function typicalWidth(lines: string[]): number {
  const lengths = lines.map((l) => l.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.75)] ?? 0;
}

/** Whether a plain line continues the previous logical line (a broken wrap) or starts a new one. */
function continues(prev: string, line: string, width: number, wrapped: boolean): boolean {
  if (/[\p{L}\d]-$/u.test(prev)) return true;
  if (!wrapped || prev.length < width * 0.5) return false;
  if (isAllCaps(prev) !== isAllCaps(line) && /\S\s+\S/.test(isAllCaps(prev) ? prev : line)) return false;
  if (ENDS_SENTENCE.test(prev)) return !startsUpper(line) && !/^["“(]/.test(line);
  if (startsUpper(line) && prev.length < width * 0.6) return false;
  return true;
}

function join(prev: string, line: string): string {
  return /[\p{L}\d]-$/u.test(prev) ? prev + line : `${prev} ${line}`;
}

export interface SplitOptions {
  /** Join lines broken mid-sentence; 'auto' decides from the line widths. */
  unwrap?: boolean | 'auto';
}

/**
 * Lines that follow a blank line. Blank lines mark paragraphs only when they are the exception;
 * PDF extraction puts one after every line, and then they say nothing.
 */
function paragraphStarts(lines: string[]): Set<string> {
  const starts = new Set<string>();
  let gaps = 0;
  let blank = false;
  let count = 0;
  for (const line of lines) {
    if (!line.trim()) {
      blank = true;
      continue;
    }
    if (blank && count > 0) {
      gaps += 1;
      starts.add(squash(line));
    }
    count += 1;
    blank = false;
  }
  return gaps * 2 < count ? starts : new Set();
}

/** Physical lines → logical lines with markers. */
export function toLines(text: string, options: SplitOptions = {}): Line[] {
  const normalized = normalizeText(text);
  const flat = needsReflow(normalized);
  const source = (flat ? reflow(normalized) : normalized).split('\n');
  const afterBlank = paragraphStarts(source);
  const physical = cutSignature(dropArtefacts(source.map(squash).filter(Boolean)));
  const width = typicalWidth(physical);
  const auto = options.unwrap === 'auto' || options.unwrap === undefined;
  const wrapped = flat ? false : auto ? width <= 160 : options.unwrap === true;
  const state: MarkerState = { lastRoman: '', lastLetter: '' };
  const out: Line[] = [];
  let lastPhysical = '';
  for (const raw of physical) {
    const prev = out[out.length - 1];
    const marked = detectMarker(raw, state);
    const fieldStart = startsWithField(raw) && (startsUpper(raw) || ENDS_SENTENCE.test(lastPhysical));
    const isNew = marked.kind !== 'text' || fieldStart || afterBlank.has(raw);
    if (prev && !isNew && continues(lastPhysical, raw, width, wrapped)) {
      prev.text = join(prev.text, raw);
    } else {
      out.push(marked);
    }
    lastPhysical = raw;
  }
  return out.map((l) => ({ ...l, text: squash(l.text) }));
}
