/**
 * A floor under the importer's scores on the labelled development corpus (../shared/corpus,
 * read where it lies, never copied): every document, as text, Word, PDF and text without
 * diacritics, must keep its F1 and field agreement at or above the figure below, set a little
 * under what the importer reaches, so no later change lowers them unnoticed. Scored with the
 * corpus scorer's rules (bench/import-score.ts). `npm run bench:import` prints the figures.
 * Without the corpus beside the repository the tests are skipped and say so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelledFiles } from '../../bench/import.js';
import { scoreImport, type ScoredTask } from '../../bench/import-score.js';
import { readPlanBuffer } from '../../src/import/read-plan.js';
import { repoRoot } from './seeds.js';

const shared = process.env.DONDOC_SHARED ?? path.resolve(repoRoot, '..', 'shared');
const corpus = path.join(shared, 'corpus');
const present = fs.existsSync(corpus);

/** [file, F1 floor, fields floor]. */
const FLOORS: Array<[string, number, number]> = [
  ['01-hcm-qd2820-csdl-quyhoach.txt', 0.96, 0.97],
  ['02-bvhttdl-cv6225-nq57.txt', 0.97, 0.97],
  ['03-dongthap-kh552-doimoi-congnghe.txt', 0.96, 0.97],
  ['04-hanoi-kh310-5g-iot.txt', 0.96, 0.97],
  ['05-ttg-qd2623-bao-ve-dlcn.txt', 0.97, 0.93],
  ['06-laichau-kh7360-tieuchuan-nodiac.txt', 0.97, 0.92],
  ['06-laichau-kh7360-tieuchuan.txt', 0.97, 0.92],
  ['07-vpcp-tb624-bcd-khcn-da06.txt', 0.96, 0.96],
  ['08-ttg-cd220-cat-giam-tthc.txt', 0.97, 0.97],
  ['09-bvhttdl-cv6278-tthc-nodiac.txt', 0.97, 0.97],
  ['09-bvhttdl-cv6278-tthc.txt', 0.97, 0.97],
  ['10-daklak-ct012-cchc.txt', 0.97, 0.94],
  ['11-quangngai-qd1627-kiemke.txt', 0.97, 0.97],
  ['12-hcm-kh174-binhdanggioi.txt', 0.95, 0.93],
  ['13-vpcp-tb634-thanhhoa.txt', 0.97, 0.92],
  ['14-hanoi-cv6397-dauthau-nodiac.txt', 0.89, 0.91],
  ['14-hanoi-cv6397-dauthau.txt', 0.89, 0.91],
  ['15-vpcp-cv11554-buonlau.txt', 0.97, 0.97],
  ['16-hcm-qd2853-thientai.txt', 0.97, 0.97],
  ['17-bcd-cv174-chinhquyen-2cap.txt', 0.97, 0.72],
  ['18-nghean-kh1026-bmnn.txt', 0.95, 0.97],
  ['19-cantho-ct09-nuoc-duoi-dat.txt', 0.93, 0.97],
  ['20-vpcp-tb623-daklak.txt', 0.97, 0.97],
  ['01-hcm-qd2820-csdl-quyhoach.docx', 0.96, 0.97],
  ['02-bvhttdl-cv6225-nq57.docx', 0.97, 0.97],
  ['03-dongthap-kh552-doimoi-congnghe.docx', 0.96, 0.97],
  ['04-hanoi-kh310-5g-iot.docx', 0.96, 0.97],
  ['01-hcm-qd2820-csdl-quyhoach.pdf', 0.96, 0.94],
  ['03-dongthap-kh552-doimoi-congnghe.pdf', 0.93, 0.93],
  ['05-ttg-qd2623-bao-ve-dlcn.pdf', 0.97, 0.93],
  ['16-hcm-qd2853-thientai.pdf', 0.97, 0.97],
];

/** The corpus as a whole: macro averages the importer must keep. */
const MACRO = { f1: 0.95, fields: 0.95 };

describe.skipIf(!present)('plan importer on the labelled corpus', () => {
  const files = new Map(labelledFiles(shared).map((f) => [path.basename(f.file), f]));
  const scores: Array<{ f1: number; fields: number }> = [];

  it('has a floor for every labelled corpus file and a file for every floor', () => {
    const corpusFiles = [...files.keys()].filter((f) => /^\d\d-/.test(f)).sort();
    expect(corpusFiles).toEqual(FLOORS.map(([f]) => f).sort());
  });

  for (const [name, f1Floor, fieldsFloor] of FLOORS) {
    it(`${name}: F1 ≥ ${f1Floor.toFixed(2)}, fields ≥ ${fieldsFloor.toFixed(2)}`, async () => {
      const file = files.get(name);
      expect(file, `${name} is not in ${corpus}`).toBeDefined();
      const plan = await readPlanBuffer(fs.readFileSync(file!.file), name);
      const labels = JSON.parse(fs.readFileSync(file!.expected, 'utf8')) as { tasks: ScoredTask[] };
      const score = scoreImport(labels.tasks, plan.tasks as ScoredTask[]);
      scores.push(score);
      expect(score.f1, score.details.join('\n')).toBeGreaterThanOrEqual(f1Floor);
      expect(score.fields, score.details.join('\n')).toBeGreaterThanOrEqual(fieldsFloor);
    }, 60_000);
  }

  it(`keeps macro F1 ≥ ${MACRO.f1} and fields ≥ ${MACRO.fields}`, () => {
    expect(scores).toHaveLength(FLOORS.length);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(scores.map((s) => s.f1))).toBeGreaterThanOrEqual(MACRO.f1);
    expect(mean(scores.map((s) => s.fields))).toBeGreaterThanOrEqual(MACRO.fields);
  });
});

describe.runIf(!present)('plan importer on the labelled corpus', () => {
  it.skip(`skipped: the labelled corpus is not at ${corpus} (set DONDOC_SHARED to the folder holding corpus/)`, () => {});
});
