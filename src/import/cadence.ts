/**
 * Recognises how often or how loosely a task recurs: "hằng năm", "hằng quý", "định kỳ 6 tháng",
 * "thường xuyên", "theo lộ trình", "khi có yêu cầu". Each keyword is found on folded text with
 * its position, so callers can tell which came first and cut the phrase from the original.
 */
import type { DueKind, DueRule } from './types.js';

export type CadenceTag = 'yearly' | 'semiannual' | 'quarterly' | 'monthly' | 'weekly' | 'periodic' | 'ongoing' | 'roadmap' | 'adhoc';

export interface CadenceHit {
  tag: CadenceTag;
  start: number;
  end: number;
}

const RULES: Array<[CadenceTag, RegExp]> = [
  ['quarterly', /\b(?:hang|moi|tung)\s+quy\b|\bdinh ky\s+(?:hang\s+)?quy\b|\bthang cuoi (?:cua |moi )?quy\b|\bcuoi (?:moi |cac )quy\b/g],
  ['monthly', /\b(?:hang|moi|tung)\s+thang\b|\bdinh ky\s+(?:hang\s+)?thang\b/g],
  ['semiannual', /\b(?:dinh ky|hang|moi|bao cao)\s+(?:6|sau)\s+thang\b|\b(?:6|sau) thang (?:mot|1) lan\b|\b(?:6|sau) thang(?:,| va) (?:hang |ca )?nam\b/g],
  ['yearly', /\b(?:hang|moi|tung)\s+nam\b|\bdinh ky\s+(?:hang\s+)?nam\b|\bnam (?:mot|1) lan\b|\b(?:mot|1) lan\s*\/\s*nam\b/g],
  ['weekly', /\b(?:hang|moi|tung)\s+tuan\b/g],
  ['ongoing', /(?<!\bchi |\bkinh phi |\bnguon |\bgiao duc )\bthuong xuyen\b|\b(?:hang|moi)\s+ngay\b/g],
  ['periodic', /\bdinh ky\b/g],
  ['roadmap', /\btheo (?:dung )?(?:lo trinh|tien do)\b|\bdung tien do (?:da )?(?:duoc )?(?:phe duyet|de ra|giao)\b/g],
  ['adhoc', /\b(?:khi|neu) co (?:yeu cau|phat sinh)\b|\btheo yeu cau\b|\bdot xuat\b|\btheo chi dao\b|\bngay sau khi\b/g],
];

/** Every cadence keyword in folded text, earliest first; overlapping weaker tags are dropped. */
export function scanCadence(folded: string): CadenceHit[] {
  const hits: CadenceHit[] = [];
  for (const [tag, re] of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ tag, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

const RULE_ORDER: DueRule[] = ['monthly', 'quarterly', 'yearly'];

/** The finest supported rule among recurrence hits ("hằng quý, hằng năm" → quarterly). */
export function finestRule(hits: CadenceHit[]): DueRule | null {
  for (const rule of RULE_ORDER) if (hits.some((h) => h.tag === rule)) return rule;
  return null;
}

/** The due kind a tag implies; `adhoc` ("khi có yêu cầu") carries no schedule. */
export function kindOfTag(tag: CadenceTag): DueKind {
  switch (tag) {
    case 'ongoing':
      return 'ongoing';
    case 'roadmap':
      return 'roadmap';
    case 'adhoc':
      return 'none';
    default:
      return 'recurring';
  }
}

export function isRecurrenceTag(tag: CadenceTag): boolean {
  return kindOfTag(tag) === 'recurring';
}
