/**
 * Builds the document's outline from logical lines: roman sections contain numbered items
 * ("1.", "2.1."), which contain lettered items ("a)"), which contain bullets ("-", then "+").
 * Field lines ("- Đơn vị thực hiện: …") become nodes carrying their parsed fields; plain
 * paragraphs attach to the nearest item above them. The closing formula ("… đề nghị … ./.")
 * is dropped so it cannot lend a task its words or dates.
 */
import { matchFields, type FieldMatch } from './fields.js';
import { foldAligned } from './fold.js';
import type { Line, LineKind } from './lines.js';

export interface OutlineNode {
  kind: LineKind | 'root';
  label: string;
  text: string;
  /** Parsed fields when this line is a field line; empty otherwise. */
  fields: FieldMatch[];
  children: OutlineNode[];
}

function rank(node: OutlineNode): number {
  switch (node.kind) {
    case 'root':
      return -1;
    case 'roman':
      return 0;
    case 'number':
      return node.label.split('.').length;
    case 'letter':
      return 10;
    case 'bullet':
      return node.label === '+' ? 21 : 20;
    default:
      return 30;
  }
}

/** "Chủ tịch UBND tỉnh đề nghị … nghiêm túc tổ chức thực hiện./." and the like. */
function isClosingFormula(line: Line): boolean {
  if (line.kind !== 'text' || !/\.\/\.?\s*$/.test(line.text)) return false;
  return /\b(?:de nghi|yeu cau)\b/.test(foldAligned(line.text).slice(0, 120));
}

function makeNode(line: Line): OutlineNode {
  const fields = line.kind === 'roman' || line.kind === 'number' ? [] : matchFields(line.text);
  return { kind: line.kind, label: line.label, text: line.text, fields, children: [] };
}

/** The outline of a document; the root's children are its top-level parts in order. */
export function buildOutline(lines: Line[]): OutlineNode {
  const root: OutlineNode = { kind: 'root', label: '', text: '', fields: [], children: [] };
  const stack: OutlineNode[] = [root];
  const top = (): OutlineNode => stack[stack.length - 1] ?? root;
  for (const line of lines) {
    if (isClosingFormula(line)) continue;
    const node = makeNode(line);
    const unmarkedField = node.kind === 'text' && node.fields.length > 0;
    if (unmarkedField) {
      node.kind = 'bullet';
      node.label = '-';
    }
    if (node.kind === 'text') {
      while (stack.length > 1 && top().kind === 'bullet') stack.pop();
      top().children.push(node);
      continue;
    }
    const r = rank(node);
    while (stack.length > 1 && rank(top()) >= r) stack.pop();
    if (unmarkedField) {
      while (stack.length > 1 && (top().kind === 'bullet' || top().fields.length > 0)) stack.pop();
    }
    top().children.push(node);
    stack.push(node);
  }
  return root;
}

/** Full text of a node: its own line, its paragraphs, and (optionally) its bullets, in order. */
export function nodeText(node: OutlineNode, withBullets = false): string {
  const parts = [node.text];
  for (const child of node.children) {
    if (child.kind === 'text' && child.fields.length === 0) parts.push(child.text);
    else if (withBullets && child.kind === 'bullet' && child.fields.length === 0) parts.push(nodeText(child, true));
  }
  return parts.filter(Boolean).join('\n');
}
