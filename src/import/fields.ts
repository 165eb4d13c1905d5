/**
 * Recognises the labelled lines that make a task "6 rõ": lead unit ("Đơn vị chủ trì (tham mưu)
 * thực hiện", "Đơn vị thực hiện", "Đơn vị, cá nhân chủ trì"), support ("Đơn vị phối hợp"),
 * time ("Thời gian thực hiện/hoàn thành"), product ("Sản phẩm") and content ("Nội dung").
 * Labels are matched on folded text, with or without the colon OCR often loses.
 */
import { foldAligned } from './fold.js';

export type FieldKind = 'lead' | 'support' | 'time' | 'product' | 'content';

export interface FieldMatch {
  kind: FieldKind;
  /** The value after the label, original text (may be empty, e.g. "a) Nội dung"). */
  value: string;
}

const CONTENT_LABEL = /^(?:noi dung|nhiem vu|cong viec)(?: (?:nhiem vu|cong viec|thuc hien|chinh|cu the))?$/;

/** Classifies the text of a label (before its colon), or null when it is not a field label. */
export function classifyLabel(folded: string): FieldKind | null {
  const label = folded.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!label || label.length > 70 || label.split(' ').length > 10) return null;
  if (/\bphoi hop\b/.test(label)) return 'support';
  if (/^(?:thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian|thoi diem)\b/.test(label)) return 'time';
  if (/^(?:san pham|ket qua dau ra|hinh thuc san pham|ket qua san pham)\b/.test(label)) return 'product';
  if (/\bchu tri\b/.test(label)) return 'lead';
  if (/^(?:don vi|co quan|bo phan|ca nhan|nguoi|phong)\b.*\b(?:thuc hien|trach nhiem|tham muu|phu trach)$/.test(label)) return 'lead';
  if (/^(?:trach nhiem|phan cong)(?: thuc hien)?$/.test(label)) return 'lead';
  if (CONTENT_LABEL.test(label)) return 'content';
  return null;
}

/** Labels recognised without a colon (OCR drops it, or a dash stands in for it). */
const BARE_LABEL =
  /^(?:don vi(?:,? ca nhan)? chu tri(?: \(?tham muu\)?)?(?: thuc hien)?|co quan chu tri(?: thuc hien)?|don vi thuc hien|don vi phoi hop(?: thuc hien)?|co quan phoi hop(?: thuc hien)?|thoi gian (?:thuc hien|hoan thanh)|thoi han(?: hoan thanh)?|san pham(?: dau ra)?)\b\s*(?:[-–:]\s*)?/;

/** Reads a field line ("Đơn vị thực hiện: Văn phòng Sở."), or returns null. */
export function matchField(text: string): FieldMatch | null {
  const folded = foldAligned(text);
  const colon = folded.search(/[:：]/);
  if (colon > 0 && colon <= 80) {
    const kind = classifyLabel(folded.slice(0, colon));
    if (kind) return { kind, value: text.slice(colon + 1).trim() };
  }
  const bare = BARE_LABEL.exec(folded);
  if (bare) {
    const kind = classifyLabel(bare[0].replace(/[-–:]/g, ' '));
    if (kind) return { kind, value: text.slice(bare[0].length).trim() };
  }
  const whole = folded.replace(/[.:]\s*$/, '').trim();
  if (CONTENT_LABEL.test(whole)) return { kind: 'content', value: '' };
  return null;
}

/** True when the text starts with a field label (used to break lines before a field). */
export function startsWithField(text: string): boolean {
  return matchField(text) !== null;
}

/**
 * Splits a line that carries several fields ("Đơn vị chủ trì: Sở A; Thời gian: Quý II/2025")
 * into one match per field. A line with a single field returns one match.
 */
export function matchFields(text: string): FieldMatch[] {
  const first = matchField(text);
  if (!first) return [];
  const folded = foldAligned(first.value);
  const re = /[;.]\s+(?=[a-z][a-z ,()]{2,60}[:：])/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const rest = first.value.slice(m.index + m[0].length);
    const next = matchFields(rest);
    if (next.length > 0) return [{ kind: first.kind, value: first.value.slice(0, m.index).trim() }, ...next];
  }
  return [first];
}

const INLINE_LABEL =
  /(?:^|[(;,.]\s*|\s)((?:don vi(?:,? ca nhan)?|co quan|bo phan)\s+(?:chu tri|thuc hien|phoi hop)(?:\s+(?:tham muu\s+)?thuc hien)?|chu tri(?: thuc hien)?|phoi hop(?: thuc hien)?|thoi gian(?: thuc hien| hoan thanh)?|thoi han(?: hoan thanh)?|san pham)\s*:\s*/g;

/**
 * Fields written inside a sentence or in parentheses: "Xây dựng quy chế (đơn vị chủ trì: Sở A;
 * phối hợp: Sở B; thời gian: Quý II/2025)". Each value runs to the next ";", ")" or label.
 */
/** Where the first inline field label starts (its label, after any separator), or -1. */
export function firstInlineLabel(text: string): number {
  const m = INLINE_LABEL.exec(foldAligned(text));
  INLINE_LABEL.lastIndex = 0;
  return m ? m.index + m[0].search(/[a-z]/) : -1;
}

export function findInlineFields(text: string): FieldMatch[] {
  const folded = foldAligned(text);
  const hits = [...folded.matchAll(INLINE_LABEL)];
  return hits.flatMap((m, i) => {
    const kind = classifyLabel(m[1] ?? '');
    if (!kind || kind === 'content') return [];
    const start = m.index + m[0].length;
    const nextLabel = hits[i + 1]?.index ?? folded.length;
    const stop = folded.slice(start, nextLabel).search(/[;)]|\.(?:\s|$)/);
    const end = stop >= 0 ? start + stop : nextLabel;
    const value = text
      .slice(start, end)
      .trim()
      .replace(/[,.;]+$/, '');
    return value ? [{ kind, value }] : [];
  });
}
