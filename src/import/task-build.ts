/**
 * Builds one task from one piece of the outline: an item with field lines (lead, support,
 * time, product), a prose item ("Các sở … chủ động …", "Giao Sở Tài chính …", a bullet under
 * "Giao Công an tỉnh:"), or a sentence of the closing section. Who leads is read from the text
 * first and inherited from the context (the "Giao X:" above, the addressees of the preamble)
 * only when the text names no one.
 */
import { findCadence, findDeadline, parseDue } from './due.js';
import { findInlineFields, type FieldKind, type FieldMatch } from './fields.js';
import { foldAligned } from './fold.js';
import { nodeText, type OutlineNode } from './outline.js';
import { cleanTitle, firstSentence } from './sentences.js';
import { noDue, type Due, type PlanTask } from './types.js';
import { chuTriClause, colonAssignment, giaoAssignment, splitUnits, subjectAssignment, supportClause } from './units.js';

/** What an item inherits from the items and sections above it. */
export interface Context {
  /** Ref parts of the enclosing items, e.g. ["2", "c"]. */
  ref: string[];
  /** Lead named above: "Giao X:" header, a group's lead field, or the preamble's addressees. */
  lead: string[];
  /** True when `lead` comes from a "Giao X:" header, so each bullet below belongs to X. */
  assigned: boolean;
  /** Addressees of the whole document ("… yêu cầu Thủ trưởng các sở … thực hiện nội dung sau:"). */
  fallbackLead: string[];
  defaultYear: number | null;
}

function fieldValues(node: OutlineNode, kind: FieldKind): string[] {
  const out: string[] = [];
  for (const child of node.children) {
    child.fields.forEach((field: FieldMatch, i) => {
      if (field.kind !== kind) return;
      const extra = i === child.fields.length - 1 ? child.children.map((c) => nodeText(c, true)) : [];
      out.push([field.value, ...extra].filter(Boolean).join(kind === 'lead' || kind === 'support' ? '; ' : '\n'));
    });
  }
  return out.filter((v) => v.trim());
}

/** True when the node has its own lead, support or time lines. */
export function hasTaskFields(node: OutlineNode): boolean {
  return node.children.some((c) => c.fields.some((f) => f.kind === 'lead' || f.kind === 'support' || f.kind === 'time'));
}

/** The full text when it says more than the title. */
function bodyOf(title: string, parts: string[]): string | undefined {
  const body = parts.filter(Boolean).join('\n').trim();
  return body && cleanTitle(body) !== title ? body : undefined;
}

/** Due written in running text: a dated deadline anywhere, else a cadence in the first sentence. */
export function proseDue(head: string, extra: string, defaultYear: number | null): Due {
  const deadline = findDeadline(`${head}\n${extra}`, { defaultYear });
  if (deadline) return deadline.due;
  const cadence = findCadence(firstSentence(head));
  if (cadence) return cadence.due;
  const folded = foldAligned(head);
  const roadmap = findCadence(head, ['roadmap']);
  if (roadmap && /lo trinh/.test(folded)) return roadmap.due;
  const adhoc = findCadence(head, ['adhoc']);
  return adhoc ? noDue(adhoc.due.text) : noDue('');
}

/** An item whose field lines say who leads, who supports and when. */
export function fieldedTask(node: OutlineNode, ctx: Context): PlanTask {
  const content = fieldValues(node, 'content');
  const others = node.children.filter((c) => c.fields.length === 0).map((c) => nodeText(c, true));
  const title = firstSentence(node.text || content[0] || '');
  const lead = fieldValues(node, 'lead').flatMap(splitUnits);
  const support = fieldValues(node, 'support').flatMap(splitUnits);
  const time = fieldValues(node, 'time')[0];
  const body = bodyOf(title, [node.text, ...content, ...others]);
  const due = time ? parseDue(time, { defaultYear: ctx.defaultYear }) : proseDue(node.text, '', ctx.defaultYear);
  const product = fieldValues(node, 'product').map(cleanTitle).join('; ');
  return {
    ref: ctx.ref.join('.'),
    title,
    lead: lead.length ? lead : ctx.lead.length ? ctx.lead : ctx.fallbackLead,
    support,
    due,
    ...(product ? { product } : {}),
    ...(body ? { body } : {}),
  };
}

/** Who a prose text assigns the work to: its own words first, then what the context hands down. */
export function proseLead(text: string, ctx: Context): string[] {
  const giao = giaoAssignment(text);
  if (giao) return giao.units;
  if (ctx.assigned && ctx.lead.length) return ctx.lead;
  const named = colonAssignment(text) ?? subjectAssignment(text);
  if (named) return named.units;
  if (ctx.lead.length) return ctx.lead;
  const chuTri = chuTriClause(firstSentence(text));
  return chuTri.length ? chuTri : ctx.fallbackLead;
}

/** A prose item: its first sentence is the title, its bullets and paragraphs the body. */
export function proseTask(node: OutlineNode, ctx: Context): PlanTask {
  const head = nodeText(node);
  const bullets = node.children.filter((c) => c.kind !== 'text').map((c) => nodeText(c, true));
  const inline = findInlineFields(head);
  const named = (kind: FieldKind): string[] => inline.filter((f) => f.kind === kind).flatMap((f) => splitUnits(f.value));
  const time = inline.find((f) => f.kind === 'time');
  const product = inline.find((f) => f.kind === 'product');
  const title = stripInlineFields(node.text.trim().endsWith(':') ? cleanTitle(node.text) : firstSentence(head));
  const support = named('support').length ? named('support') : supportClause(firstSentence(head));
  const due = time ? parseDue(time.value, { defaultYear: ctx.defaultYear }) : proseDue(head, bullets.join('\n'), ctx.defaultYear);
  const body = bodyOf(title, [head, ...bullets]);
  return {
    ref: ctx.ref.join('.'),
    title,
    lead: named('lead').length ? named('lead') : proseLead(head, ctx),
    support,
    due,
    ...(product ? { product: cleanTitle(product.value) } : {}),
    ...(body ? { body } : {}),
  };
}

/** Drops a trailing "(Đơn vị chủ trì: …; thời gian: …)" from a title; the fields are read apart. */
function stripInlineFields(title: string): string {
  const folded = foldAligned(title);
  const at = folded.search(/\s*\((?:don vi|co quan|chu tri|phoi hop|thoi gian|thoi han)[^)]*:[^)]*\)?\s*$/);
  return at > 0 ? cleanTitle(title.slice(0, at)) : title;
}

/** A task made of one sentence of the closing section ("Giao …", "Định kỳ … báo cáo …"). */
export function sentenceTask(sentence: string, lead: string[], ctx: Context): PlanTask {
  const title = cleanTitle(sentence);
  const support = supportClause(sentence);
  return {
    ref: ctx.ref.join('.'),
    title,
    lead,
    support,
    due: proseDue(sentence, '', ctx.defaultYear),
  };
}

/** Lead units a group heading hands down: "Giao Sở Nội vụ:", "Sở Tài chính:", "… X chủ trì …:". */
export function headingLead(text: string): { units: string[]; assigned: boolean } {
  const giao = giaoAssignment(text) ?? colonAssignment(text);
  if (giao) return { units: giao.units, assigned: giao.header };
  if (text.trim().endsWith(':')) {
    const subject = subjectAssignment(text);
    if (subject) return { units: subject.units, assigned: false };
  }
  return { units: [], assigned: false };
}
