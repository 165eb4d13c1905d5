/**
 * Reads the document's identity from its header: number ("Số: 123/KH-STP"), date (the
 * "Đồng Nai, ngày 05 tháng 3 năm 2025" line) and issuing body (the capitalised agency name
 * above the number, e.g. "UBND TỈNH ĐỒNG NAI / SỞ TƯ PHÁP" → "SỞ TƯ PHÁP"). Headers laid out
 * in two columns arrive as one line with wide gaps, so lines are split into cells first.
 * When the header is missing, the issuer is taken from the opening sentence ("Sở Tư pháp ban
 * hành kế hoạch …", "Chủ tịch UBND tỉnh yêu cầu …").
 */
import { squash } from '../domain/text.js';
import { scanDates } from './dates.js';
import { foldAligned, isAllCaps, trimPhrase } from './fold.js';
import { normalizeText } from './paragraphs.js';
import type { PlanDocument } from './types.js';

export interface HeaderInfo extends PlanDocument {
  /** The year the document is dated in, even when day and month were left blank. */
  year: number | null;
}

const HEADER_LINES = 40;
const NOT_ISSUER =
  /^(?:cong hoa|hoi chu nghia|chu nghia viet nam|doc lap|dang cong san viet nam|ke hoach|cong van|chi thi|quyet dinh|thong bao|bao cao|to trinh|huong dan|chuong trinh|ke hoach|phu luc|kinh gui)/;
const AGENCY_START =
  /^(?:thu tuong|uy ban|ubnd|so|bo|ban|phong|trung tam|cong an|cuc|chi cuc|tong cuc|van phong|hoi dong|tinh uy|huyen uy|dang uy|thanh uy|toa an|vien|truong|benh vien|doan|hoi|ubmttq|mat tran)\b/;
const AGENCY =
  /\b(?:uy ban|ubnd|so|bo|ban|phong|trung tam|cong an|cuc|chi cuc|tong cuc|van phong|hoi dong|tinh uy|huyen uy|dang uy|thanh uy|toa an|vien|truong|benh vien|doan|hoi|ubmttq|mat tran)\b/;
const PLACE = /^(?:tinh|huyen|thanh pho|quan|thi xa|xa|phuong|tp\.?)\b/;

function headerCells(text: string): string[][] {
  return normalizeText(text)
    .split('\n')
    .map((line) =>
      line
        .split(/\s{3,}|\t/)
        .map(squash)
        .filter(Boolean),
    )
    .filter((cells) => cells.length > 0)
    .slice(0, HEADER_LINES);
}

function findNumber(cells: string[]): string | null {
  for (const cell of cells) {
    const m = /^so\s*[:：.]?\s*(\d+\s*\/\s*[\w\-/.]+)/.exec(foldAligned(cell));
    if (m?.[1]) return trimPhrase(cell.slice(m[0].length - m[1].length, m[0].length)).replace(/\s/g, '');
  }
  return null;
}

const PLACE_DATE = /(?:^|\s)\p{Lu}[^\d,]{1,40},\s*ngày\b|(?:^|\s)[A-Z][^\d,]{1,40},\s*ngay\b/u;

/** The "Đồng Nai, ngày 05 tháng 3 năm 2025" line; blank day and month still give the year. */
function findDate(cells: string[]): { date: string | null; year: number } | null {
  const line = cells.join(' ');
  const m = PLACE_DATE.exec(line);
  if (!m) return null;
  const tail = foldAligned(line.slice(m.index + m[0].length - 4));
  const year = /^ngay[\s\d./-]*(?:thang[\s\d./-]*)?(?:nam\s+|[/.-]\s*)((?:19|20)\d{2})/.exec(tail);
  if (!year?.[1]) return null;
  const hit = scanDates(tail.slice(0, year[0].length)).find((h) => h.precision === 'day' && !h.yearless);
  return { date: hit?.date ?? null, year: Number(year[1]) };
}

/** A letterhead name without the rule typed under it ("SỞ TƯ PHÁP -------" → "SỞ TƯ PHÁP"). */
function withoutRule(cell: string): string {
  return trimPhrase(cell.replace(/\s*[-_=.*–—]{3,}\s*/g, ' '));
}

function issuerFromHeader(rows: string[][], stopRow: number): string | null {
  const names: string[] = [];
  for (const row of rows.slice(0, stopRow + 1)) {
    const cell = row[0] ?? '';
    const folded = foldAligned(cell);
    if (/^so\s*[:：]/.test(folded) || /^[_\-=.*\s]+$/.test(cell)) continue;
    if (!isAllCaps(cell) || NOT_ISSUER.test(folded) || cell.length > 90) continue;
    if (/^S[ỐÔ]\b/.test(cell)) continue;
    if (AGENCY_START.test(folded) || (names.length > 0 && PLACE.test(folded))) names.push(withoutRule(cell));
  }
  const last = names[names.length - 1];
  const prev = names[names.length - 2];
  if (last && prev && PLACE.test(foldAligned(last)) && !/\b(?:tinh|huyen|thanh pho|xa|phuong)\b/.test(foldAligned(prev))) {
    return `${prev} ${last}`;
  }
  return last ?? null;
}

const OPENING_VERB = /\s+(?:ban hanh (?:ke hoach|chi thi|van ban)|xay dung (?:ke hoach|chuong trinh)|yeu cau|de nghi)\b/g;

/** "…, Sở Tư pháp ban hành kế hoạch …" → "Sở Tư pháp". */
export function issuerFromBody(text: string): string | null {
  const folded = foldAligned(text);
  for (let m = OPENING_VERB.exec(folded); m; m = OPENING_VERB.exec(folded)) {
    const start = Math.max(folded.lastIndexOf(',', m.index), folded.lastIndexOf(';', m.index), text.lastIndexOf('\n', m.index)) + 1;
    const name = squash(text.slice(start, m.index));
    if (name.length < 3 || name.length > 60 || / da$/.test(foldAligned(name))) continue;
    if (AGENCY.test(foldAligned(name)) && /^\p{Lu}/u.test(name)) {
      OPENING_VERB.lastIndex = 0;
      return name;
    }
  }
  OPENING_VERB.lastIndex = 0;
  return null;
}

/**
 * Number, date and issuer from the header lines of a plan's text; `opening` (the text before
 * the first numbered section) is where the issuer is looked for when the header lacks one.
 */
export function readHeader(text: string, opening = ''): HeaderInfo {
  const rows = headerCells(text);
  let number: string | null = null;
  let dated: { date: string | null; year: number } | null = null;
  let numberRow = -1;
  rows.forEach((row, i) => {
    const n = number ?? findNumber(row);
    if (n && !number) {
      number = n;
      numberRow = i;
    }
    // A date line broken after the day ("Hà Nội, ngày 17" / "tháng 11 năm 2025") goes on below.
    dated ??= findDate(row) ?? findDate([...row, ...(rows[i + 1] ?? [])]);
  });
  const issuer = issuerFromHeader(rows, numberRow >= 0 ? numberRow : Math.min(rows.length - 1, 8));
  const found = dated as { date: string | null; year: number } | null;
  return {
    number: number ?? '',
    date: found?.date ?? null,
    year: found?.year ?? null,
    issuer: issuer ?? issuerFromBody(opening || rows.map((r) => r.join(' ')).join('\n')),
  };
}

/**
 * The note under an appendix title — "(Kèm theo Kế hoạch số 123/KH-STP ngày 05/3/2025 của Sở
 * Tư pháp)" — names the document the appendix belongs to.
 */
export function attachmentNote(text: string): HeaderInfo | null {
  const folded = foldAligned(text);
  const m = /kem theo\s+(?:[a-z]+\s+){0,3}?so\s*:?\s*(\d+[\w\-/.]*\/[\w\-/.]*\w)/.exec(folded);
  if (!m?.[1]) return null;
  const numberStart = m.index + m[0].length - m[1].length;
  const number = text.slice(numberStart, m.index + m[0].length);
  const tail = folded.slice(m.index + m[0].length, m.index + m[0].length + 120);
  const hit = scanDates(tail).find((h) => h.precision === 'day' && !h.yearless && /^\s*ngay\s*$|^\s*ngay\b/.test(tail.slice(0, h.start + 5)));
  const by = /\bcua\s+([^)\n]{2,60})/.exec(tail);
  const issuerStart = by ? m.index + m[0].length + by.index + by[0].length - (by[1]?.length ?? 0) : -1;
  const issuer = by?.[1] ? trimPhrase(text.slice(issuerStart, issuerStart + by[1].length)) : null;
  return {
    number,
    date: hit?.date ?? null,
    year: hit?.date ? Number(hit.date.slice(0, 4)) : null,
    issuer: issuer || null,
  };
}

const LABEL_AT = /(?:so hieu|loai van ban|noi ban hanh|nguoi ky|ngay ban hanh|ngay hieu luc|tinh trang)\s*:/g;

/** A published copy's metadata block run into one paragraph, back into one label per paragraph. */
function splitLabels(paragraph: string): string[] {
  const starts = [...foldAligned(paragraph).matchAll(LABEL_AT)].map((m) => m.index).filter((i) => i > 0);
  if (starts.length === 0) return [paragraph];
  return [0, ...starts].map((start, k, all) => paragraph.slice(start, all[k + 1] ?? paragraph.length).trim()).filter(Boolean);
}

const LABEL_VALUE = /^(so hieu|so|loai van ban|noi ban hanh|nguoi ky|ngay ban hanh|ngay hieu luc|tinh trang)\s*:\s*(.*)$/;
const NUMBER = /^(\d+[\w.-]*\/[\p{L}\d./-]*[\p{L}\d])/u;

/**
 * Number, date and issuer read from the first paragraphs of a document whose header lines were
 * broken and rejoined ("Số:" / "7360/KH-UBND", "Hà Nội, ngày" / "29 tháng 11 năm 2025"), or
 * that carries the "Số hiệu: … Nơi ban hành: … Ngày ban hành: …" block of a published copy.
 * The national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") is never the issuer.
 */
export function readHeaderParagraphs(paragraphs: string[]): Partial<HeaderInfo> {
  const out: Partial<HeaderInfo> = {};
  const head = paragraphs.slice(0, 45).flatMap(splitLabels);
  let numberAt = -1;
  for (let i = 0; i < head.length; i += 1) {
    const p = squash(head[i] ?? '');
    const folded = foldAligned(p);
    const lv = LABEL_VALUE.exec(folded);
    if (lv?.[1]) {
      const value = squash(lv[2] ? p.slice(p.length - lv[2].length) : (head[i + 1] ?? ''));
      if ((lv[1] === 'so' || lv[1] === 'so hieu') && !out.number) {
        const m = NUMBER.exec(value);
        if (m?.[1]) {
          out.number = m[1];
          numberAt = i;
        }
      } else if (lv[1] === 'noi ban hanh' && value && !out.issuer) out.issuer = trimPhrase(value);
      else if (lv[1] === 'ngay ban hanh' && out.date === undefined) {
        const hit = scanDates(foldAligned(value)).find((h) => h.precision === 'day' && !h.yearless);
        if (hit?.date) {
          out.date = hit.date;
          out.year = Number(hit.date.slice(0, 4));
        }
      }
      continue;
    }
    if (out.date === undefined) {
      const dated = findDate([p]);
      if (dated) {
        out.date = dated.date;
        out.year = dated.year;
      }
    }
  }
  if (!out.issuer) {
    const stop = numberAt >= 0 ? numberAt : Math.min(head.length, 12);
    const names: string[] = [];
    for (const p of head.slice(0, stop)) {
      // A two-column letterhead read line by line puts the national motto beside the issuer.
      const cell = squash(p.replace(MOTTO, ' '));
      if (!cell) continue;
      const folded = foldAligned(cell);
      if (!isAllCaps(cell) || NOT_ISSUER.test(folded) || cell.length > 120 || /^S[ỐÔ]\b/.test(cell)) continue;
      if (AGENCY_START.test(folded) || (names.length > 0 && PLACE.test(folded))) names.push(withoutRule(cell));
    }
    const last = names[names.length - 1];
    const prev = names[names.length - 2];
    if (last && prev && PLACE.test(foldAligned(last)) && !/\b(?:tinh|huyen|thanh pho|xa|phuong)\b/.test(foldAligned(prev))) out.issuer = `${prev} ${last}`;
    else if (last) out.issuer = last;
  }
  return out;
}

const MOTTO =
  /C[ỘOỘ]NG\s+H[ÒO]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM|Đ[ộo]c\s+l[ậa]p\s*-\s*T[ựu]\s+do\s*-\s*H[ạa]nh\s+ph[úu]c|Doc\s+lap\s*-\s*Tu\s+do\s*-\s*Hanh\s+phuc/giu;
