/**
 * Walks a plan's outline and decides what is a task. Sections about purpose, requirements or
 * funding hold none. In the body, an item with field lines is one task; an item with numbered
 * or lettered sub-items is a group whose sub-items are tasks; a "Giao X:" item makes each of
 * its bullets a task led by X; any other item is one task whose bullets are its body. In the
 * closing section ("Tổ chức thực hiện") only explicit assignments ("Giao X …") and reporting
 * duties with a cadence or deadline ("Định kỳ hằng quý … báo cáo …") become tasks.
 */
import { foldAligned } from './fold.js';
import { nodeText, type OutlineNode } from './outline.js';
import { splitSentences } from './sentences.js';
import { fieldedTask, hasTaskFields, headingLead, proseLead, proseTask, sentenceTask, type Context } from './task-build.js';
import { findCadence, findDeadline } from './due.js';
import type { PlanTask } from './types.js';
import { colonAssignment, giaoAssignment, subjectAssignment } from './units.js';

export type SectionMode = 'skip' | 'content' | 'closing';

const SKIP_PARTS = new Set([
  'muc dich', 'yeu cau', 'muc tieu', 'muc tieu chung', 'muc tieu cu the', 'quan diem', 'quan diem chi dao', 'kinh phi',
  'kinh phi thuc hien', 'nguon kinh phi', 'can cu', 'can cu phap ly', 'can cu xay dung ke hoach', 'chi tieu', 'chi tieu cu the',
  'pham vi', 'doi tuong', 'pham vi dieu chinh', 'doi tuong ap dung', 'cac chi tieu', 'muc tieu tong quat',
]);
const SKIP_PREFIX = /^(?:danh gia|tinh hinh|ket qua|thuc trang|boi canh|su can thiet)\b/;
const CLOSING = /^(?:ve )?(?:to chuc thuc hien|trach nhiem thuc hien|che do (?:thong tin )?bao cao|dieu khoan thi hanh)(?: (?:ke hoach|chi thi|van ban))?$/;

/**
 * Classifies a section or heading by its title: purpose, requirements, funding … hold no tasks
 * ('skip'); "Tổ chức thực hiện" is the closing section; anything else is task content. Prefixes
 * such as "Đánh giá …" mark a report's sections only on roman-numbered sections.
 */
export function sectionMode(title: string, isSection = false): SectionMode {
  const folded = foldAligned(title).replace(/[.:;]+$/, '').replace(/\s+/g, ' ').trim();
  if (isSection && SKIP_PREFIX.test(folded)) return 'skip';
  const parts = folded.split(/\s*,\s*|\s+va\s+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length > 0 && parts.every((p) => SKIP_PARTS.has(p))) return 'skip';
  return CLOSING.test(folded) ? 'closing' : 'content';
}

const isItem = (n: OutlineNode): boolean => n.kind === 'number' || n.kind === 'letter';
const isPlainBullet = (n: OutlineNode): boolean => n.kind === 'bullet' && n.fields.length === 0;

/** A bullet that says who does it ("Công an tỉnh chủ trì …", "Giao Sở Y tế …", "Sở Nội vụ: …"). */
function namesItsUnit(node: OutlineNode): boolean {
  return giaoAssignment(node.text) !== null || colonAssignment(node.text) !== null || subjectAssignment(node.text) !== null;
}

function child(ctx: Context, label: string): Context {
  const ref = label.includes('.') ? [label] : [...ctx.ref, label];
  return { ...ctx, ref };
}

/** Bullets of a "Giao X:" item, each a task led by X. */
function assignedBullets(node: OutlineNode, ctx: Context, lead: string[]): PlanTask[] {
  const inner: Context = { ...ctx, lead, assigned: true };
  return node.children.filter(isPlainBullet).map((b, i) => proseTask(b, child(inner, String(i + 1))));
}

/** Tasks of one item of a section's body. */
export function contentTasks(node: OutlineNode, ctx: Context): PlanTask[] {
  if (sectionMode(node.text) === 'skip') return [];
  if (hasTaskFields(node)) return [fieldedTask(node, ctx)];
  const subItems = node.children.filter(isItem);
  const heading = headingLead(node.text);
  if (subItems.length > 0) {
    const inner: Context = heading.units.length ? { ...ctx, lead: heading.units, assigned: heading.assigned } : ctx;
    return subItems.flatMap((item) => contentTasks(item, child(inner, item.label)));
  }
  const bullets = node.children.filter(isPlainBullet);
  if (heading.assigned && bullets.length > 0) return assignedBullets(node, ctx, heading.units);
  if (bullets.some(hasTaskFields)) {
    return bullets.flatMap((b, i) => (hasTaskFields(b) ? [fieldedTask(b, child(ctx, String(i + 1)))] : []));
  }
  if (bullets.length > 0 && bullets.filter(namesItsUnit).length * 2 > bullets.length) {
    return bullets.map((b, i) => proseTask(b, child(ctx, String(i + 1))));
  }
  if (sectionMode(node.text) === 'closing' && node.kind !== 'bullet') return closingTasks(node.children, ctx);
  if (!node.text.trim()) return [];
  return [proseTask(node, ctx)];
}

function hasSchedule(sentence: string, ctx: Context): boolean {
  return findDeadline(sentence, { defaultYear: ctx.defaultYear }) !== null || findCadence(sentence) !== null;
}

/** Assignments and reporting duties written as sentences of one closing item or paragraph. */
function sentenceTasks(text: string, ctx: Context): PlanTask[] {
  const sentences = splitSentences(text);
  const subject = subjectAssignment(sentences[0] ?? '')?.units ?? [];
  const out: PlanTask[] = [];
  for (const sentence of sentences) {
    const folded = foldAligned(sentence);
    if (/^\s*giao\b/.test(folded)) out.push(sentenceTask(sentence, proseLead(sentence, ctx), ctx));
    else if (/\bbao cao\b/.test(folded) && hasSchedule(sentence, ctx)) {
      const own = subjectAssignment(sentence)?.units ?? [];
      const lead = own.length ? own : subject.length ? subject : ctx.lead.length ? ctx.lead : ctx.fallbackLead;
      out.push(sentenceTask(sentence, lead, ctx));
    }
  }
  return out;
}

/** Tasks of the closing section: explicit assignments and reporting duties only. */
export function closingTasks(nodes: OutlineNode[], ctx: Context): PlanTask[] {
  return nodes.flatMap((node) => {
    const inner = isItem(node) ? child(ctx, node.label) : ctx;
    if (hasTaskFields(node)) return [fieldedTask(node, inner)];
    const heading = headingLead(node.text);
    const bullets = node.children.filter(isPlainBullet);
    if (heading.assigned && bullets.length > 0) return assignedBullets(node, inner, heading.units);
    const own = node.fields.length === 0 ? sentenceTasks(nodeText(node), inner) : [];
    const nested = closingTasks(node.children.filter((c) => c.kind !== 'text'), inner);
    return [...own, ...nested];
  });
}
