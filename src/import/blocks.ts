/**
 * What every reader of a plan file produces before parsing: the document as an ordered list of
 * paragraphs and tables. Plain text, Word and PDF arrive in very different shapes; once they are
 * blocks, one parser reads them all.
 */

export interface ParaBlock {
  kind: 'para';
  text: string;
  /** Blank lines before this paragraph in the source text (2 or more separate table rows). */
  gapBefore?: number;
}

export interface TableBlock {
  kind: 'table';
  /** Rows of cell text; merged cells repeat their text in every row and column they cover. */
  rows: string[][];
}

export type Block = ParaBlock | TableBlock;

export const para = (text: string, gapBefore = 0): ParaBlock => ({ kind: 'para', text, gapBefore });
