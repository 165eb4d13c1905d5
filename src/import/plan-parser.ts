/**
 * Reads a plan or directive (Kế hoạch, Quyết định with its Kế hoạch, Chỉ thị, Công văn, Công
 * điện, Thông báo kết luận) and proposes its tasks in the import contract of DESIGN §6. Pure: no
 * I/O, no clock. The input is the document as blocks (paragraphs and tables) from any file type,
 * or plain text, with or without diacritics, with lines broken anywhere.
 */
import type { Block, ParaBlock } from './blocks.js';
import { readClause } from './clauses.js';
import { itemTasks, paragraphTasks, proseTasks, sectionKind, unitHeading, type Ctx } from './extract.js';
import { foldAligned } from './fold.js';
import { issuerFromBody, readHeader, readHeaderParagraphs, type HeaderInfo } from './header.js';
import { buildOutline, type OutlineNode } from './outline.js';
import { hasBlankLineParagraphs, textParagraphs } from './paragraphs.js';
import { needsReflow, reflow } from './reflow.js';
import { cellStreamTables, findLayout, tableTasks } from './table.js';
import { textSegments } from './text-tables.js';
import type { PlanImport, PlanTask } from './types.js';
import { splitUnits, subjectAssignment } from './units.js';

export type { Due, DueKind, DueRule, PlanDocument, PlanImport, PlanTask } from './types.js';

export interface ParseOptions {
  /** Paragraphs are real paragraphs (Word, PDF): a plain one after a bullet belongs to the item above. */
  realParagraphs?: boolean;
}

const isItem = (n: OutlineNode): boolean => ['roman', 'number', 'letter', 'paren', 'bullet', 'article'].includes(n.kind);

/** The addressees a directive's opening hands the work to ("… yêu cầu các sở, ngành … như sau:"). */
export function addressees(opening: string): string[] {
  const folded = foldAligned(opening);
  const verbs = [...folded.matchAll(/\b(?:yeu cau|de nghi|giao(?: cho)?)\s+/g)].reverse();
  for (const verb of verbs) {
    const rest = opening.slice(verb.index + verb[0].length);
    if (!/(?:sau|nhu sau|cu the)\s*:\s*$|:\s*$/.test(foldAligned(rest))) continue;
    const subject = subjectAssignment(rest);
    if (subject) return subject.units;
  }
  return [];
}

interface PartState {
  ctx: Ctx;
  tasks: PlanTask[];
}

function partKind(title: string): 'decision' | 'list' | 'appendix' | 'report' | 'plan' {
  const folded = foldAligned(title);
  if (/^danh muc\b.*\bvan ban\b/.test(folded)) return 'list';
  if (/^(?:phu luc|bieu|bang)\b/.test(folded)) {
    // An appendix of figures or results ("TỔNG HỢP KẾT QUẢ …", "SỐ LIỆU …") holds no duties in its prose.
    return /\b(?:ket qua|so lieu|thong ke|tinh hinh|danh sach)\b/.test(folded) && !/\bnhiem vu\b/.test(folded) ? 'report' : 'appendix';
  }
  if (/^quyet dinh\b/.test(folded)) return 'decision';
  return 'plan';
}

/** A section heading that swallowed the paragraph after it: "TỔ CHỨC THỰC HIỆN Các Phòng …". */
function splitSectionTitle(text: string): [string, string] {
  const m = /^(?:to chuc thuc hien|kinh phi(?: thuc hien)?|muc dich(?:,| va)? yeu cau|noi dung(?: ke hoach)?|nhiem vu(?:,| va)? giai phap|muc tieu)\b/.exec(
    foldAligned(text),
  );
  const rest = m ? text.slice(m[0].length).trim() : '';
  if (!m || rest.split(/\s+/).length < 6 || /^\p{Lu}[\p{Lu}\s,]*$/u.test(rest)) return [text, ''];
  return [text.slice(0, m[0].length), rest];
}

function sectionTasks(section: OutlineNode, ctx: Ctx): PlanTask[] {
  const [title, rest] = splitSectionTitle(section.text);
  const kind = sectionKind(title);
  if (kind === 'skip') return [];
  const inner: Ctx = { ...ctx, ref: [section.label], section: kind };
  const children = rest ? [{ kind: 'text' as const, label: '', text: rest, fields: [], children: [] }, ...section.children] : section.children;
  const items = children.filter(isItem);
  const texts = children.filter((c) => c.kind === 'text');
  const tables = children.filter((c) => c.kind === 'table');
  const out: PlanTask[] = [];
  const heads = unitHeading(title);
  let here: Ctx = heads ? { ...inner, lead: heads.lead, support: heads.support, assigned: true } : inner;
  // "…, tỉnh Đắk Lắk cần tiếp tục thực hiện … một số nội dung trọng tâm sau:" hands the items below to its subject.
  const firstItem = children.findIndex(isItem);
  const leadIn =
    firstItem > 0
      ? children
          .slice(0, firstItem)
          .filter((c) => c.kind === 'text')
          .pop()
      : undefined;
  if (!heads && leadIn && /:\s*$/.test(leadIn.text)) {
    const subject = readClause(leadIn.text).subject;
    if (subject.length) here = { ...here, lead: subject };
  }
  if (items.length === 0 && texts.length > 0) out.push(...paragraphTasks(texts, here));
  else if (texts.length > 0)
    out.push(
      ...paragraphTasks(
        texts.filter((t) => children.indexOf(t) > children.indexOf(items[0] as OutlineNode)),
        inner,
      ),
    );
  items.forEach((item, i) => out.push(...itemTasks(item, { ...here, ref: [...here.ref, item.label || String(i + 1)] })));
  for (const t of tables) out.push(...tableTasks(t.rows ?? [], ctx.defaultYear).map((task) => ({ ...task, ref: `${section.label}.T.${task.ref}` })));
  return out;
}

function containerTasks(
  children: OutlineNode[],
  state: PartState,
  kind: ReturnType<typeof partKind>,
  partTitle: string,
  letterAddressees: string[] = [],
): void {
  if (kind === 'list') return;
  const { ctx } = state;
  const firstItem = children.findIndex((c) => isItem(c) || c.kind === 'roman');
  const opening = (firstItem < 0 ? children : children.slice(0, firstItem)).filter((c) => c.kind === 'text').map((c) => c.text);
  const named = addressees(opening.join('\n'));
  const fallback = named.length ? named : letterAddressees.flatMap((a) => splitUnits(a.replace(/[;.]\s*$/, '')));
  const here: Ctx = fallback.length ? { ...ctx, fallbackLead: fallback } : ctx;
  const prefix = kind === 'appendix' || kind === 'report' ? 'PL' : '';
  let seenItem = false;
  for (const child of children) {
    if (kind === 'report' && child.kind !== 'table' && child.kind !== 'part') continue;
    if (child.kind === 'part') {
      containerTasks(child.children, state, partKind(child.text), child.text);
      continue;
    }
    if (child.kind === 'table') {
      state.tasks.push(...tableTasks(child.rows ?? [], ctx.defaultYear).map((t) => ({ ...t, ref: `PL.${t.ref}` })));
      continue;
    }
    if (child.kind === 'roman') {
      seenItem = true;
      const tasks = sectionTasks(child, here);
      state.tasks.push(...tasks.map((t) => (prefix ? { ...t, ref: `${prefix}.${t.ref}` } : t)));
      continue;
    }
    if (child.kind === 'article') {
      if (kind === 'decision' || /^quyet dinh/.test(foldAligned(partTitle))) {
        const text = [child.text, ...child.children.filter((c) => c.kind === 'text').map((c) => c.text)].join(' ');
        if (/^\s*giao\b/.test(foldAligned(text))) state.tasks.push(...proseTasks(text, { ...here, ref: [`D${child.label}`] }));
        continue;
      }
    }
    if (child.kind === 'text' && seenItem) {
      state.tasks.push(...paragraphTasks([child], { ...here, ref: ['closing'] }));
      continue;
    }
    if (isItem(child)) {
      // "(2) …" at the start of a line in an opening paragraph is that paragraph's enumeration, not an item.
      if (child.kind === 'paren' && !seenItem) continue;
      seenItem = true;
      const tasks = itemTasks(child, { ...here, ref: [child.label] });
      state.tasks.push(...tasks.map((t) => (prefix ? { ...t, ref: `${prefix}.${t.ref}` } : t)));
    }
  }
}

function uniqueRefs(tasks: PlanTask[]): PlanTask[] {
  const seen = new Map<string, number>();
  return tasks.map((task, i) => {
    const ref = task.ref || String(i + 1);
    const n = (seen.get(ref) ?? 0) + 1;
    seen.set(ref, n);
    return { ...task, ref: n > 1 ? `${ref}-${n}` : ref };
  });
}

/** The document's number, date and issuer, from its header lines or the first paragraphs. */
function documentHeader(rawText: string, paragraphs: string[]): HeaderInfo {
  const fromParas = readHeaderParagraphs(paragraphs);
  const fromLines = readHeader(rawText);
  const body = paragraphs.slice(0, 40).join('\n');
  // A letterhead laid out in two columns on each line is read cell by cell.
  const twoColumns = rawText
    .split('\n')
    .slice(0, 12)
    .some((l) => /\S {3,}\S/.test(l.trim()));
  const issuer = twoColumns ? (fromLines.issuer ?? fromParas.issuer) : (fromParas.issuer ?? fromLines.issuer);
  return {
    number: fromParas.number ?? fromLines.number,
    date: fromParas.date !== undefined ? fromParas.date : fromLines.date,
    year: fromParas.year ?? fromLines.year,
    issuer: issuer ?? issuerFromBody(body),
  };
}

/** Parses a document given as blocks. `rawText` (the text as extracted) helps read a two-column header. */
export function parseBlocks(blocks: Block[], options: ParseOptions & { rawText?: string } = {}): PlanImport {
  const paragraphs = blocks.filter((b): b is ParaBlock => b.kind === 'para').map((b) => b.text);
  const header = documentHeader(options.rawText ?? paragraphs.join('\n'), paragraphs);
  const root = buildOutline(blocks, { realParagraphs: options.realParagraphs ?? true });
  const ctx: Ctx = { ref: [], lead: [], support: [], assigned: false, fallbackLead: [], defaultYear: header.year, section: 'content' };
  const state: PartState = { ctx, tasks: [] };
  containerTasks(root.children, state, 'plan', '', root.addressees ?? []);
  return {
    document: { number: header.number, date: header.date, issuer: header.issuer },
    tasks: uniqueRefs(state.tasks.filter((t) => t.title.length > 0)),
  };
}

/** Parses the text of a plan into its document header and proposed tasks. */
export function parsePlanText(text: string, options: ParseOptions = {}): PlanImport {
  const source = needsReflow(text) ? reflow(text) : text;
  const realParagraphs = options.realParagraphs ?? hasBlankLineParagraphs(source);
  const blocks: Block[] = [];
  let pending = '';
  const flushText = (): void => {
    if (pending) blocks.push(...cellStreamTables(textParagraphs(pending)));
    pending = '';
  };
  for (const segment of textSegments(source)) {
    if (segment.kind === 'table' && findLayout(segment.rows)) {
      flushText();
      blocks.push({ kind: 'table', rows: segment.rows });
    } else pending += `${pending ? '\n' : ''}${segment.kind === 'text' ? segment.text : segment.rows.map((r) => r.join('   ')).join('\n')}`;
  }
  flushText();
  return parseBlocks(blocks, { realParagraphs, rawText: source });
}

export { splitUnits, readClause };
