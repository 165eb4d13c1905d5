/**
 * Scores a plan import against a labelled expected file with exactly the rules of
 * ../shared/tools/score_import.py (the corpus's own scorer): titles are compared by Python's
 * difflib ratio on their first 100 normalised characters or by the Dice overlap of their first
 * 25 words (a match needs 0.6), pairs are taken greedily best first, tasks labelled optional
 * count as neither missed nor extra, and unit lists agree when their joined text has a ratio of
 * at least 0.75. Used by `npm run bench:import` and by the corpus floors in the tests.
 */

export interface ScoredDue {
  kind: string;
  date?: string | null;
  rule?: string | null;
}

export interface ScoredTask {
  ref?: string;
  title: string;
  alt_titles?: string[];
  lead: string[];
  support: string[];
  due: ScoredDue;
  optional?: boolean;
}

export interface ImportScore {
  tasks: number;
  predicted: number;
  recall: number;
  precision: number;
  f1: number;
  lead: number;
  due: number;
  support: number;
  fields: number;
  /** One line per matched, missed or extra task, as the Python scorer prints on stderr. */
  details: string[];
}

/** Python's SequenceMatcher(None, a, b).ratio(), including its "autojunk" rule for long b. */
export function difflibRatio(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la + lb === 0) return 1;
  const b2j = new Map<string, number[]>();
  for (let j = 0; j < lb; j += 1) {
    const ch = b[j] as string;
    const list = b2j.get(ch);
    if (list) list.push(j);
    else b2j.set(ch, [j]);
  }
  if (lb >= 200) {
    const ntest = Math.floor(lb / 100) + 1;
    for (const [ch, idxs] of [...b2j]) if (idxs.length > ntest) b2j.delete(ch);
  }
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i += 1) {
      const next = new Map<number, number>();
      for (const j of b2j.get(a[i] as string) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti -= 1;
      bestj -= 1;
      bestsize += 1;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize += 1;
    return [besti, bestj, bestsize];
  };
  let matches = 0;
  const queue: Array<[number, number, number, number]> = [[0, la, 0, lb]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k === 0) continue;
    matches += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return (2 * matches) / (la + lb);
}

/** The scorer's `norm`: no diacritics (đ → d), lower case, runs of non-alphanumerics as one space. */
export function scoreNorm(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^0-9a-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .join(' ');
}

const REF = /^\s*((\d+(\.\d+)*\.?)|([a-zđ]\))|[-–•+])\s*/i;

function titleKey(t: string): string {
  let s = t;
  for (let i = 0; i < 3; i += 1) s = s.replace(REF, '');
  return scoreNorm(s);
}

function oneTitleScore(expected: string, predicted: string): number {
  const e = titleKey(expected);
  const p = titleKey(predicted);
  if (!e || !p) return 0;
  const r = difflibRatio(e.slice(0, 100), p.slice(0, 100));
  const et = e.split(' ').slice(0, 25);
  const pt = p.split(' ').slice(0, 25);
  const count = (list: string[], w: string): number => list.filter((x) => x === w).length;
  let common = 0;
  for (const w of new Set(et)) common += Math.min(count(et, w), count(pt, w));
  const dice = (2 * common) / (et.length + pt.length);
  return Math.max(r, dice);
}

function titleScore(task: ScoredTask, predicted: string): number {
  return Math.max(...[task.title, ...(task.alt_titles ?? [])].map((t) => oneTitleScore(t, predicted)));
}

function sameUnits(expected: string[], predicted: string[] | undefined): boolean {
  const e = scoreNorm((expected ?? []).join(', '));
  const p = scoreNorm((predicted ?? []).join(', '));
  if (!e && !p) return true;
  return difflibRatio(e, p) >= 0.75;
}

function sameDue(expected: ScoredDue, predicted: ScoredDue | undefined): boolean {
  const p = predicted ?? { kind: '' };
  if (expected.kind !== p.kind) return false;
  if (expected.kind === 'date' && (expected.date ?? null) !== (p.date ?? null)) return false;
  if (expected.kind === 'recurring' && expected.rule && expected.rule !== p.rule) return false;
  return true;
}

const pad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** Scores predicted tasks against expected ones, as score_import.py does. */
export function scoreImport(expected: ScoredTask[], predicted: ScoredTask[]): ImportScore {
  const pairs: Array<[number, number, number]> = [];
  expected.forEach((e, i) => predicted.forEach((p, j) => pairs.push([titleScore(e, p.title ?? ''), i, j])));
  // Python sorts the tuples (score, i, j) in reverse: higher score first, then higher i, then higher j.
  pairs.sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2]);
  const usedE = new Set<number>();
  const usedP = new Set<number>();
  const match = new Map<number, number>();
  for (const [s, i, j] of pairs) {
    if (s < 0.6) break;
    if (usedE.has(i) || usedP.has(j)) continue;
    usedE.add(i);
    usedP.add(j);
    match.set(i, j);
  }
  const required = expected.flatMap((e, i) => (e.optional ? [] : [i]));
  const found = required.filter((i) => match.has(i));
  const recall = found.length / Math.max(1, required.length);
  const precision = predicted.length > 0 ? usedP.size / Math.max(1, predicted.length) : 0;
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  let leadOk = 0;
  let dueOk = 0;
  let supOk = 0;
  const details: string[] = [];
  for (const i of found) {
    const e = expected[i] as ScoredTask;
    const p = predicted[match.get(i) as number] as ScoredTask;
    const l = sameUnits(e.lead, p.lead);
    const d = sameDue(e.due, p.due);
    const s = sameUnits(e.support, p.support);
    leadOk += Number(l);
    dueOk += Number(d);
    supOk += Number(s);
    const flag = l && d ? '' : `  <-- ${l ? '' : 'lead '}${d ? '' : 'due'}`;
    details.push(
      `  ${pad(e.ref ?? '', 6)} ~ ${pad(String(p.ref ?? '?'), 6)}  lead=${l ? 'ok' : 'NO'} due=${d ? 'ok' : 'NO'} support=${s ? 'ok' : 'no'}${flag}`,
    );
  }
  for (const i of required) if (!match.has(i)) details.push(`  ${pad(expected[i]?.ref ?? '', 6)} MISSED  ${(expected[i]?.title ?? '').slice(0, 70)}`);
  predicted.forEach((p, j) => {
    if (!usedP.has(j)) details.push(`  EXTRA  ${p.ref ?? '?'}  ${String(p.title ?? '').slice(0, 70)}`);
  });
  const n = Math.max(1, found.length);
  return {
    tasks: required.length,
    predicted: predicted.length,
    recall,
    precision,
    f1,
    lead: leadOk / n,
    due: dueOk / n,
    support: supOk / n,
    fields: found.length ? (leadOk + dueOk) / (2 * n) : 0,
    details,
  };
}

/** The scorer's summary line. */
export function summaryLine(s: ImportScore): string {
  const f = (x: number): string => x.toFixed(2);
  return (
    `tasks=${s.tasks} predicted=${s.predicted} recall=${f(s.recall)} precision=${f(s.precision)} ` +
    `F1=${f(s.f1)} lead=${f(s.lead)} due=${f(s.due)} support=${f(s.support)} fields=${f(s.fields)}`
  );
}
