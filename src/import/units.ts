/**
 * Reads unit names out of Vietnamese assignments: splits a lead/support value into units
 * ("Văn phòng Sở, các đơn vị sự nghiệp trực thuộc Sở" → two units, but "Các phòng, đơn vị
 * thuộc Sở" and "Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật" → one),
 * and finds who is assigned in prose: "Giao Sở Tài chính …", "Sở Nội vụ: …", a sentence's
 * subject ("Các sở, ban ngành, địa phương chủ động …") or "…, Sở Nội vụ chủ trì".
 */
import { foldAligned, startsUpper, trimPhrase } from './fold.js';

const HEAD =
  /^(?:(?:cac|nhung|toan the|tat ca)\s+)?(?:dong chi\s+)?(?:uy ban|ubnd|ubmttq|hdnd|so(?! (?:sanh|ket|hoa|lieu|luong|du|tien))|phong(?!,? (?:chong|ngua))|van phong|cong an|trung tam|ban(?! (?:hanh|giao))|tieu ban|to cong tac|to chuyen trach|chi cuc|tong cuc|cuc|bo(?! (?:tri|sung|phan dau))|thu truong|chu tich|pho chu tich|giam doc|pho giam doc|truong(?! hop)|pho truong|nguoi dung dau|lanh dao|don vi|co quan|toa an|vien kiem sat|vien|hoi(?! (?:nghi|thao|dap))|doan(?! (?:ket|the duc))|lien doan|mat tran|bao hiem|kho bac|thanh tra|tinh uy|huyen uy|thanh uy|dang uy|ban chi dao|to cong tac|nhom|hoi dong|bo chi huy|ngan hang|cong ty|tong cong ty|doanh nghiep|dia phuong|nganh|chi nhanh|cong chuc|vien chuc|can bo|bo phan|xa(?! hoi)|phuong(?! (?:an|phap|thuc|cham|tien|huong))|thi tran|thon|to dan pho|khu pho|huyen|tinh(?! (?:hinh|than|chat|toan))|thanh pho|thi xa|dai|thong tan xa|bao(?! (?:cao|dam|ve|tri|hiem xa hoi))|tap doan|hiep hoi|lien hiep|lien minh|hop tac xa|benh vien|toa|kiem toan|bo tu lenh|bo chi huy|dang uy|ban quan ly|chanh van phong|thu tuong|bo truong|cuc truong|vu truong|vu|nha cung cap|nha dau tu|ho gia dinh|nguoi dan|hoc vien|dai hoc|cang vu)\b/;

const TYPE_WORD =
  /^(?:phong|don vi|co quan|so|ban|nganh|ban nganh|xa|phuong|thi tran|thon|to dan pho|khu pho|dia phuong|trung tam|to chuc|ca nhan|doanh nghiep|huyen|tinh|thanh pho|thi xa|quan|doan the|hoi|chi cuc|cuc|bo|hiep hoi)\b/;

/** True when the text starts like a unit or office-holder ("Sở …", "Các phòng …", "Chủ tịch UBND …"). */
export function startsWithUnit(text: string): boolean {
  const t = text.trim();
  if (!HEAD.test(foldAligned(t))) return false;
  return spelledAsUnit(t);
}

/**
 * Folding makes some words look like unit heads: "Số" and "Sở", "Viễn thông" and "Viện", "Phong
 * trào" and "Phòng". Where the text has its diacritics, the head word must be spelled as a unit.
 */
const HEAD_SPELLINGS: Record<string, RegExp> = {
  so: /^sở$/,
  bo: /^bộ$/,
  vien: /^viện$/,
  vu: /^vụ$/,
  cuc: /^cục$/,
  phong: /^phòng$/,
  tinh: /^tỉnh$/,
  xa: /^xã$/,
  huyen: /^huyện$/,
  hoi: /^hội$/,
  doan: /^đoàn$/,
  dai: /^(?:đài|đại)$/,
  ban: /^ban$/,
  to: /^tổ$/,
  thon: /^thôn$/,
  truong: /^(?:trưởng|trường)$/,
};

function spelledAsUnit(text: string): boolean {
  if (!/[^\p{ASCII}]/u.test(text)) return true;
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .split(/[\s,;:()]+/)
    .filter(Boolean);
  let first = words[0] ?? '';
  if (/^(?:các|những|toàn|tất)$/.test(first)) first = words[1] === 'thể' || words[1] === 'cả' ? (words[2] ?? '') : (words[1] ?? '');
  const key = foldAligned(first);
  const spelling = HEAD_SPELLINGS[key];
  return spelling ? spelling.test(first) : true;
}

/**
 * Whether a comma-separated segment only names a kind of body and so belongs to the group before
 * it: "ban", "ngành" in "Các sở, ban, ngành"; "xã", "đặc khu" in "UBND phường, xã, đặc khu".
 */
function mergesIntoGroup(current: string, next: string): boolean {
  const fn = foldAligned(next).trim();
  if (!TYPE_WORD.test(fn)) return false;
  const words = fn.split(/\s+/).length;
  const lower = !/^\p{Lu}/u.test(next.trim());
  if (words === 1) return true;
  return lower && words <= 6 && /\b(?:cac|nhung|ubnd|uy ban|chu tich|thu truong)\b/.test(foldAligned(current));
}

function splitCommas(part: string): string[] {
  const out: string[] = [];
  for (const segment of part.split(',')) {
    const seg = segment.trim();
    if (!seg) continue;
    const last = out[out.length - 1];
    const startsNew = /^(?:cac|nhung)\b/.test(foldAligned(seg)) || (startsWithUnit(seg) && !(last && mergesIntoGroup(last, seg)));
    if (last === undefined || startsNew) out.push(seg);
    else out[out.length - 1] = `${last}, ${seg}`;
  }
  return out;
}

const STRONG_HEAD =
  /^(?:cac|nhung|uy ban|ubnd|so [a-z]+|van phong|cong an|trung tam|phong [a-z]+|chi cuc|cuc|thu truong|chu tich|giam doc|toa an|vien kiem sat|kho bac|bao hiem|don vi)\b/;

function splitAnd(part: string): string[] {
  const folded = foldAligned(part);
  const re = / (?:va|voi|cung) /g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const right = part.slice(m.index + m[0].length);
    if (STRONG_HEAD.test(foldAligned(right)) && (startsUpper(right) || /^(?:cac|nhung)\b/.test(foldAligned(right)))) {
      return [part.slice(0, m.index), ...splitAnd(right)];
    }
  }
  return [part];
}

/** Splits a lead or support value into unit names, as the document writes them. */
export function splitUnits(value: string): string[] {
  const cleaned = trimPhrase(value.replace(/[^\S\n]+/g, ' '));
  if (!cleaned || /^(?:khong|-|\/|0)$/.test(foldAligned(cleaned))) return [];
  return cleaned
    .split(/[;\n]/)
    .flatMap((part) => splitCommas(part))
    .flatMap((part) => splitAnd(part))
    .map((unit) => trimPhrase(unit.replace(/^(?:giao(?: cho)?|đồng chí|do)\s+/i, '')))
    .filter((unit) => unit.length > 1);
}

const PREDICATE = new RegExp(
  String.raw`\b(?:` +
    [
      'co trach nhiem',
      'chiu trach nhiem',
      'chu tri',
      'chu dong',
      'tich cuc',
      'khan truong',
      'trien khai',
      'to chuc',
      'thuc hien',
      'tap trung',
      'phoi hop',
      'tham muu',
      'xay dung',
      'ra soat',
      'nghien cuu',
      'huong dan',
      'theo doi',
      'don doc',
      'kiem tra',
      'dam bao',
      'bao dam',
      'bao cao',
      'tiep tuc',
      'nghiem tuc',
      'can cu',
      'tren co so',
      'lam',
      'la',
      'quan triet',
      'pho bien',
      'ban hanh',
      'chi dao',
      'day manh',
      'day nhanh',
      'tang cuong',
      'cap nhat',
      'su dung',
      'ung dung',
      'de xuat',
      'tong hop',
      'bo tri',
      'cung cap',
      'hoan thanh',
      'hoan thien',
      'uu tien',
      'gui',
      'cu',
      'lap',
      'soan thao',
      'kip thoi',
      'phat huy',
      'quan ly',
      'giam sat',
      'dieu hanh',
      'tuyen truyen',
      'nang cao',
      'xu ly',
      'tiep nhan',
      'giai quyet',
      'chuan bi',
      'trinh',
      'phan cong',
      'danh gia',
      'tao dieu kien',
      'tham gia',
      'chia se',
      'duy tri',
      'can cu',
      'thong nhat',
      'rut kinh nghiem',
      'phai',
      'can phai',
      'se',
      'dinh ky',
      'thuong xuyen',
      'hang nam',
      'hang quy',
      'hang thang',
      'hang ngay',
      'ket noi',
      'van hanh',
      'to chuc thuc hien',
      'dang tai',
      'mo',
      'dua',
      'yeu cau',
      'de nghi',
      'khong',
      'trong viec',
      'voi vai tro',
      'ngay',
      'truoc ngay',
      'truoc',
      'lien he',
      'bao ve',
      'dat',
      'kiem soat',
      'theo chuc nang',
      'trong pham vi',
      'sua doi',
      'khac phuc',
      'tich hop',
      'cat giam',
      'don gian hoa',
      'giai ngan',
      'tuyen dung',
      'quan tam',
      'xem xet',
      'ho tro',
      'de',
    ]
      .sort((a, b) => b.length - a.length)
      .join('|') +
    String.raw`)\b`,
  'g',
);

/**
 * Where the unit phrase at the start of `text` ends: at the first predicate that is not part of
 * a list ("cá nhân, tổ chức") nor of a capitalised name ("Sở Xây dựng"), at an apposition
 * (" - Cơ quan thường trực …"), a parenthesis or a colon.
 */
export function unitPhraseEnd(text: string, from = 0, punctuation = true): number {
  const folded = foldAligned(text);
  const hasLower = /\p{Ll}/u.test(text);
  const stops: number[] = [];
  // An acronym in parentheses after a name ("Đài Truyền hình Việt Nam (VTV)") is part of it.
  const masked = folded.replace(/\(\s*[A-Za-z0-9Đđ&.\- ]{2,12}\s*\)/g, (m, at: number) =>
    /^\(\s*[A-ZĐ0-9&.\- ]+\s*\)$/.test(text.slice(at, at + m.length)) ? ' '.repeat(m.length) : m,
  );
  const colon = punctuation ? masked.slice(from).search(/[:(]| [-–] (?:co quan|don vi|la)\b/) : -1;
  if (colon >= 0) stops.push(from + colon);
  PREDICATE.lastIndex = from;
  for (let m = PREDICATE.exec(folded); m; m = PREDICATE.exec(folded)) {
    const before = folded.slice(0, m.index);
    const listed = /(?:,|\bva|\/|\bnha)\s*$/.test(before) && !STRONG_PREDICATE.test(folded.slice(m.index));
    if (m.index <= from || listed) continue;
    if (hasLower && startsUpper(text.slice(m.index, m.index + 1))) continue;
    stops.push(m.index);
    break;
  }
  return stops.length ? Math.min(...stops) : -1;
}

/** Words that never continue a list of units, even right after a comma ("Các bộ, ngành, khẩn trương …"). */
const STRONG_PREDICATE =
  /^(?:khan truong|chu dong|tap trung|co trach nhiem|chiu trach nhiem|chu tri|tiep tuc|nghiem tuc|thuc hien|trien khai|quyet liet|kip thoi|tham muu|tren co so|can cu|theo chuc nang)\b/;

export interface Assignment {
  units: string[];
  /** Index in the text where the assigned work starts (after the unit phrase). */
  rest: number;
  /** True for a header such as "Giao Công an tỉnh:" whose bullets are the tasks. */
  header: boolean;
}

const MAX_UNIT_PHRASE = 160;

function unitsBefore(text: string, start: number, end: number): string[] {
  if (end <= start || end - start > MAX_UNIT_PHRASE) return [];
  const phrase = text.slice(start, end);
  return startsWithUnit(phrase) ? splitUnits(phrase) : [];
}

function isHeaderEnd(text: string, at: number): boolean {
  return /^\s*:\s*$/.test(text.slice(at));
}

/** "Giao Sở Tài chính đảm bảo …", "Giao Công an tỉnh:", "Đề nghị Tòa án nhân dân tỉnh …" → the assigned units. */
export function giaoAssignment(text: string): Assignment | null {
  const m = /^\s*(?:giao(?: cho)?|de nghi|yeu cau)\s+/.exec(foldAligned(text));
  if (!m) return null;
  let end = unitPhraseEnd(text, m[0].length);
  if (end < 0) end = text.length;
  const units = unitsBefore(text, m[0].length, end);
  if (units.length === 0) return null;
  return { units, rest: end, header: isHeaderEnd(text, end) };
}

/** "Sở Nội vụ:" or "Sở Tài chính: chủ trì …" → the unit named before the colon. */
export function colonAssignment(text: string): Assignment | null {
  const colon = text.search(/[:：]/);
  if (colon <= 0 || colon > MAX_UNIT_PHRASE) return null;
  const phrase = text.slice(0, colon);
  if (unitPhraseEnd(phrase) >= 0) return null;
  const units = unitsBefore(text, 0, colon);
  if (units.length === 0) return null;
  return { units, rest: colon + 1, header: isHeaderEnd(text, colon) };
}

/** The subject of a sentence when it is a unit: "Các sở, ban ngành, địa phương chủ động …". */
export function subjectAssignment(text: string): Assignment | null {
  if (!startsWithUnit(text)) return null;
  const end = unitPhraseEnd(text);
  if (end <= 0 || text[end] === ':' || text[end] === '(') return null;
  const units = unitsBefore(text, 0, end);
  return units.length ? { units, rest: end, header: false } : null;
}

/** "…, Sở Nội vụ chủ trì, phối hợp …" → the unit that leads, named mid-sentence. */
export function chuTriClause(text: string): string[] {
  const folded = foldAligned(text);
  const at = folded.search(/ chu tri\b/);
  if (at <= 0) return [];
  const clauseStart = Math.max(folded.lastIndexOf(',', at), folded.lastIndexOf(';', at), folded.lastIndexOf(':', at)) + 1;
  return unitsBefore(text, clauseStart, at).filter((u) => startsWithUnit(u));
}

/** Support units named after "phối hợp (với)" at the start of a clause ("Chủ trì, phối hợp với …"). */
export function supportClause(text: string): string[] {
  const folded = foldAligned(text);
  const re = /(?:^|[;:]|\bchu tri,?)\s*phoi hop(?: chat che)?(?: voi| cung)?\s+/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const start = m.index + m[0].length;
    let end = unitPhraseEnd(text, start);
    const stop = folded.slice(start).search(/[;.]\s|[;.]$/);
    if (stop >= 0 && (end < 0 || start + stop < end)) end = start + stop;
    if (end < 0) end = text.length;
    const units = unitsBefore(text, start, end);
    if (units.length) return units;
  }
  return [];
}

const SUPPORT_OPEN =
  /^\s*,?\s*(?:(?:khan truong|tiep tuc|chu dong)\s+)?(?:(?:va\s+)?chu tri,?\s*(?:va\s+)?)?(?:(?:tiep tuc|chu dong)\s+)?phoi hop(?: chat che)?(?: voi| cung)?\s+/;

/**
 * Support units named after "phối hợp (với) …": at the clause's start ("Phối hợp với Sở Xây dựng
 * hướng dẫn …"), after its subject ("Sở Tài chính phối hợp với các đơn vị liên quan thẩm
 * định …") or after "chủ trì," ("…chủ trì, phối hợp với Công an tỉnh triển khai …").
 */
export function supportOf(text: string, rest = 0): string[] {
  const folded = foldAligned(text);
  const m = SUPPORT_OPEN.exec(folded.slice(rest));
  if (!m) return [];
  const start = rest + m[0].length;
  let end = unitPhraseEnd(text, start);
  const stop = folded.slice(start).search(/[;.:]\s|[;.:]$|\s[-–]\s/);
  if (stop >= 0 && (end < 0 || start + stop < end)) end = start + stop;
  if (end < 0) end = text.length;
  if (end - start > MAX_UNIT_PHRASE) return [];
  const phrase = text.slice(start, end);
  if (!startsWithUnit(phrase)) return [];
  return splitUnits(phrase).filter((u) => !/^(?:cac|nhung)$/.test(foldAligned(u)));
}

/** Verbs that open or carry an action in an assignment ("hoàn thành", "sửa đổi, bổ sung", "ban hành" …), folded. */
export const ACTION_VERB =
  /\b(?:hoan thanh|hoan tat|hoan thien|xong|trien khai|thuc hien|ban hanh|cong bo|dat|trinh|to chuc|dua vao|van hanh|ket thuc|khai truong|phe duyet|so hoa|ky ket|nghiem thu|bao cao|gui|tong ket|so ket|cham dut|xu ly|sua doi|bo sung|xay dung|ra soat|cat giam|giam|don gian hoa|tich hop|ket noi|chuan hoa|cap nhat|khac phuc|nang cap|dau tu|cung cap|giai ngan|phan bo|bo tri|lam sach|chuyen doi|dieu chinh|thanh lap|kien toan|sap xep|hop nhat|dang ky|tiep nhan|giai quyet|ap dung|su dung|ung dung|dua|phu song|day manh|trien khai thuc hien)\b/;
