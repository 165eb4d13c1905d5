/**
 * A task's title as offices and the labelled corpora name it: the task's own words, verbatim,
 * cut at the first ". ", "; " or ": " after 20 characters, or at about 100 characters on a word
 * boundary; trailing punctuation dropped. The whole text stays in the task's body.
 */
import { trimPhrase } from './fold.js';

const TITLE_WINDOW = 100;

export interface Title {
  title: string;
  /** True when the title had to be cut at the length limit, in the middle of a sentence. */
  cut: boolean;
}

/** The title of a text (whitespace collapsed) and whether it was cut short. */
export function titleOf(text: string, options: { from?: number } = {}): Title {
  const norm = text.replace(/\s+/g, ' ').trim();
  let t = norm.slice(0, TITLE_WINDOW);
  let stopped = false;
  for (const stop of ['. ', '; ', ': ']) {
    // `from`: where stops may begin, past a "Sở Xây dựng: " that opens the sentence.
    let j = t.indexOf(stop, Math.max(20, options.from ?? 0));
    // A colon that opens a numbered list ("03 nền tảng: (1) …") belongs to the title.
    while (stop === ': ' && j > 0 && /^:\s*(?:\(\s*(?:\d{1,2}|[ivx]{1,4})\s*\)|\d{1,2}\)|[a-zđ]\))/.test(t.slice(j))) j = t.indexOf(stop, j + 1);
    if (j > 0) {
      t = t.slice(0, j);
      stopped = true;
    }
  }
  let cut = false;
  if (!stopped && norm.length > TITLE_WINDOW) {
    cut = true;
    if (norm[TITLE_WINDOW] !== ' ') t = t.replace(/\s+\S*$/, '');
  }
  return { title: t.replace(/[\s,;:.-]+$/, ''), cut };
}

/** A title without a leading "Nhiệm vụ 3:" or bullet leftovers. */
export function cleanTitle(text: string): string {
  return trimPhrase(text.replace(/\s+/g, ' ').replace(/^(?:nhiệm vụ|nhiem vu|nội dung|noi dung)(?: số| so)?\s*\d{1,2}\s*[:.]\s*/i, ''));
}
