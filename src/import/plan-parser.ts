/**
 * Reads a plan or directive (Kế hoạch, Chỉ thị, Công văn) as plain text and proposes its tasks
 * in the import contract of DESIGN §6. Pure: no I/O, no clock. Works on text with or without
 * diacritics, with lines broken by PDF extraction or OCR, and with page-break debris.
 */
import { foldAligned } from './fold.js';
import { readHeader } from './header.js';
import { toLines, type SplitOptions } from './lines.js';
import { buildOutline, nodeText, type OutlineNode } from './outline.js';
import { splitSentences } from './sentences.js';
import { proseTask, type Context } from './task-build.js';
import { closingTasks, contentTasks, sectionMode } from './tasks.js';
import type { PlanImport, PlanTask } from './types.js';
import { subjectAssignment } from './units.js';

export type { Due, DueKind, DueRule, PlanDocument, PlanImport, PlanTask } from './types.js';

export type ParseOptions = SplitOptions;

const isItem = (n: OutlineNode): boolean => n.kind === 'number' || n.kind === 'letter';

/** The addressees a directive's opening hands the work to ("… yêu cầu các Phòng … các nội dung sau:"). */
export function addressees(opening: string): string[] {
  const sentences = splitSentences(opening).reverse();
  for (const sentence of sentences) {
    const folded = foldAligned(sentence);
    if (!/(?:sau|nhu sau)\s*:\s*$/.test(folded)) continue;
    const verbs = [...folded.matchAll(/\b(?:yeu cau|de nghi|giao(?: cho)?)\s+/g)].reverse();
    for (const verb of verbs) {
      const subject = subjectAssignment(sentence.slice(verb.index + verb[0].length));
      if (subject) return subject.units;
    }
  }
  return [];
}

interface Section {
  label: string;
  tasks: PlanTask[];
}

const SECTION_TITLE =
  /^(?:to chuc thuc hien|kinh phi(?: thuc hien)?|muc dich(?:,| va)? yeu cau|noi dung(?: ke hoach)?|nhiem vu(?:,| va)? giai phap|muc tieu)\b/;

/**
 * A section heading that swallowed the paragraph after it (text whose line breaks were lost):
 * "TỔ CHỨC THỰC HIỆN Các Phòng … Giao Văn phòng Sở …" → the title and the paragraph.
 */
export function splitSectionTitle(text: string): [string, string] {
  const m = SECTION_TITLE.exec(foldAligned(text));
  const rest = m ? text.slice(m[0].length).trim() : '';
  if (!m || rest.split(/\s+/).length < 6 || /^\p{Lu}[\p{Lu}\s,]*$/u.test(rest)) return [text, ''];
  return [text.slice(0, m[0].length), rest];
}

function sectionTasks(section: OutlineNode, ctx: Context): PlanTask[] {
  const [title, rest] = splitSectionTitle(section.text);
  const mode = sectionMode(title, true);
  if (mode === 'skip') return [];
  const children: OutlineNode[] = rest ? [{ kind: 'text', label: '', text: rest, fields: [], children: [] }, ...section.children] : section.children;
  const inner: Context = { ...ctx, ref: [] };
  if (mode === 'closing') return closingTasks(children, inner);
  const items = children.filter(isItem);
  if (items.length > 0) return items.flatMap((item) => contentTasks(item, { ...inner, ref: [item.label] }));
  const bullets = children.filter((c) => c.kind === 'bullet' && c.fields.length === 0);
  const prose = bullets.map((b, i) => proseTask(b, { ...inner, ref: [String(i + 1)] }));
  return [...prose, ...closingTasks(children.filter((c) => c.kind === 'text'), inner)];
}

function withSectionRefs(sections: Section[]): PlanTask[] {
  const main = sections.find((s) => s.tasks.length > 0);
  return sections.flatMap((s) =>
    s.tasks.map((t) => (s === main ? t : { ...t, ref: t.ref ? `${s.label}.${t.ref}` : s.label })),
  );
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

/** Parses the text of a plan into its document header and proposed tasks. */
export function parsePlanText(text: string, options: ParseOptions = {}): PlanImport {
  const root = buildOutline(toLines(text, options));
  const firstPart = root.children.findIndex((c) => c.kind === 'roman' || isItem(c));
  const preamble = firstPart < 0 ? root.children : root.children.slice(0, firstPart);
  const opening = preamble.map((c) => nodeText(c, true)).join('\n');
  const header = readHeader(text, opening);
  const ctx: Context = {
    ref: [],
    lead: [],
    assigned: false,
    fallbackLead: addressees(opening),
    defaultYear: header.year,
  };
  const body = firstPart < 0 ? [] : root.children.slice(firstPart);
  const romans = body.filter((c) => c.kind === 'roman');
  const tasks =
    romans.length > 0
      ? withSectionRefs(romans.map((r) => ({ label: r.label, tasks: sectionTasks(r, ctx) })))
      : body.filter(isItem).flatMap((item) => contentTasks(item, { ...ctx, ref: [item.label] }));
  return {
    document: { number: header.number, date: header.date, issuer: header.issuer },
    tasks: uniqueRefs(tasks.filter((t) => t.title.length > 0)),
  };
}
