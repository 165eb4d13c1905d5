/**
 * Keyword matching on OCR'd Vietnamese needs a folded form (no diacritics, lower case) whose
 * character positions still line up with the original, so a match found in the folded text
 * can be cut out of the original with its diacritics intact. `fold` from domain/text collapses
 * whitespace and so shifts positions; `foldAligned` folds one character at a time instead.
 */
import { fold } from '../domain/text.js';

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = ch;
  if (/\s/.test(ch)) out = ' ';
  else if (ch === 'Ð' || ch === 'ð') out = 'd';
  else if (fold(ch).length === ch.length) out = fold(ch);
  cache.set(ch, out);
  return out;
}

const memo = new Map<string, string>();
const MEMO_SIZE = 4096;

/** Folds text to lower case without diacritics, keeping exactly one output char per input char. */
export function foldAligned(text: string): string {
  const known = memo.get(text);
  if (known !== undefined) return known;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) out += text[i];
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      out += foldChar(text.slice(i, i + 2));
      i++;
    } else out += foldChar(text[i]!);
  }
  // The same paragraph is folded by several passes; remember the recent ones.
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(text, out);
  return out;
}

/** Folded, whitespace-collapsed form for comparisons (diacritics-, case- and spacing-insensitive). */
export function foldKey(text: string): string {
  return fold(text.replace(/\u00a0/g, ' ').replace(/[ÐðĐđ]/g, 'd'));
}

/** Trims punctuation and spaces that documents leave around a phrase ("Văn phòng Sở." → "Văn phòng Sở"). */
export function trimPhrase(text: string): string {
  return text
    .replace(/^[\s\-–—+•:;,.]+/, '')
    .replace(/[\s:;,.]*(\.\/\.)?[\s:;,.]*$/, '')
    .trim();
}

/** True when the text has letters and none of them is lower case (a heading typed in capitals). */
export function isAllCaps(text: string): boolean {
  let upper = 0;
  let letters = 0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lower === up) {
      // Caseless: a letter of a script without case still counts as a letter.
      if (/\p{L}/u.test(ch)) letters++;
      continue;
    }
    if (ch === lower) return false;
    upper++;
    letters++;
  }
  return letters >= 2 && upper > 0;
}

/** True when the first letter of the text is an upper-case letter. */
export function startsUpper(text: string): boolean {
  const first = /\p{L}/u.exec(text)?.[0];
  return first !== undefined && first === first.toUpperCase() && first !== first.toLowerCase();
}
