/**
 * The import contract (DESIGN §6): what `plan import --dry-run --json` prints and what the
 * store layer consumes. Contract fields are fixed; extra fields on a task are optional.
 */

export type DueKind = 'date' | 'recurring' | 'ongoing' | 'roadmap' | 'none';
export type DueRule = 'yearly' | 'quarterly' | 'monthly';

/**
 * The day a recurring task falls on, when the document says: `{day: 8, month_of_period: 'last'}`
 * for "ngày 08 tháng cuối quý", `{day: 10, month: 12}` for "ngày 10/12 hằng năm", `{day: 20}` for
 * "trước ngày 20 hằng tháng".
 */
export interface DueAnchor {
  day: number;
  month?: number;
  month_of_period?: 'first' | 'middle' | 'last';
}

/** When a task is due, read from a time phrase; `text` is the phrase as the document wrote it. */
export interface Due {
  kind: DueKind;
  /** YYYY-MM-DD for kind `date`, otherwise null. */
  date: string | null;
  rule: DueRule | null;
  text: string;
  /** Optional: the day of a recurrence, when the phrase names one. */
  anchor?: DueAnchor;
}

/** What the parser could not make "rõ" for a task: no lead unit, no time, a title cut short. */
export type Doubt = 'lead' | 'due' | 'title';

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
  /** Optional: what a person should check before confirming (see Doubt). */
  doubts?: Doubt[];
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
