/**
 * Splits running Vietnamese text into sentences without being fooled by abbreviations
 * ("TP. Hồ Chí Minh", "v.v.") or document numbers, and picks a task's title: its first
 * sentence, or the heading as written.
 */
import { trimPhrase } from './fold.js';

const ABBREVIATIONS = new Set(['tp', 'tt', 'v.v', 'vv', 'kt', 'tl', 'tm', 'ths', 'ts', 'pgs', 'gs', 'ng', 'q', 'p', 'th', 'đ/c', 'đc']);

/** Sentences of a text, in order, trimmed; newlines always end a sentence. */
export function splitSentences(text: string): string[] {
  const hasUpper = /\p{Lu}/u.test(text);
  const start = hasUpper ? /[\p{Lu}\d"“(]/u : /[\p{L}\d"“(]/u;
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let from = 0;
    const re = /[.!?…]+["”)]*\s+/g;
    for (let m = re.exec(para); m; m = re.exec(para)) {
      const next = para.slice(m.index + m[0].length, m.index + m[0].length + 1);
      const word = /(\S+)$/.exec(para.slice(from, m.index))?.[1]?.toLowerCase() ?? '';
      if (!start.test(next) || ABBREVIATIONS.has(word) || /^\d{1,2}$/.test(word)) continue;
      out.push(para.slice(from, m.index + m[0].length).trim());
      from = m.index + m[0].length;
    }
    const rest = para.slice(from).trim();
    if (rest) out.push(rest);
  }
  return out.filter((s) => /\p{L}/u.test(s));
}

/** The first sentence of a text as a title. */
export function firstSentence(text: string): string {
  return cleanTitle(splitSentences(text)[0] ?? text);
}

/** A title as shown to users: the phrase without the marker's leftovers and end punctuation. */
export function cleanTitle(text: string): string {
  return trimPhrase(text.replace(/\s+/g, ' ').replace(/^(?:nhiệm vụ|nhiem vu|nội dung|noi dung)(?: số| so)?\s*\d{1,2}\s*[:.]\s*/i, ''));
}

/**
 * Cuts running text into clauses at semicolons and sentence ends that are not inside
 * parentheses or quotes, keeping abbreviations ("TP. Hồ Chí Minh") and numbers ("3.000") whole.
 */
export function cutAtTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === '(' || ch === '“' || ch === '[') depth += 1;
    else if ((ch === ')' || ch === '”' || ch === ']') && depth > 0) depth -= 1;
    if (depth > 0) continue;
    if (ch === ';') {
      out.push(text.slice(from, i));
      from = i + 1;
      continue;
    }
    if (ch === '.' && /\s/.test(text[i + 1] ?? '')) {
      const next = text.slice(i + 1).trimStart()[0] ?? '';
      const word = /(\S+)$/.exec(text.slice(from, i))?.[1]?.toLowerCase() ?? '';
      if (!/[\p{Lu}\d"“(]/u.test(next) || ABBREVIATIONS.has(word) || /^\d{1,2}$/.test(word)) continue;
      out.push(text.slice(from, i + 1));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out.map((s) => s.trim()).filter(Boolean);
}
