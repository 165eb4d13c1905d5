import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/import/plan-parser.js';
import { scoreImport, summaryLine } from './scoring.js';
import { loadSeeds } from './seeds.js';

describe('plan parser scored against the seeds with expected results (corpus scorer rules)', () => {
  const seeds = loadSeeds();
  const scored = seeds.filter((s) => s.expected !== null);

  it('finds the seed folder and at least one expected file', () => {
    expect(scored.length).toBeGreaterThan(0);
  });

  for (const seed of scored) {
    it(`${seed.name}: every required task found, nothing extra, lead and due right`, () => {
      const result = parsePlanText(seed.text);
      const score = scoreImport(seed.expected ?? [], result.tasks);
      console.log(`[score] ${seed.name}: ${summaryLine(score)}`);
      for (const line of score.details.filter((d) => /MISSED|EXTRA|<--/.test(d))) console.log(line);
      expect(score.f1).toBe(1);
      expect(score.fields).toBe(1);
    });
  }
});
