/**
 * Outline markers at the start of a paragraph, as Vietnamese administrative documents write
 * them (Nghị định 30/2020/NĐ-CP): "I." sections, "1." and "1.1." items, "a)" points, "(1)"
 * clauses, "-" and "+" bullets, and "Điều 1." articles. Works on text with or without
 * diacritics and reads OCR's "Ill." as "III.".
 */
import { foldAligned, startsUpper } from './fold.js';

export type MarkerKind = 'roman' | 'number' | 'letter' | 'paren' | 'bullet' | 'article' | 'text';

export interface Marked {
  kind: MarkerKind;
  /** "II", "2.1", "a", "1" for "(1)", "-" or "+" for bullets; empty for plain text. */
  label: string;
  /** The text after the marker. */
  text: string;
}

export interface MarkerState {
  lastRoman: string;
  lastLetter: string;
}

export const newMarkerState = (): MarkerState => ({ lastRoman: '', lastLetter: '' });

const ROMAN = /^(x{0,3}(?:ix|iv|v?i{0,3}))\s*[.):\-–]\s*(?=\S)/;
const BARE_ROMAN = /^(x{0,3}(?:ix|iv|v?i{0,3}))\s*[.)]?\s*$/;
/** OCR reads the I of a capital roman numeral as a lower-case l ("Ill." for "III."). */
const OCR_ROMAN = /^([IVX][IVXl]*)(?=\s*[.):\-–]\s*\S)/;
const MULTI_NUMBER = /^(\d{1,2}(?:\s?\.\s?\d{1,2}){1,3})\s*[.)]?\s+(?=\S)/;
const SINGLE_NUMBER = /^(\d{1,2})\s*[.)]\s*(?=[^\d\s/.),%])/;
const LETTER = /^([a-zđ])\s*(?:\)|\.(?=\s)|\/(?=\s))\s*(?=\S)/i;
const PAREN = /^\(\s*(\d{1,2}|[ivx]{1,4}|[a-zđ])\s*\)\s*(?=\S)/i;
const ARTICLE = /^dieu\s+(\d{1,3})\s*[.:]\s*/;
const BULLET_CHARS = '-–—+•·*◦▪●○∙';

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

function romanCandidate(line: string, numeral: string, state: MarkerState): boolean {
  const original = line.slice(0, numeral.length);
  if (!/^[ivxIVX]+$/.test(original)) return false;
  if (original !== original.toUpperCase() && original !== original.toLowerCase()) return false;
  return romanWins(numeral, original, state);
}

/** Recognises the outline marker at the start of a paragraph; `state` tells "i)" from "i.". */
export function detectMarker(input: string, state: MarkerState = newMarkerState()): Marked {
  const ocr = OCR_ROMAN.exec(input)?.[1];
  const line = ocr?.includes('l') ? ocr.replace(/l/g, 'I') + input.slice(ocr.length) : input;
  const folded = foldAligned(line);
  const article = ARTICLE.exec(folded);
  if (article?.[1] && /^[ĐđDd]/.test(line)) return { kind: 'article', label: article[1], text: line.slice(article[0].length) };
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
  const paren = PAREN.exec(line);
  if (paren?.[1]) return { kind: 'paren', label: paren[1].toLowerCase(), text: line.slice(paren[0].length) };
  const first = line[0] ?? '';
  if (BULLET_CHARS.includes(first)) {
    const rest = line.slice(1).trimStart();
    if (rest && (line[1] === ' ' || startsUpper(rest) || first !== '-')) return { kind: 'bullet', label: first === '+' ? '+' : '-', text: rest };
  }
  return { kind: 'text', label: '', text: line };
}

/** A line holding a marker and nothing else ("1.", "a)", "-", "II."), whose text is on the next line. */
export function isBareMarker(line: string): boolean {
  const t = line.trim();
  if (/^[-–—+•·*◦▪●○∙]$/.test(t)) return true;
  if (/^\d{1,2}(?:\.\d{1,2}){0,3}\s*[.)]$/.test(t)) return true;
  if (/^[a-zđ]\)$/i.test(t) || /^\(\s*(?:\d{1,2}|[ivx]{1,4}|[a-zđ])\s*\)$/i.test(t)) return true;
  return /^[IVX]{1,5}\s*\.$/.test(t) || (BARE_ROMAN.test(foldAligned(t)) && /^[IVX]+\.$/.test(t));
}

/** True when a line starts with an outline marker (a new item, point, clause or bullet). */
export function startsWithMarker(line: string): boolean {
  return detectMarker(line, newMarkerState()).kind !== 'text' || isBareMarker(line);
}
