/**
 * Walks a plan's outline and decides what is a task, who leads it, who supports it and when it
 * is due. The shapes are those of Vietnamese plans and directives:
 * - sections on purpose, requirements, targets, background or results hold no tasks;
 * - an item with assignment lines ("Cơ quan chủ trì / phối hợp / Thời gian thực hiện") is one
 *   task; when its sub-items carry their own lines, each sub-item is one;
 * - under a unit heading ("1. Sở Tài chính", "Giao Sở X …, thực hiện các nhiệm vụ sau:", "X chủ
 *   trì, phối hợp với Y:") every point or bullet is a task led by that unit, and a paragraph
 *   without bullets is one;
 * - an item of prose is read clause by clause ("(1) …; (2) …", a new subject after ";", an
 *   embedded "Giao X …");
 * - formulas (legal bases, "nếu có khó khăn, vướng mắc … phản ánh về …", "chịu trách nhiệm thi
 *   hành Quyết định này", lists of documents already issued) are not tasks.
 */
import { readClause, splitClauses, splitEnumeration, clauseSupport, type Clause } from './clauses.js';
import { cutAtTopLevel } from './sentences.js';
import { findDeadline, parseDue, proseDue, isDeadlineOnly } from './due.js';
import { findInlineFields, firstInlineLabel, type FieldKind } from './fields.js';
import { foldAligned, trimPhrase } from './fold.js';
import { isClosingFormula, nodeText, type OutlineNode } from './outline.js';
import { titleOf, cleanTitle } from './titles.js';
import type { Due, PlanTask } from './types.js';
import { splitUnits, startsWithUnit, unitPhraseEnd, giaoAssignment, supportOf } from './units.js';

/** Verbs a duty opens with. */
const ACTION_OPEN =
  /^(?:thuc hien|to chuc|trien khai|xay dung|ra soat|tham muu|chu tri|phoi hop|huong dan|theo doi|don doc|kiem tra|nghien cuu|day manh|tang cuong|bao dam|dam bao|hoan thanh|hoan thien|cung cap|cap nhat|ban hanh|trinh|bao cao|tong hop|de xuat|bo tri|khan truong|tap trung|tiep tuc|chu dong|quan triet|pho bien|tuyen truyen|nang cao|ung dung|dau tu|ket noi|so hoa|chuan hoa|khao sat|danh gia|giam sat|lap|sua doi|bo sung)\b/;

export type SectionKind = 'skip' | 'content' | 'closing' | 'funding';

export interface Ctx {
  ref: string[];
  lead: string[];
  support: string[];
  /** True when `lead` comes from a unit heading or lead-in: each item below belongs to it. */
  assigned: boolean;
  /** Addressees of the whole document ("… yêu cầu Thủ trưởng các sở … thực hiện nội dung sau:"). */
  fallbackLead: string[];
  defaultYear: number | null;
  section: SectionKind;
  /** A time given by the heading over a list ("…, hoàn thành trong tháng 11 năm 2025, cụ thể:"), for items without their own. */
  due?: Due;
}

/** Stands in for a semicolon that must not cut a clause (a private-use character no document has). */
const SHIELD = '\uE000';

const SKIP_WORDS =
  /^(?:ve\s+)?(?:muc dich|yeu cau(?! chung)|thoi gian(?: thuc hien)?(?: va pham vi)?$|muc tieu|quan diem|can cu|chi tieu|pham vi|doi tuong|boi canh|su can thiet|ket qua(?: dat duoc| thuc hien)?|tinh hinh|danh gia|thuc trang|ton tai|han che|nguyen nhan|dinh huong|tam nhin|giai thich|tu ngu)\b/;
const CLOSING_WORDS =
  /^(?:ve\s+)?(?:to chuc thuc hien|trach nhiem(?: thuc hien| cua)?|phan cong|che do (?:thong tin )?bao cao|dieu khoan|theo doi|kiem tra|hieu luc)/;
const FUNDING_WORDS = /^(?:ve\s+)?(?:kinh phi|nguon kinh phi|nguon von|nguon ngan sach|nguon luc|bao dam kinh phi|dam bao kinh phi|tai chinh)/;

/** What a section or heading holds, judged by its title. */
export function sectionKind(title: string): SectionKind {
  const folded = foldAligned(title)
    .replace(/[.:;]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (SKIP_WORDS.test(folded)) return 'skip';
  if (FUNDING_WORDS.test(folded)) return 'funding';
  if (CLOSING_WORDS.test(folded)) return 'closing';
  return 'content';
}

/** "Ngân sách Thành phố đảm bảo kinh phí …", "Kinh phí thực hiện được bố trí …": where money comes from, not a duty. */
function isFundingStatement(text: string): boolean {
  const folded = foldAligned(text).trim();
  if (/^(?:ngan sach|kinh phi|(?:cac )?nguon(?: kinh phi| von| ngan sach| quy)?|von)\b/.test(folded)) return true;
  // "Việc triển khai Kế hoạch này phải được thực hiện …": a statement about the work, not a duty.
  return /^viec\s/.test(folded) && !findDeadline(text);
}

/** "Quyết định số 1381/QĐ-BVHTTDL ngày 15/5/2025 của …": a document cited, not a duty. */
function isCitation(text: string): boolean {
  return /^(?:(?:quyet dinh|ke hoach|cong van|nghi quyet|thong bao|chi thi|nghi dinh|thong tu|luat|cong dien|van ban|ket luan|to trinh|bao cao)\s+(?:so\s*)?:?\s*\d+[\w.]*\/)/.test(
    foldAligned(text).trim(),
  );
}

/** Formulas that every plan carries and that assign nothing. */
function isBoilerplate(text: string): boolean {
  const folded = foldAligned(text);
  if (/\b(?:neu|khi) co (?:phat sinh )?(?:kho khan|vuong mac)|qua trinh (?:to chuc )?thuc hien[^.;]{0,60}(?:kho khan|vuong mac)/.test(folded)) return true;
  if (/chiu trach nhiem thi hanh (?:quyet dinh|chi thi|van ban) nay/.test(folded)) return true;
  if (/^(?:quyet dinh|chi thi|ke hoach) nay co hieu luc/.test(folded.trim())) return true;
  if (/^ban hanh kem theo (?:quyet dinh|chi thi) nay/.test(folded.trim())) return true;
  return isClosingFormula(text);
}

/** The text without its formula sentences ("Trong quá trình thực hiện, nếu có vướng mắc … phản ánh về …"). */
export function stripBoilerplate(text: string): string {
  const sentences = text.split(/(?<=[.!?)])\s+(?=[\p{Lu}(])/u);
  return sentences
    .filter((s) => !isBoilerplate(s))
    .join(' ')
    .trim();
}

const isItem = (n: OutlineNode): boolean => ['roman', 'number', 'letter', 'paren', 'bullet', 'article'].includes(n.kind);
const isField = (n: OutlineNode): boolean => n.kind === 'field';

function fieldsOf(n: OutlineNode, kind: FieldKind): string[] {
  const out: string[] = [];
  for (const child of n.children.filter(isField)) {
    child.fields.forEach((field, i) => {
      if (field.kind !== kind) return;
      const sub = i === child.fields.length - 1 ? child.children.filter((c) => c.kind !== 'field').map((c) => nodeText(c, true)) : [];
      out.push([field.value, ...sub].filter(Boolean).join(kind === 'lead' || kind === 'support' ? '; ' : '\n'));
    });
  }
  return out.filter((v) => v.trim());
}

const hasTaskFields = (n: OutlineNode): boolean =>
  n.children.some((c) => isField(c) && c.fields.some((f) => f.kind === 'lead' || f.kind === 'support' || f.kind === 'time' || f.kind === 'content'));

const hasActorFields = (n: OutlineNode): boolean =>
  n.children.some((c) => isField(c) && c.fields.some((f) => f.kind === 'lead' || f.kind === 'support' || f.kind === 'time'));

function make(
  ctx: Context2,
  text: string,
  given: { title?: string; lead: string[]; support: string[]; due: Due; product?: string; titleFrom?: number },
): PlanTask {
  // "Trên đây là …, Ban Chỉ đạo đề nghị …": the closing's preamble is not the task's name.
  if (given.title === undefined && /^trên đây là[^,]{0,120},\s*/i.test(text)) given = { ...given, title: text.replace(/^trên đây là[^,]{0,120},\s*/i, '') };
  const inherit = ctx.due && ((given.due.kind === 'none' && !given.due.text) || (ctx.due.kind === 'date' && given.due.kind === 'ongoing'));
  const fields = inherit && ctx.due ? { ...given, due: ctx.due } : given;
  // A time given in parentheses ("(vào ngày 08 tháng cuối quý …)") goes to the due, not the title.
  const source = (fields.title ?? text).replace(/\s*\((?:[^()]*\d[^()]*)\)/g, (m) => (/\b(?:ngày|ngay|tháng|thang|quý|quy|năm|nam)\b/i.test(m) ? '' : m));
  const { title, cut } = titleOf(cleanTitle(source), fields.titleFrom !== undefined ? { from: fields.titleFrom } : {});
  const body = text.replace(/\s+\n/g, '\n').trim();
  const doubts: Array<'lead' | 'due' | 'title'> = [];
  if (fields.lead.length === 0) doubts.push('lead');
  if (fields.due.kind === 'none') doubts.push('due');
  if (cut) doubts.push('title');
  return {
    ref: ctx.ref.join('.'),
    title,
    lead: fields.lead,
    support: fields.support,
    due: fields.due,
    ...(fields.product ? { product: fields.product } : {}),
    ...(body && body !== title ? { body } : {}),
    ...(doubts.length ? { doubts } : {}),
  };
}

type Context2 = Ctx;

/** Lead named by a field value such as "Bộ Công an tiến hành rà soát …; các bộ … rà soát …". */
function leadFromField(value: string): string[] {
  const trimmed = value
    .replace(/\s+(?:theo (?:chuc nang|tham quyen|quy dinh|nhiem vu)|trong pham vi|can cu)\b.*$/su, (m) => m)
    .replace(/\s+(?:theo chức năng|theo thẩm quyền|theo chuc nang|theo tham quyen|trong phạm vi|trong pham vi|căn cứ|can cu)\b.*$/isu, '');
  const parts = trimmed.split(/;\s*/).map((part) => {
    const end = unitPhraseEnd(part);
    return end > 0 && part.length > 100 && startsWithUnit(part) ? part.slice(0, end) : part;
  });
  return parts.flatMap((p) => splitUnits(p));
}

interface LeadValue {
  lead: string[];
  support: string[];
  /** A whole duty written in the lead line ("+ Sở Xây dựng đăng tải thông điệp …"). */
  duty: boolean;
}

/** "Sở Nội vụ chủ trì, phối hợp với các sở, …" → lead and support; a line with more to do is a duty. */
function readLeadValue(value: string): LeadValue {
  // A short list of units stays whole ("Phòng xây dựng, kiểm tra VBQPPL", "công chức trực tiếp nhận, trả kết quả …").
  const clause = /\b(?:chu tri|phoi hop)\b/.test(foldAligned(value)) || value.length > 100 ? readClause(value) : null;
  if (!clause?.subject.length) return { lead: leadFromField(value), support: [], duty: false };
  const support = supportOf(value, clause.rest);
  const rest = foldAligned(value.slice(clause.rest))
    .replace(/^\s*,?\s*(?:va\s+)?chu tri,?\s*/, '')
    .replace(/^\s*,?\s*phoi hop(?: chat che)?(?: voi| cung)?\s+/, '')
    .replace(/[.;,\s]+$/, '');
  const after = support.length ? rest.slice(Math.min(rest.length, foldAligned(support.join(', ')).length)) : rest;
  const words = after
    .replace(/\b(?:va|cac|don vi|co lien quan|lien quan)\b/g, ' ')
    .split(/\s+/)
    .filter((w) => /[a-z]/.test(w)).length;
  return { lead: clause.subject, support, duty: !support.length && words >= 3 };
}

/** An item whose assignment lines say who leads, who supports and when. */
function fieldedTask(n: OutlineNode, ctx: Ctx): PlanTask[] {
  const content = fieldsOf(n, 'content');
  const fieldNodes = n.children.filter(isField);
  const inlineContent = fieldNodes
    .flatMap((c) => c.fields)
    .find((f) => f.kind === 'content' && f.value.trim() && !/^(?:bao gom|gom|trong do|cu the)\b/.test(foldAligned(f.value).trim()))?.value;
  // "- Nội dung:" over "+" points: the first point names the task.
  const listedContent = fieldNodes.find((c) => c.fields.some((f) => f.kind === 'content' && !f.value.trim()))?.children.find((c) => c.kind !== 'field');
  const heading = n.text;
  const isLabelOnly = /^(?:hoat dong|nhiem vu|noi dung)\s*\d*\s*[:.]?$/.test(foldAligned(heading).trim());
  const title = inlineContent || (isLabelOnly ? '' : heading) || (listedContent ? listedContent.text : '') || heading || content[0] || '';
  let lead: string[] = [];
  let leadSupport: string[] = [];
  const extra: PlanTask[] = [];
  for (const c of fieldNodes) {
    c.fields.forEach((field, i) => {
      if (field.kind !== 'lead') return;
      const values = field.value.trim() ? [field.value] : i === c.fields.length - 1 ? c.children.filter((x) => x.kind !== 'field').map((x) => x.text) : [];
      values.forEach((value, k) => {
        const read = readLeadValue(value);
        if (read.duty && (k > 0 || values.length > 1)) {
          extra.push(...proseTasks(value, { ...ctx, ref: [...ctx.ref, String(extra.length + 2)] }));
          return;
        }
        lead.push(...read.lead);
        leadSupport.push(...read.support);
      });
    });
  }
  lead = [...new Set(lead)];
  leadSupport = [...new Set(leadSupport)];
  const support = fieldsOf(n, 'support').flatMap(splitUnits);
  const time = fieldsOf(n, 'time')[0];
  const product = fieldsOf(n, 'product').map(cleanTitle).join('; ');
  const body = [heading, ...content, ...n.children.filter((c) => c.kind === 'text').map((c) => c.text)].filter(Boolean).join('\n');
  const due = time ? parseDue(time, { defaultYear: ctx.defaultYear }) : proseDue(body, ctx.defaultYear);
  const main = make(ctx, body, {
    title,
    lead: lead.length ? lead : ctx.lead.length ? ctx.lead : ctx.fallbackLead,
    support: support.length ? support : leadSupport.length ? leadSupport : ctx.support,
    due,
    ...(product ? { product } : {}),
  });
  return [main, ...extra.map((t) => (t.due.kind === 'none' && due.kind !== 'none' ? { ...t, due } : t))];
}

export interface UnitHeading {
  lead: string[];
  support: string[];
}

const LEAD_IN_TAIL =
  /^(?:\s*,?\s*(?:(?:co trach nhiem|chiu trach nhiem|khan truong|tap trung|chu dong|nghiem tuc|tiep tuc|tham muu|thuc hien|trien khai|to chuc|to chuc thuc hien|thuc hien tot|chu tri|va)\b|cac (?:nhiem vu|noi dung|cong viec|giai phap)|nhiem vu|noi dung|cu the|chinh|trong tam|nhu sau|sau|sau day|duoi day|gom|bao gom|theo|chuc nang|nhiem vu duoc giao|[,:;.()]|\s))*$/;

/**
 * A heading that names who does the items under it: "Sở Khoa học và Công nghệ", "Sở Tài chính
 * (cơ quan chủ trì)", "Giao Sở Nội vụ:", "Đối với Ủy ban nhân dân các xã:", "Trách nhiệm của
 * các sở", "Sở X chủ trì, phối hợp với Sở Y:", "Giao Sở X …, tổ chức thực hiện các nhiệm vụ sau:".
 */
export function unitHeading(text: string): UnitHeading | null {
  let t = text
    .trim()
    .replace(/\s*\([^()]*\)\s*(:?)\s*$/, '$1')
    .trim();
  t = t.replace(/\s*\([^)]*(?:chu tri|thuong truc|dau moi)[^)]*\)\s*/i, ' ').trim();
  const folded = foldAligned(t);
  const owner = /^(?:trach nhiem cua|nhiem vu cua|doi voi)\s+/.exec(folded);
  // "Đối với X" names an owner only when X is a body ("Đối với UBND các xã"), not a topic ("Đối với công tác …").
  if (owner && (!/^doi voi/.test(folded) || startsWithUnit(t.slice(owner[0].length)))) {
    // "Trách nhiệm của đối tượng thực hiện kiểm kê:" names the owner, whatever kind of body it is.
    const named = t.slice(owner[0].length).replace(/[\s:.]+$/, '');
    if (named && named.length <= 160 && !/[.;]/.test(named)) return { lead: splitUnits(named), support: [] };
  }
  const lead = /^(?:giao cho|giao|de nghi|yeu cau)\s+/.exec(folded);
  const start = lead ? lead[0].length : 0;
  const phrase = t.slice(start);
  if (!startsWithUnit(phrase)) return null;
  const endsWithColon = /:\s*$/.test(t);
  const words = phrase.split(/\s+/).length;
  // A heading that is only a name ("Các cơ quan tham mưu quản lý ngành, lĩnh vực"): no clause-making verb.
  if (!lead && !endsWithColon && words <= 20 && !/[.;]$/.test(t) && !HEADING_VERB.test(foldAligned(phrase))) {
    const units = splitUnits(phrase.replace(/\s+[-–]\s+(?:cơ quan|co quan|đơn vị|don vi|là|la)\s.*$/i, ''));
    if (units.length) return { lead: units, support: [] };
  }
  if (lead && endsWithColon && !HEADING_VERB.test(foldAligned(phrase)) && phrase.length <= 200) {
    const units = splitUnits(phrase.replace(/[\s:]+$/, ''));
    if (units.length) return { lead: units, support: [] };
  }
  const end = unitPhraseEnd(phrase);
  const unitsEnd = end < 0 ? phrase.length : end;
  const unitsText = phrase.slice(0, unitsEnd).replace(/[\s:]+$/, '');
  const tail = phrase.slice(unitsEnd);
  const foldedTail = foldAligned(tail);
  const support = supportOf(phrase, unitsEnd);
  let rest = foldedTail;
  if (support.length) rest = foldedTail.replace(/^\s*,?\s*(?:chu tri,?\s*)?phoi hop(?: chat che)?(?: voi| cung)?\s+/, '').slice(support.join(', ').length + 2);
  const bareName = end < 0 && !/[.;]$/.test(t) && t.length <= 200;
  const leadIn = endsWithColon && LEAD_IN_TAIL.test(rest);
  if (!bareName && !leadIn && !(lead && endsWithColon)) return null;
  const units = splitUnits(unitsText);
  return units.length ? { lead: units, support } : null;
}

/** Verbs that make a heading a clause rather than a name. */
const HEADING_VERB =
  /\b(?:chu tri|phoi hop|co trach nhiem|chiu trach nhiem|thuc hien|trien khai|to chuc thuc hien|khan truong|tap trung|chu dong|tiep tuc|bao cao|xay dung|ban hanh|hoan thanh|dam bao|bao dam|huong dan|theo doi|don doc|la co quan)\b/;

/**
 * "Về tăng cường …: giao Bộ X …" or "Đẩy mạnh …: Các bộ khẩn trương …": a topic, then the body.
 * The topic is the title; a unit before the colon ("Bộ Xây dựng: Khẩn trương …") is a lead instead.
 */
function splitTopic(text: string): { topic: string; body: string } | null {
  // The colon that hands the work out ("…: giao Bộ Nội vụ …") ends the topic, even after another colon.
  const handing = /^(.{6,420}?):\s+((?:giao|đề nghị|de nghi|yêu cầu|yeu cau)\s.*)$/is.exec(text);
  const m = handing ?? /^(.{6,420}?):\s+(\S.*)$/s.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const topic = m[1];
  if (startsWithUnit(topic) && unitPhraseEnd(topic) < 0) return null;
  // "Về <kiến nghị> …:" may run long; other topics are short.
  const limit = /^(?:ve|doi voi)\s/.test(foldAligned(topic)) ? 420 : 160;
  if (topic.length > limit || readClause(topic).subject.length > 0) return null;
  if (/\(\s*\d+\s*\)|^\(/.test(topic)) return null;
  return { topic, body: m[2] };
}

interface Draft {
  /** Where the title's sentence stops may start (past an opening "Sở X: "). */
  titleFrom?: number;
  /** Started because its first clause names a new subject (may fold back into the one before). */
  bySubject?: boolean;
  /** A time-led sentence that followed untimed clauses of the same actor. */
  afterUntimed?: boolean;
  clauses: Clause[];
  lead: string[];
  support: string[];
  title?: string;
  dueFrom: string;
}

function draftTask(ctx: Ctx, draft: Draft, refSuffix: string | null): PlanTask {
  const text = draft.clauses.map((c) => c.text).reduce((acc, c) => (acc ? (/\.$/.test(acc) ? `${acc} ${c}` : `${acc}; ${c}`) : c), '');
  // A generic opening clause ("… có trách nhiệm phổ biến Kế hoạch này") does not name the task.
  const named = draft.clauses.findIndex((c) => !isGeneric(c.text));
  if (!draft.title && named > 0)
    draft = {
      ...draft,
      title: draft.clauses
        .slice(named)
        .map((c) => c.text)
        .join('; '),
    };
  const due = proseDue(draft.dueFrom, ctx.defaultYear);
  const refCtx = refSuffix ? { ...ctx, ref: [...ctx.ref, refSuffix] } : ctx;
  return make(refCtx, text, {
    ...(draft.title ? { title: draft.title } : {}),
    ...(draft.titleFrom !== undefined ? { titleFrom: draft.titleFrom } : {}),
    lead: draft.lead,
    support: draft.support,
    due,
  });
}

/** Who leads a clause: its own subject first, then what the context hands down. */
function leadFor(clause: Clause, ctx: Ctx): string[] {
  // Under a unit's heading, "Yêu cầu các cơ quan báo chí …" is that unit's request: the unit leads.
  if (clause.asks && ctx.assigned && ctx.lead.length) return ctx.lead;
  if (clause.subject.length) return clause.subject;
  if (ctx.lead.length) return ctx.lead;
  return ctx.fallbackLead;
}

/**
 * Tasks of one piece of prose. `title` is the heading the text belongs to, if any (then the
 * first task takes it as title). New tasks start at a clause with its own subject different from
 * the one in force, at an embedded "Giao X …", and at a later clause with its own deadline when
 * the task already has one.
 */
export function proseTasks(text: string, ctx: Ctx, title?: string): PlanTask[] {
  const inline = inlineFieldTask(text.trim(), ctx, title);
  if (inline) return [inline];
  const clean = text.trim();
  if (!clean) return [];
  let heading = title;
  let body = clean;
  let inner = ctx;
  let titleFrom: number | undefined;
  const colonUnit = /^([^:]{3,160}):\s+(\S.*)$/s.exec(body);
  // "Các sở: Nông nghiệp và Môi trường, Xây dựng, … có ý kiến …" names its bodies after the colon (see readClause).
  const genericPlural = colonUnit?.[1] ? /^\s*(?:cac|nhung)\s+\S+(?:\s+\S+)?\s*$/.test(foldAligned(colonUnit[1])) : false;
  if (colonUnit?.[1] && colonUnit[2] && !genericPlural) {
    const heads = unitHeading(`${colonUnit[1]}:`);
    if (heads) {
      inner = { ...ctx, lead: heads.lead, support: heads.support.length ? heads.support : ctx.support, assigned: true };
      body = colonUnit[2];
      // "Sở Xây dựng: hướng dẫn …" reads as one sentence: the unit stays in the title.
      if (!heading && /^\p{Ll}/u.test(body)) {
        heading = clean;
        titleFrom = colonUnit[1].length + 2;
      }
    }
  }
  const enumeration = splitEnumeration(body);
  if (enumeration && enumeration.items.length >= 2) {
    if (!enumerationIsDuties(enumeration.intro, enumeration.items)) return clauseTasks(body, inner, heading, true);
    const intro = enumeration.intro.replace(/[:\s]+$/, '');
    const introHead = intro ? unitHeading(`${intro}:`) : null;
    const introClause = intro ? readClause(intro) : null;
    const lead = introHead?.lead ?? (introClause?.subject.length ? introClause.subject : null);
    const enumCtx: Ctx = lead ? { ...inner, lead, support: introHead?.support ?? inner.support, assigned: true } : inner;
    return enumeration.items.flatMap((item, i) => {
      const itemCtx: Ctx = { ...enumCtx, ref: [...ctx.ref, String(i + 1)] };
      return splitEnumeration(item) ? proseTasks(item, itemCtx) : clauseTasks(item, itemCtx, undefined);
    });
  }
  if (!heading && body === clean) {
    const topic = splitTopic(clean);
    if (topic) {
      // A short topic ("Báo cáo tháng: Sở Tài chính tổng hợp …") stays in the title with its sentence.
      if (topic.topic.length < 20) heading = clean;
      else heading = topic.topic;
      body = topic.body;
    }
  }
  return clauseTasks(body, inner, heading, false, titleFrom);
}

/**
 * "Xây dựng quy chế … (Đơn vị chủ trì: Văn phòng Sở; phối hợp: …; thời gian: tháng 10/2025)":
 * assignment lines written in parentheses after the task.
 */
function inlineFieldTask(text: string, ctx: Ctx, title?: string): PlanTask | null {
  const m = /\(([^()]*(?:chủ trì|chu tri|thực hiện|thuc hien|phối hợp|phoi hop|thời gian|thoi gian|thời hạn|thoi han)[^()]*:[^()]*)\)[.;\s]*$/i.exec(text);
  const asClause = inlineClauseTask(text, ctx, title);
  if (asClause) return asClause;
  if (!m?.[1]) return trailingFieldTask(text, ctx, title);
  const fields = findInlineFields(m[1]);
  if (!fields.some((f) => f.kind === 'lead' || f.kind === 'time')) return null;
  const named = (kind: FieldKind): string[] => fields.filter((f) => f.kind === kind).flatMap((f) => splitUnits(f.value));
  const time = fields.find((f) => f.kind === 'time');
  const product = fields.find((f) => f.kind === 'product');
  const head = text.slice(0, m.index).trim();
  return make(ctx, text, {
    title: title ?? head,
    lead: named('lead').length ? named('lead') : ctx.lead.length ? ctx.lead : ctx.fallbackLead,
    support: named('support'),
    due: time ? parseDue(time.value, { defaultYear: ctx.defaultYear }) : proseDue(head, ctx.defaultYear),
    ...(product ? { product: cleanTitle(product.value) } : {}),
  });
}

/**
 * "Xây dựng báo cáo tổng kết. Đơn vị chủ trì: Văn phòng Sở. Thời gian: trước 15/12/2026.": the
 * labelled fields written as sentences after the task, with no parentheses. Read only when the
 * task's own text comes first and everything after it is fields.
 */
function trailingFieldTask(text: string, ctx: Ctx, title?: string): PlanTask | null {
  const at = firstInlineLabel(text);
  if (at < 10) return null;
  const head = text.slice(0, at).trim();
  if (!/[.;]$/.test(head)) return null;
  const fields = findInlineFields(text.slice(at));
  if (!fields.some((f) => f.kind === 'lead')) return null;
  const named = (kind: FieldKind): string[] => fields.filter((f) => f.kind === kind).flatMap((f) => splitUnits(f.value));
  const time = fields.find((f) => f.kind === 'time');
  const product = fields.find((f) => f.kind === 'product');
  const cleanHead = head.replace(/[.;]+$/, '');
  return make(ctx, text, {
    title: title ?? cleanHead,
    lead: named('lead'),
    support: named('support'),
    due: time ? parseDue(time.value, { defaultYear: ctx.defaultYear }) : proseDue(cleanHead, ctx.defaultYear),
    ...(product ? { product: cleanTitle(product.value) } : {}),
  });
}

/**
 * "Rà soát quy định … (Sở Tư pháp chủ trì, phối hợp Sở Nội vụ; hoàn thành trong Quý I/2026)":
 * the assignment written as a clause in parentheses after the task, its time after a semicolon.
 */
function inlineClauseTask(text: string, ctx: Ctx, title?: string): PlanTask | null {
  const m = /\(([^()]{3,300})\)[.;\s]*$/.exec(text);
  const inside = m?.[1]?.trim();
  if (!m || !inside || !startsWithUnit(inside)) return null;
  const [first = '', ...rest] = inside.split(';');
  // "(Đơn vị chủ trì: …; …)" is the labelled form, read by inlineFieldTask.
  if (first.includes(':')) return null;
  const clause = readClause(first);
  if (!clause.subject.length || !/^\s*(?:chu tri|thuc hien|tham muu|phu trach)\b/.test(foldAligned(first.slice(clause.rest)))) return null;
  const head = text.slice(0, m.index).trim();
  const fields = rest.flatMap((part) => findInlineFields(part));
  const time = fields.find((f) => f.kind === 'time');
  const product = fields.find((f) => f.kind === 'product');
  const due = time ? parseDue(time.value, { defaultYear: ctx.defaultYear }) : proseDue(rest.join(';') || head, ctx.defaultYear);
  return make(ctx, text, {
    title: title ?? head,
    lead: clause.subject,
    support: supportOf(first, clause.rest),
    due,
    ...(product ? { product: cleanTitle(product.value) } : {}),
  });
}

/** Whether "(1) … (2) …" lists separate duties rather than spelling out one duty's content. */
function enumerationIsDuties(intro: string, items: string[]): boolean {
  if (!intro) return true;
  const folded = foldAligned(intro).replace(/[:\s]+$/, '');
  if (unitHeading(`${intro.replace(/[:\s]+$/, '')}:`)) return true;
  const clause = readClause(intro);
  const action = clause.subject.length ? folded.slice(clause.rest) : folded;
  const words = action.split(/\s+/).filter(Boolean).length;
  if (/\b(?:gom|bao gom|voi \d+|cac chuc nang|sau day)\b/.test(action) && !clause.subject.length) return false;
  // "giải quyết 03 vấn đề tồn đọng: (i) …": the items spell out what was counted.
  if (/\b\d{1,2} [a-z]+/.test(action)) return false;
  if (words <= 5) return true;
  // A topic heading before the clauses ("Khẩn trương xây dựng …: (1) Thanh tra Chính phủ ban hành …").
  return items.filter((it) => readClause(it).subject.length > 0).length >= Math.ceil(items.length / 2);
}

/** Joins a clause that only names units ("Trưởng các phòng, đơn vị thuộc Sở;") to the clause it is the subject of. */
function joinSubjectLists(parts: string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const part of parts) {
    const bare = startsWithUnit(part) && unitPhraseEnd(part) < 0 && part.length < 160;
    if (bare) {
      pending = pending ? `${pending}; ${part}` : part;
      continue;
    }
    out.push(pending ? `${pending}; ${part}` : part);
    pending = '';
  }
  if (pending) out.push(pending);
  return out;
}

const TIME_LED = /^(?:dinh ky|hang (?:nam|quy|thang|tuan)|truoc ngay|cham nhat|trong (?:thang|quy|nam)|thoi gian|thoi han)\b/;

function clauseTasks(text: string, ctx: Ctx, title: string | undefined, whole = false, titleFrom?: number): PlanTask[] {
  // A numbered list that spells out one duty's content stays in one piece; so does a subject that
  // lists bodies with semicolons ("yêu cầu các Bộ: Nông nghiệp và Môi trường; Xây dựng; … xây dựng …").
  const opening = readClause(text);
  const guarded =
    opening.subject.length && text.slice(0, opening.rest).includes(';') ? text.slice(0, opening.rest).replace(/;/g, SHIELD) + text.slice(opening.rest) : text;
  const pieces = (whole ? [text] : cutAtTopLevel(guarded).map((p) => p.replaceAll(SHIELD, ';'))).filter((c) => /\p{L}/u.test(c));
  const sentenceStart = pieces.map((_, i) => i === 0 || /\.$/.test(pieces[i - 1] ?? ''));
  const joined = joinSubjectLists(pieces.map((p) => p.replace(/;\s*$/, '')));
  const bare = (t: string): string => t.replace(/[.;\s]+$/, '');
  const startsSentence = (c: string): boolean => sentenceStart[pieces.findIndex((p) => bare(p).endsWith(bare(c).slice(-20)))] ?? false;
  const clauses = joined.map(readClause);
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  for (const clause of clauses) {
    const deadlineOnly = isDeadlineOnly(clause.text);
    const own = findDeadline(clause.text, { defaultYear: ctx.defaultYear }) !== null;
    // A new subject, or the same one named again at the start of a new sentence ("… . Sau khi …, Bộ Tài chính …").
    const restated: boolean = clause.subject.length > 0 && current !== null && startsSentence(clause.text) && !clause.asks;
    const newSubject: boolean = clause.subject.length > 0 && current !== null && (!sameUnits(clause.subject, current.lead) || restated);
    const currentTimed: boolean = current !== null && proseDue(current.dueFrom, ctx.defaultYear).kind !== 'none';
    const secondDeadline: boolean = current !== null && own && !deadlineOnly && currentTimed;
    // "Định kỳ hằng quý … báo cáo …" as a sentence of its own: the scheduled duty after untimed ones.
    const timedSentence: boolean =
      current !== null &&
      !currentTimed &&
      !deadlineOnly &&
      isGeneric(current.clauses[0]?.text ?? '') &&
      startsSentence(clause.text) &&
      TIME_LED.test(foldAligned(clause.text));
    if (current === null || (newSubject && !deadlineOnly) || (clause.giao && current !== null) || secondDeadline || timedSentence) {
      const continuing: boolean = current !== null && !clause.subject.length && !clause.giao;
      const bySubject: boolean = current !== null && newSubject && !clause.giao && !secondDeadline;
      current = {
        ...(bySubject ? { bySubject } : {}),
        ...(timedSentence ? { afterUntimed: true } : {}),
        clauses: [clause],
        lead: continuing && current ? current.lead : leadFor(clause, ctx),
        support: clauseSupport(clause).length ? clauseSupport(clause) : clause.subject.length ? [] : ctx.support,
        dueFrom: clause.text,
        ...(drafts.length === 0 && title ? { title } : {}),
        ...(drafts.length === 0 && title && titleFrom !== undefined ? { titleFrom } : {}),
      };
      drafts.push(current);
    } else {
      current.clauses.push(clause);
      current.dueFrom += /\.$/.test(current.dueFrom) ? ` ${clause.text}` : `; ${clause.text}`;
      if (current.support.length === 0 && !clause.subject.length) {
        const s = clauseSupport(clause);
        if (s.length && current.clauses.length <= 2) current.support = s;
      }
    }
  }
  const merged: Draft[] = [];
  for (const d of drafts) {
    const prev = merged[merged.length - 1];
    const timeless = proseDue(d.dueFrom, ctx.defaultYear).kind === 'none' && !d.clauses[0]?.giao;
    // A new subject that only answers for the duty before it ("…; người đứng đầu … chịu trách nhiệm …").
    if (prev && d.bySubject && timeless && isGeneric(d.clauses[0]?.text ?? '')) {
      prev.clauses.push(...d.clauses);
      prev.dueFrom += `; ${d.dueFrom}`;
      continue;
    }
    merged.push(d);
  }
  const untimed = (d: Draft): boolean => proseDue(d.dueFrom, ctx.defaultYear).kind === 'none';
  return merged
    .filter((d, i) => {
      if (!untimed(d)) return true;
      if (d.clauses.every((c) => isGeneric(c.text))) return false;
      // Untimed duties that open with a generic clause, before the scheduled one of the same paragraph.
      return !(isGeneric(d.clauses[0]?.text ?? '') && merged[i + 1]?.afterUntimed);
    })
    .map((d, i) => draftTask(ctx, d, i === 0 ? null : String.fromCharCode(97 + i)));
}

/**
 * A clause that hands out no particular work: "… có trách nhiệm tổ chức thực hiện Kế hoạch
 * này", "… phát huy tính chủ động … thực hiện tốt các nhiệm vụ được phân công", "… chịu trách
 * nhiệm trước …". Without a time of its own, it is not a task to chase.
 */
function isGeneric(text: string): boolean {
  const folded = foldAligned(text);
  const s = readClause(text);
  const action = folded.slice(s.rest).replace(/^[\s,]+/, '');
  if (/^(?:chiu trach nhiem|co trach nhiem) (?:truoc|ve|toan dien)\b/.test(action)) return true;
  if (/phat huy tinh chu dong/.test(action) && /nhiem vu duoc (?:giao|phan cong)/.test(action)) return true;
  if (
    /^(?:can cu chuc nang,? nhiem vu(?: duoc giao)?,?\s*)?(?:chu dong\s*)?phoi hop(?: chat che)?\b.{0,90}\b(?:trien khai|thuc hien)(?: thuc hien)? (?:cac |nhung )?nhiem vu duoc (?:giao|phan cong)$/.test(
      action.replace(/[.;,\s]+$/, ''),
    )
  )
    return true;
  if (
    /^(?:co trach nhiem |chiu trach nhiem |khan truong |nghiem tuc |chu dong )*(?:to chuc |trien khai |chi dao )*thuc hien(?: nghiem| nghiem tuc| tot| co hieu qua| hieu qua| dung)?(?: cac| nhung)?(?: noi dung| nhiem vu)?(?: duoc giao| duoc phan cong)?(?: tai| cua| theo| trong)? (?:ke hoach|chi thi|cong van|quyet dinh|thong bao|van ban) nay\b/.test(
      action,
    )
  )
    return true;
  if (
    /^(?:co trach nhiem |chiu trach nhiem )?(?:to chuc |chi dao )?(?:(?:pho bien|quan triet|trien khai|thuc hien|tuyen truyen)(?:,| va)?\s*)+(?:noi dung |cac noi dung )?(?:cua )?(?:ke hoach|chi thi|quyet dinh|cong van|van ban) nay\b/.test(
      action,
    )
  )
    return true;
  return false;
}

function sameUnits(a: string[], b: string[]): boolean {
  const norm = (xs: string[]): string =>
    xs
      .map((x) => foldAligned(x).replace(/\s+/g, ' ').trim())
      .sort()
      .join('|');
  return norm(a) === norm(b);
}

/** Tasks of one item of a section's body. */
export function itemTasks(n: OutlineNode, ctx: Ctx): PlanTask[] {
  if (n.kind === 'table' || n.kind === 'caps') return [];
  const heading = stripBoilerplate(n.text.trim());
  if (!heading && n.text.trim() && n.children.length === 0) return [];
  if (heading && (isCitation(heading) || isFundingStatement(heading))) return [];
  // Only a short title names a section ("Mục đích", "Kinh phí thực hiện"); a sentence does not.
  const kind = n.kind === 'bullet' || n.kind === 'paren' || heading.length > 90 ? 'content' : sectionKind(heading);
  if (kind === 'skip') return [];
  const here: Ctx = kind === 'content' ? ctx : { ...ctx, section: kind };
  const items = n.children.filter(isItem);
  const texts = n.children
    .filter((c) => c.kind === 'text')
    .map((c) => ({ ...c, text: stripBoilerplate(c.text) }))
    .filter((c) => c.text);
  const child = (c: OutlineNode, inner: Ctx, i: number): Ctx => {
    const label = c.kind === 'bullet' || !c.label ? String(i + 1) : c.label;
    // "1.3.1" already carries its parents' numbers: keep only the section before it.
    if (label.includes('.')) return { ...inner, ref: [...inner.ref.filter((r) => /^[IVX]+$/.test(r)).slice(0, 1), label] };
    return { ...inner, ref: [...inner.ref, label] };
  };

  const heads = heading ? unitHeading(heading) : null;
  if (heads && (items.length > 0 || texts.length > 0 || hasTaskFields(n))) {
    const inner: Ctx = { ...here, lead: heads.lead, support: heads.support.length ? heads.support : [], assigned: true };
    if (hasActorFields(n)) return fieldedTask(n, inner);
    if (items.length > 0) {
      const lastItem = n.children.lastIndexOf(items[items.length - 1] as OutlineNode);
      const after = n.children.filter((c, i) => c.kind === 'text' && i > lastItem);
      return [...items.flatMap((c, i) => itemTasks(c, child(c, inner, i))), ...paragraphTasks(after, here)];
    }
    return proseTasks(texts.map((t) => t.text).join(' '), inner);
  }

  if (hasTaskFields(n)) {
    const subTasks = items.filter((c) => hasActorFields(c));
    if (subTasks.length > 0 && !hasActorFields(n)) return subTasks.flatMap((c, i) => fieldedTask(c, child(c, here, i)));
    // Points that each name their own unit ("+ Sở Xây dựng: hướng dẫn …") under a shared time line.
    const named = items.filter((c) => readClause(c.text).subject.length > 0);
    if (items.length >= 2 && named.length === items.length && fieldsOf(n, 'lead').length === 0) {
      const time = fieldsOf(n, 'time')[0];
      const inner: Ctx = time ? { ...here, due: parseDue(time, { defaultYear: here.defaultYear }) } : here;
      return items.flatMap((c, i) => itemTasks(c, child(c, inner, i)));
    }
    return fieldedTask(n, here);
  }

  // "… báo cáo … gồm các chỉ tiêu sau:" then "(1) Tổng số gói thầu …": the list is that duty's content.
  const firstItemAt = n.children.findIndex(isItem);
  const introText = texts.filter((t) => n.children.indexOf(t as OutlineNode) < firstItemAt || firstItemAt < 0);
  const lastIntro = introText[introText.length - 1]?.text ?? (heads ? '' : heading);
  if (items.length > 0 && /:\s*$/.test(lastIntro) && items.every((c) => !looksLikeDuty(c.text) && !hasTaskFields(c))) {
    const body = [lastIntro, ...items.map((c) => nodeText(c, true))].join('\n');
    const source = introText.length ? introText.map((t) => t.text).join(' ') : heading;
    return proseTasks(source.replace(/:\s*$/, ''), here).map((t) => ({ ...t, body }));
  }
  if (items.length > 0) {
    const own = heading ? readClause(heading) : null;
    let inner = here;
    if (own?.subject.length) inner = { ...here, lead: own.subject, support: clauseSupport(own), assigned: true };
    // "…, hoàn thành trong tháng 11 năm 2025, cụ thể:" dates every point below it.
    const headingDue = heading && /:\s*$/.test(heading) ? proseDue(heading, here.defaultYear) : null;
    if (headingDue && headingDue.kind === 'date') inner = { ...inner, due: headingDue };
    const out = items.flatMap((c, i) => itemTasks(c, child(c, inner, i)));
    const lead = texts.map((t) => t.text).join(' ');
    if (texts.length > 0 && hasAssignment(lead)) out.unshift(...proseTasks(lead, here));
    return out;
  }

  // A leaf: the heading and its paragraphs are the task's text.
  if (kind === 'funding' || here.section === 'funding') {
    const all = [heading, ...texts.map((t) => t.text)].join(' ');
    if (!hasAssignment(all)) return [];
  }
  if (texts.length > 0 && heading) {
    // A topic heading over a paragraph that says who does what: the paragraph is the task's own text.
    const first = texts[0]?.text ?? '';
    const paragraphActs = !/:\s*$/.test(heading) && (readClause(first).subject.length > 0 || ACTION_OPEN.test(foldAligned(first)));
    if (paragraphActs) return proseTasks([first, ...texts.slice(1).map((t) => t.text)].join(' '), here);
    const title = /[.;]$/.test(heading) && heading.length > 100 ? undefined : heading;
    if (title) return proseTasks(texts.map((t) => t.text).join(' '), here, title.replace(/[:\s]+$/, ''));
    return proseTasks([heading, ...texts.map((t) => t.text)].join(' '), here);
  }
  if (!heading) return texts.length ? proseTasks(texts.map((t) => t.text).join(' '), here) : [];
  return proseTasks(heading, here);
}

/** An item that reads as a duty: it opens with an action or names who acts. */
function looksLikeDuty(text: string): boolean {
  let t = text.replace(/^[\s.)]+/, '');
  const topic = /^(?:đối với|doi voi|về|ve)\s[^:]{3,200}:\s*(\S.*)$/is.exec(t);
  if (topic?.[1]) t = topic[1];
  return ACTION_OPEN.test(foldAligned(t)) || readClause(t).subject.length > 0 || giaoAssignment(t) !== null;
}

/** A text that hands work to someone: a unit subject, "Giao X", "X chủ trì". */
function hasAssignment(text: string): boolean {
  if (giaoAssignment(text)) return true;
  return splitClauses(text).some((c) => readClause(c).subject.length > 0);
}

/** Paragraphs directly under a section: each may assign work ("Giao Văn phòng Sở …"). */
export function paragraphTasks(texts: OutlineNode[], ctx: Ctx): PlanTask[] {
  // Refs count the paragraphs that hold duties, so a paragraph break more or less changes nothing.
  let n = 0;
  return texts.flatMap((t) => {
    const text = stripBoilerplate(t.text);
    if (!text || isCitation(text)) return [];
    if (!hasAssignment(text)) return [];
    const tasks = proseTasks(text, { ...ctx, ref: [...ctx.ref, `p${n + 1}`] });
    if (tasks.length) n += 1;
    return tasks;
  });
}

export { trimPhrase };
