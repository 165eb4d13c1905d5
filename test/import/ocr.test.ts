import { describe, expect, it } from 'vitest';
import { foldKey } from '../../src/import/fold.js';
import { parsePlanText } from '../../src/import/plan-parser.js';
import type { PlanImport } from '../../src/import/types.js';
import { scoreImport } from './scoring.js';
import { loadSeeds } from './seeds.js';

/** OCR without diacritics: letters lose their marks, case and layout stay. */
const stripMarks = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** Pasted from a chat or a web page: every line break lost, spaces collapsed, case kept. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A deterministic pseudo-random sequence, so the noise is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Scanner debris: doubled spaces, indents, page numbers and a running header at page breaks. */
function addNoise(text: string): string {
  const rnd = random(42);
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const spaced = line.replace(/ /g, (m) => (rnd() < 0.08 ? '  ' : m));
    out.push(rnd() < 0.1 ? `  ${spaced}` : spaced);
    if (i % 45 === 44) out.push('', `- ${Math.floor(i / 45) + 2} -`, 'KẾ HOẠCH SỐ 12/KH-STP NGÀY 01/3/2025', '');
  });
  return out.join('\n');
}

// Capital letters are part of a plan's structure (headings, names of bodies, sentence starts), and
// OCR and copy-paste keep them; what they lose is diacritics, line breaks and tidy spacing.
const VARIANTS: Array<[string, (t: string) => string]> = [
  ['without diacritics', stripMarks],
  ['joined into one line', oneLine],
  ['joined into one line without diacritics', (t) => oneLine(stripMarks(t))],
  ['with scanner noise', addNoise],
  ['without diacritics and with noise', (t) => addNoise(stripMarks(t))],
];

function shape(plan: PlanImport) {
  return plan.tasks.map((t) => ({
    ref: t.ref,
    title: foldKey(t.title),
    lead: t.lead.map(foldKey),
    due: [t.due.kind, t.due.date, t.due.rule],
  }));
}

describe('OCR variants of the seeds parse to the same tasks', () => {
  for (const seed of loadSeeds()) {
    const base = parsePlanText(seed.text);

    it(`${seed.name}: the original yields tasks`, () => {
      expect(base.tasks.length).toBeGreaterThan(0);
    });

    for (const [name, transform] of VARIANTS) {
      it(`${seed.name} ${name}`, () => {
        const variant = parsePlanText(transform(seed.text));
        expect(shape(variant)).toEqual(shape(base));
        if (seed.expected) {
          const score = scoreImport(seed.expected, variant.tasks);
          expect(Math.min(score.f1, score.fields)).toBeGreaterThanOrEqual(0.95);
        }
      });
    }
  }

  it('keeps the original diacritics in titles and unit names', () => {
    const seed = loadSeeds().find((s) => s.expected);
    const task = seed ? parsePlanText(seed.text).tasks[0] : undefined;
    expect(task?.title).toMatch(/[ăâđêôơưáàảãạ]/i);
    expect(task?.lead.join(' ')).toMatch(/[ăâđêôơưáàảãạ]/i);
  });
});
