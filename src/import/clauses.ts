/**
 * Reads the duties written as running text: a paragraph may hold one task, or several — numbered
 * clauses "(1) …; (2) …", a sentence with a new subject ("…; Bộ Công an tổng hợp …"), an
 * embedded "Giao Thanh tra thành phố …", a second duty with its own deadline. Each clause is
 * read for its subject (the lead), "phối hợp với …" (support) and its time phrase.
 */
import { foldAligned } from './fold.js';
import { cutAtTopLevel } from './sentences.js';
import { colonAssignment, giaoAssignment, startsWithUnit, subjectAssignment, supportOf, unitPhraseEnd, type Assignment } from './units.js';

export interface Clause {
  text: string;
  /** Units the clause names as its own subject ("Giao X …", "X chủ trì …", "X: …"). */
  subject: string[];
  /** Where the clause's work starts, after its subject. */
  rest: number;
  /** True for "Giao X …" / "Đề nghị X …" / "Yêu cầu X …". */
  giao: boolean;
  /** True when the clause asks ("Yêu cầu X …", "Đề nghị X …") rather than assigns ("Giao X …"). */
  asks: boolean;
}

/** Openers of an adverbial before a sentence's subject: "Trên cơ sở …, ", "Đối với …, ", "Đồng thời, ". */
const ADVERBIAL_OPEN =
  /^(?:tren co so|can cu|sau khi|truoc mat|dong thoi|ngoai ra|theo do|tuy theo|trong do|trong qua trinh|voi vai tro|la co quan|doi voi|tren day la|thuc hien|truoc tinh hinh)\b/;

/** The assignment a clause opens with, if any. */
export function clauseSubject(text: string, depth = 0): (Assignment & { giao: boolean }) | null {
  const giao = giaoAssignment(text);
  if (giao) {
    // "đề nghị các Tập đoàn: Bưu chính Viễn thông Việt Nam, … tổ chức …": the names are the subject.
    if (text[giao.rest] === ':' && giao.units.length === 1 && /^(?:cac|nhung)\s+\S+(?:\s+\S+)?$/.test(foldAligned(giao.units[0] ?? ''))) {
      const named = namesAfterColon(text, giao.rest + 1);
      if (named) return { units: named.units, rest: named.rest, header: false, giao: true };
    }
    return { ...giao, giao: true };
  }
  // "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành …": the issuer asks; those it asks are the subject.
  const asker = subjectAssignment(text);
  if (asker && /^\s*(?:yeu cau|de nghi|giao(?: cho)?|chi dao)\s/.test(foldAligned(text.slice(asker.rest)))) {
    const asked = clauseSubject(text.slice(asker.rest), depth + 1);
    if (asked?.giao) return { ...asked, rest: asked.rest + asker.rest, giao: true };
  }
  const colon = colonAssignment(text);
  if (colon) {
    // "Các sở: Nông nghiệp và Môi trường, Xây dựng, … có ý kiến …": the names after the colon are the subject.
    const named = /^\s*(?:cac|nhung)\s+\S+(?:\s+\S+)?\s*$/.test(foldAligned(text.slice(0, colon.rest - 1))) ? namesAfterColon(text, colon.rest) : null;
    if (named) return { units: named.units, rest: named.rest, header: false, giao: false };
    return { ...colon, giao: false };
  }
  if (asker) return { ...asker, giao: false };
  // "Trên cơ sở các Nghị định …, phân quyền, các Bộ, cơ quan ngang Bộ thực hiện …": the subject follows the adverbial.
  const purpose =
    /^(?:để|nhằm)\s/i.test(text.trim()) || (/^(?:de|nham)\s(?!xuat|nghi|an\b|ra\b)/.test(foldAligned(text.trim())) && !/[^\p{ASCII}]/u.test(text));
  if (depth < 2 && (ADVERBIAL_OPEN.test(foldAligned(text)) || purpose)) {
    let from = 0;
    for (let at = text.indexOf(', '); at > 0 && at < 320; from = at + 2, at = text.indexOf(', ', at + 2)) {
      const rest = text.slice(at + 2);
      const before = foldAligned(text.slice(from, at));
      // A subject opens with a name or a group ("Sở Nội vụ", "các Bộ", "tỉnh Đắk Lắk"), not with a
      // listed object ("…, công chức, viên chức") nor right after "phối hợp với …".
      const strong =
        /^\p{Lu}/u.test(rest) ||
        /^(?:các|những|cac|nhung|ubnd)\s/i.test(rest) ||
        /^(?:tỉnh|thành phố|huyện|xã|phường|tinh|thanh pho|huyen|xa|phuong)\s\p{Lu}/u.test(rest);
      if (/\b(?:voi|phoi hop)\b/.test(before)) continue;
      if (!strong || (!startsWithUnit(rest) && !/^(?:giao|đề nghị|yêu cầu|de nghi|yeu cau)\s/i.test(rest))) continue;
      const inner = clauseSubject(rest, depth + 1);
      if (inner && inner.units.length) return { ...inner, rest: inner.rest + at + 2 };
    }
  }
  return null;
}

/** The names listed after "Các sở:" up to the clause's predicate, split at commas and before "và" + a unit. */
function namesAfterColon(text: string, from: number): { units: string[]; rest: number } | null {
  const end = unitPhraseEnd(text, from, false);
  if (end <= from) return null;
  const phrase = text.slice(from, end).trim();
  const units = phrase
    .split(/[;,]\s*/)
    .flatMap((part) => part.split(/\s+và\s+(?=(?:UBND|Ủy ban|Uỷ ban|các|những|Sở|Bộ|Cục)\b)/iu))
    .map((u) => u.replace(/^(?:và|va)\s+/i, '').trim())
    .filter(Boolean)
    .reduce<string[]>((acc, u) => {
      const last = acc[acc.length - 1];
      if (last && /^(?:xa|phuong|dac khu|thi tran|nganh|ban)$/.test(foldAligned(u))) acc[acc.length - 1] = `${last}, ${u}`;
      else acc.push(u);
      return acc;
    }, []);
  return units.length ? { units, rest: end } : null;
}

export function readClause(text: string): Clause {
  const s = clauseSubject(text);
  const asks = s?.giao === true && /^\s*(?:yeu cau|de nghi)\s/.test(foldAligned(text));
  return { text, subject: s?.units ?? [], rest: s?.rest ?? 0, giao: s?.giao ?? false, asks };
}

export interface Enumeration {
  intro: string;
  items: string[];
}

/**
 * Numbered clauses inside one paragraph: "(1) …; (2) …; (3) …" or "(i) …; (ii) …". Needs the
 * numbers in sequence from the first; the text before "(1)" is the intro.
 */
export function splitEnumeration(text: string): Enumeration | null {
  for (const style of ['arabic', 'roman'] as const) {
    const seq =
      style === 'arabic' ? ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] : ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
    const positions: Array<[number, number]> = [];
    let from = 0;
    for (const label of seq) {
      const re = new RegExp(String.raw`(?:^|[\s:;,.])\(\s*${label}\s*\)\s*`, 'g');
      re.lastIndex = from;
      const m = re.exec(text);
      if (!m) break;
      const start = m.index + (m[0].length - m[0].trimStart().length) + (/^[\s:;,.]/.test(m[0]) ? 1 : 0);
      const open = text.indexOf('(', m.index);
      positions.push([open >= 0 ? open : start, m.index + m[0].length]);
      from = m.index + m[0].length;
    }
    if (positions.length < 2) continue;
    const items = positions.map(([, bodyStart], i) => {
      const end = positions[i + 1]?.[0] ?? text.length;
      return text
        .slice(bodyStart, end)
        .trim()
        .replace(/[;,]\s*$/, '')
        .trim();
    });
    return { intro: text.slice(0, positions[0]?.[0] ?? 0).trim(), items };
  }
  return null;
}

/** Clauses of a text: split at top-level ";" and at sentence ends, never inside parentheses. */
export function splitClauses(text: string): string[] {
  return cutAtTopLevel(text)
    .map((c) => c.trim())
    .filter((c) => /\p{L}/u.test(c));
}

/** Support named in a clause: "phối hợp (chặt chẽ) với Y …" at its start or after its subject or "chủ trì,". */
export function clauseSupport(clause: Clause): string[] {
  return supportOf(clause.text, clause.rest);
}
