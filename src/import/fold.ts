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

/** Folds text to lower case without diacritics, keeping exactly one output char per input char. */
export function foldAligned(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
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
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** True when the first letter of the text is an upper-case letter. */
export function startsUpper(text: string): boolean {
  const first = /\p{L}/u.exec(text)?.[0];
  return first !== undefined && first === first.toUpperCase() && first !== first.toLowerCase();
}
