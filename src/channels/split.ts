/**
 * Cutting long texts into messages a platform accepts: Telegram (4096 UTF-16 units) and Zalo
 * (sendMessage text: 1–2000 characters).
 *
 * What Zalo counts as a "character" is not documented. We measure UTF-16 code units (JS
 * `length`): for Vietnamese text, precomposed or decomposed, that equals the number of code
 * points, and for an emoji or other astral character it counts 2 where code points count 1. It is
 * therefore never smaller than a count in code points or in graphemes, so a part that fits here
 * fits whichever of those Zalo uses; counting code points would let 2000 emoji (4000 code units)
 * through to a backend that may count code units. Cuts never fall inside a surrogate pair or
 * between a letter and its combining diacritics.
 *
 * Where to cut, in order of preference: a paragraph break (blank line) in the second half of the
 * window, then any line break, then a space between words, and only for a "word" longer than the
 * limit (a long URL) a hard cut at a grapheme boundary. Vietnamese separates syllables with
 * spaces, so cutting at a space never splits a syllable. No-break spaces are not cut at. The
 * whitespace at each cut is dropped; everything else is kept in order.
 */

/** Length of `text` as counted against a platform's limit (see the module comment). */
export function textLength(text: string): number {
  return text.length;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
// Every whitespace character except the no-break ones (NBSP, figure space, narrow NBSP, BOM).
const BREAKABLE_SPACE = /[^\S\u00a0\u2007\u202f\ufeff]/;
const BLANK_LINE_AHEAD = /[ \t\r]*\n/y;

/** Split `text` into parts of at most `limit` characters (UTF-16 units); blank text gives []. */
export function splitText(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`splitText: limit must be an integer ≥ 2, got ${limit}`);
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= limit) {
      parts.push(text.slice(start));
      break;
    }
    const cut = findCut(text, start, limit);
    parts.push(text.slice(start, cut).trimEnd());
    start = skipSpace(text, cut);
  }
  return parts.filter((part) => part.trim() !== '');
}

/** Index at which to end the part that begins at `start`; the part never exceeds `limit`. */
function findCut(text: string, start: number, limit: number): number {
  const end = start + limit;
  const contentFrom = skipSpace(text, start);
  const isNewline = (i: number): boolean => text[i] === '\n';
  const isParagraph = (i: number): boolean => {
    BLANK_LINE_AHEAD.lastIndex = i + 1;
    return isNewline(i) && BLANK_LINE_AHEAD.test(text);
  };
  const isSpace = (i: number): boolean => BREAKABLE_SPACE.test(text[i] ?? '');
  const paragraph = lastIndexWhere(Math.max(contentFrom + 1, start + Math.floor(limit / 2)), end, isParagraph);
  if (paragraph >= 0) return paragraph;
  const line = lastIndexWhere(contentFrom + 1, end, isNewline);
  if (line >= 0) return line;
  const space = lastIndexWhere(contentFrom + 1, end, isSpace);
  if (space >= 0) return space;
  return hardCut(text, start, limit);
}

/** Largest i in [from, to] with pred(i), or -1. */
function lastIndexWhere(from: number, to: number, pred: (i: number) => boolean): number {
  for (let i = to; i >= from; i--) if (pred(i)) return i;
  return -1;
}

/** Cut a run with no breakable space: at the last grapheme boundary that fits, else a code point boundary. */
function hardCut(text: string, start: number, limit: number): number {
  let best = 0;
  for (const { index } of graphemes.segment(text.slice(start, start + limit + 64))) {
    if (index > limit) break;
    best = index;
  }
  if (best > 0) return start + best;
  const code = text.charCodeAt(start + limit - 1);
  const highSurrogate = code >= 0xd800 && code <= 0xdbff;
  return start + limit - (highSurrogate ? 1 : 0);
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}
