/**
 * Scores a parse against an expected task list as a careful reader would: titles match when,
 * folded and stripped of punctuation and asides in parentheses, one contains the other or
 * their word sets overlap by at least 80%; each expected task is matched at most once, best
 * pairs first. Expected tasks marked `optional` count as neither missed nor extra.
 */
import { foldKey } from '../../src/import/fold.js';
import type { Due, PlanTask } from '../../src/import/types.js';

export interface ExpectedTask {
  ref: string;
  title: string;
  lead: string[];
  support: string[];
  due: Due;
  optional?: boolean;
}

export interface SeedScore {
  precision: number;
  recall: number;
  f1: number;
  lead: number;
  due: number;
  matched: number;
  missed: ExpectedTask[];
  extra: PlanTask[];
  wrongLead: Array<{ expected: ExpectedTask; got: PlanTask }>;
  wrongDue: Array<{ expected: ExpectedTask; got: PlanTask }>;
}

/** Folded title without parenthesised asides and punctuation. */
export function normTitle(title: string): string {
  return foldKey(title.replace(/\([^()]*\)/g, ' '))
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** How well two titles match: 1 when one contains the other, else the word-set overlap coefficient. */
export function titleSimilarity(a: string, b: string): number {
  const na = normTitle(a);
  const nb = normTitle(b);
  if (!na || !nb) return 0;
  if (na.includes(nb) || nb.includes(na)) return 1;
  const ta = new Set(na.split(' '));
  const tb = new Set(nb.split(' '));
  let common = 0;
  for (const t of ta) if (tb.has(t)) common += 1;
  return common / Math.min(ta.size, tb.size);
}

const normUnit = (u: string): string => foldKey(u).replace(/[^a-z0-9]+/g, ' ').trim();

export function sameUnits(a: string[], b: string[]): boolean {
  const sa = new Set(a.map(normUnit).filter(Boolean));
  const sb = new Set(b.map(normUnit).filter(Boolean));
  return sa.size === sb.size && [...sa].every((u) => sb.has(u));
}

export function sameDue(a: Due, b: Due): boolean {
  return a.kind === b.kind && (a.date ?? null) === (b.date ?? null) && (a.rule ?? null) === (b.rule ?? null);
}

const MATCH_THRESHOLD = 0.8;

/** One-to-one title matching, best pairs first. */
export function matchTasks(got: PlanTask[], expected: ExpectedTask[]): Map<number, number> {
  const pairs: Array<{ g: number; e: number; s: number }> = [];
  got.forEach((task, g) =>
    expected.forEach((exp, e) => {
      const s = titleSimilarity(task.title, exp.title);
      if (s >= MATCH_THRESHOLD) pairs.push({ g, e, s });
    }),
  );
  pairs.sort((x, y) => y.s - x.s);
  const byGot = new Map<number, number>();
  const usedExpected = new Set<number>();
  for (const { g, e } of pairs) {
    if (byGot.has(g) || usedExpected.has(e)) continue;
    byGot.set(g, e);
    usedExpected.add(e);
  }
  return byGot;
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

export function scoreTasks(got: PlanTask[], expected: ExpectedTask[]): SeedScore {
  const matches = matchTasks(got, expected);
  const matchedExpected = new Set(matches.values());
  const extra = got.filter((_, g) => !matches.has(g));
  const missed = expected.filter((e, i) => !e.optional && !matchedExpected.has(i));
  const scored = [...matches.entries()]
    .map(([g, e]) => ({ got: got[g] as PlanTask, expected: expected[e] as ExpectedTask }))
    .filter((p) => !p.expected.optional);
  const wrongLead = scored.filter((p) => !sameUnits(p.got.lead, p.expected.lead));
  const wrongDue = scored.filter((p) => !sameDue(p.got.due, p.expected.due));
  const precision = ratio(scored.length, scored.length + extra.length);
  const recall = ratio(scored.length, scored.length + missed.length);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    lead: ratio(scored.length - wrongLead.length, scored.length),
    due: ratio(scored.length - wrongDue.length, scored.length),
    matched: scored.length,
    missed,
    extra,
    wrongLead,
    wrongDue,
  };
}
