/**
 * Builds the outline of a plan from its paragraphs: parts ("KẾ HOẠCH", "PHỤ LỤC"), roman
 * sections, numbered items ("1.", "1.1."), points ("a)"), clauses ("(1)"), bullets ("-", then
 * "+"). Field lines ("- Cơ quan chủ trì: …") become nodes carrying their parsed fields; plain
 * paragraphs attach to the item above them. The distribution list ("Nơi nhận") and the
 * signature are left out; tables stay in place as table nodes.
 */
import type { Block } from './blocks.js';
import { matchFields, type FieldMatch } from './fields.js';
import { scanCadence } from './cadence.js';
import { foldAligned, isAllCaps } from './fold.js';
import { detectMarker, isBareMarker, newMarkerState, type MarkerKind } from './markers.js';

export type NodeKind = MarkerKind | 'root' | 'part' | 'field' | 'caps' | 'table';

export interface OutlineNode {
  kind: NodeKind;
  label: string;
  text: string;
  /** Parsed fields of a field line; empty otherwise. */
  fields: FieldMatch[];
  /** Bullet character of a field line or bullet ("-" or "+"), for nesting. */
  bullet?: string;
  children: OutlineNode[];
  /** Cells of a table node. */
  rows?: string[][];
  /** On the root: the addressees of a letter ("Kính gửi: …"), as written. */
  addressees?: string[];
}

function rank(node: OutlineNode): number {
  switch (node.kind) {
    case 'root':
      return -2;
    case 'part':
      return -1;
    case 'roman':
      return 0;
    case 'article':
      return 1;
    case 'number':
      return node.label.split('.').length;
    case 'letter':
      return 6;
    case 'paren':
      return /^[ivx]+$/.test(node.label) ? 8 : 7;
    case 'bullet':
    case 'field':
      return node.bullet === '+' ? 10 : node.bullet === 'letter' ? 6 : 9;
    default:
      return 99;
  }
}

const PART_TITLE = /^(?:ke hoach|phu luc|quyet dinh|chi thi|thong bao|cong dien|cong van|chuong trinh|de an|quy che|quy dinh|huong dan|danh muc|bieu|bang)\b/;

/** A title that opens a new part of the document: "KẾ HOẠCH", "PHỤ LỤC I", "Danh mục các văn bản …". */
export function isPartTitle(text: string): boolean {
  const folded = foldAligned(text).trim();
  if (/^(?:danh muc|phu luc)\b/.test(folded) && text.length < 200) return true;
  // "KẾ HOẠCH SỐ 12/KH-STP NGÀY 01/3/2025" cites a document (a running header), it opens nothing.
  if (/\bso\s*:?\s*\d+\s*\/\s*\w/.test(folded)) return false;
  return isAllCaps(text) && PART_TITLE.test(folded) && text.length < 300;
}

const SIGNATURE_LINE = /^(?:tm\.?|kt\.?|q\.?|tl\.?|tuq\.?|thua lenh|thay mat)\s/;

/** "Ủy ban nhân dân tỉnh yêu cầu … nghiêm túc triển khai thực hiện./." and similar closing formulas. */
export function isClosingFormula(text: string): boolean {
  const folded = foldAligned(text);
  if (!/\.\s*\/\s*\.?\s*$/.test(text) && !/tran trong thong bao|thong bao de .{0,120} biet/.test(folded)) return false;
  // A closing sentence that sets a time ("… báo cáo … định kỳ trước ngày 30/11 hằng năm./.") is a duty.
  if (scanCadence(folded).some((c) => c.tag !== 'adhoc' && c.tag !== 'roadmap') || /\btruoc ngay\b|\bcham nhat\b/.test(folded)) return false;
  return (
    /\b(?:tran trong thong bao|thong bao de|yeu cau|de nghi)\b/.test(folded.slice(0, 120)) &&
    text.length < 400 &&
    !/\b(?:giao|chu tri)\b/.test(folded.slice(0, 40))
  );
}

export interface OutlineOptions {
  /**
   * Paragraphs are real paragraphs (Word, PDF, text with blank lines between paragraphs): a plain
   * paragraph after a bullet belongs to the item above the bullet. Otherwise (text whose
   * paragraphs were rebuilt from structure alone) it continues the bullet.
   */
  realParagraphs: boolean;
}

const node = (kind: NodeKind, label: string, text: string, extra: Partial<OutlineNode> = {}): OutlineNode => ({
  kind,
  label,
  text,
  fields: [],
  children: [],
  ...extra,
});

/** The outline of a document; the root's children are its parts and top-level items in order. */
export function buildOutline(blocks: Block[], options: OutlineOptions): OutlineNode {
  const root = node('root', '', '');
  const stack: OutlineNode[] = [root];
  const top = (): OutlineNode => stack[stack.length - 1] ?? root;
  const state = newMarkerState();
  let skipping = false;
  let addressing = false;
  root.addressees = [];
  const push = (n: OutlineNode): void => {
    const r = rank(n);
    while (stack.length > 1 && rank(top()) >= r) stack.pop();
    top().children.push(n);
    stack.push(n);
  };
  for (const block of blocks) {
    if (block.kind === 'table') {
      skipping = false;
      while (stack.length > 1 && top().kind !== 'part') stack.pop();
      top().children.push(node('table', '', '', { rows: block.rows }));
      continue;
    }
    const text = block.text.trim();
    if (!text || isBareMarker(text)) continue;
    const folded = foldAligned(text);
    if (/^noi nhan\b/.test(folded)) {
      skipping = true;
      continue;
    }
    const marked = detectMarker(text, state);
    const kinhGui = /^(?:dong )?kinh gui\s*:?\s*/.exec(folded) ?? /^[\p{L}\s]{3,60}\bdien\s*:\s*/u.exec(folded);
    if (kinhGui) {
      const inline = text.slice(kinhGui[0].length).trim();
      // "Kính gửi: Các đồng chí … Thực hiện Kết luận số …": the letter's opening follows the addressees.
      const opening = /\s(?=(?:Thực hiện|Căn cứ|Theo đề nghị|Để|Nhằm|Trước tình hình|Ngày \d)\s)/u.exec(inline);
      const names = opening ? inline.slice(0, opening.index) : inline;
      if (names) root.addressees.push(names);
      if (opening) {
        top().children.push(node('text', '', inline.slice(opening.index + 1)));
        continue;
      }
      addressing = true;
      continue;
    }
    if (addressing) {
      if (marked.kind === 'bullet') {
        // "- Ủy ban nhân dân các xã, phường. Căn cứ …": the list ends where the letter begins.
        const end = /\.\s+(?=\p{Lu})/u.exec(marked.text);
        root.addressees.push(end ? marked.text.slice(0, end.index) : marked.text);
        if (end) {
          addressing = false;
          top().children.push(node('text', '', marked.text.slice(end.index + end[0].length)));
        }
        continue;
      }
      addressing = false;
      if (root.addressees.length && !root.addressees[0]?.trim().endsWith(';') && /^\p{Ll}/u.test(text)) {
        root.addressees[root.addressees.length - 1] += ` ${text}`;
        continue;
      }
    }
    if (isPartTitle(text) && marked.kind === 'text') {
      skipping = false;
      stack.length = 1;
      push(node('part', '', text));
      continue;
    }
    if (skipping) {
      const prose = marked.kind === 'text' && text.length > 80 && /\p{Ll}/u.test(text) && !SIGNATURE_LINE.test(folded);
      if (!prose && !['roman', 'number', 'letter', 'article'].includes(marked.kind)) continue;
      skipping = false;
    }
    if (marked.kind === 'text' && SIGNATURE_LINE.test(folded) && isAllCaps(text)) continue;
    const fields = marked.kind === 'roman' || marked.kind === 'number' || marked.kind === 'article' ? [] : matchFields(marked.text);
    if (fields.length > 0 && (marked.kind === 'bullet' || marked.kind === 'text' || marked.kind === 'letter')) {
      const bullet = marked.kind === 'bullet' ? marked.label : marked.kind === 'letter' ? 'letter' : '-';
      const n = node('field', marked.label, marked.text, { fields, bullet });
      if (marked.kind === 'text') {
        // An unmarked assignment line closes the bullet or item just above it ("- Tuyên truyền …" /
        // "Thời gian thực hiện: …"); after a list of "+" points it closes the bullet that holds them.
        while (stack.length > 1 && (top().kind === 'field' || (top().kind === 'bullet' && top().bullet === '+'))) stack.pop();
        top().children.push(n);
        continue;
      }
      push(n);
      continue;
    }
    if (marked.kind === 'text') {
      if (isClosingFormula(text) && text.length < 400) continue;
      // "Trên đây là …, [issuer] đề nghị …": the letter's closing speaks to the whole document.
      if (/^tren day la\b/.test(folded)) while (stack.length > 1 && top().kind !== 'part') stack.pop();
      const kind: NodeKind = isAllCaps(text) && text.length > 3 ? 'caps' : 'text';
      if (options.realParagraphs || kind === 'caps') {
        while (stack.length > 1 && ['bullet', 'field', 'paren'].includes(top().kind)) stack.pop();
      }
      top().children.push(node(kind, '', text));
      continue;
    }
    push(node(marked.kind, marked.label, marked.text, marked.kind === 'bullet' ? { bullet: marked.label } : {}));
  }
  return root;
}

/** Full text of a node: its own line, its paragraphs, and (optionally) its bullets, in order. */
export function nodeText(n: OutlineNode, withChildren = false): string {
  const parts = [n.text];
  for (const child of n.children) {
    if (child.kind === 'text') parts.push(child.text);
    else if (withChildren && child.kind !== 'table' && child.kind !== 'caps') parts.push(nodeText(child, true));
  }
  return parts.filter(Boolean).join('\n');
}
