/**
 * The import contract (DESIGN §6): what `plan import --dry-run --json` prints and what the
 * store layer consumes. Contract fields are fixed; extra fields on a task are optional.
 */

export type DueKind = 'date' | 'recurring' | 'ongoing' | 'roadmap' | 'none';
export type DueRule = 'yearly' | 'quarterly' | 'monthly';

/** When a task is due, read from a time phrase; `text` is the phrase as the document wrote it. */
export interface Due {
  kind: DueKind;
  /** YYYY-MM-DD for kind `date`, otherwise null. */
  date: string | null;
  rule: DueRule | null;
  text: string;
}

export interface PlanTask {
  /** Position in the document's outline, e.g. "2.1", "2.c.1", "IV.1". */
  ref: string;
  title: string;
  lead: string[];
  support: string[];
  due: Due;
  /** Expected product ("Sản phẩm"), when the document names one. */
  product?: string;
  /** The task's full original text (heading, paragraphs and bullets), when longer than the title. */
  body?: string;
}

export interface PlanDocument {
  /** Document number such as "123/KH-STP"; empty when the text does not show one. */
  number: string;
  /** Issue date YYYY-MM-DD, or null when absent or left blank ("ngày   tháng   năm 2025"). */
  date: string | null;
  /** The issuing body as written in the header (e.g. "SỞ TƯ PHÁP"), or null. */
  issuer: string | null;
}

export interface PlanImport {
  document: PlanDocument;
  tasks: PlanTask[];
}

/** Creates a `none` due carrying the given text. */
export function noDue(text = ''): Due {
  return { kind: 'none', date: null, rule: null, text };
}
