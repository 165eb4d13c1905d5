import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/import/plan-parser.js';
import { scoreTasks } from './scoring.js';
import { loadSeeds } from './seeds.js';

const THRESHOLD = 0.95;

describe('plan parser scored against the seeds with expected results', () => {
  const seeds = loadSeeds();
  const scored = seeds.filter((s) => s.expected !== null);

  it('finds the seed folder and at least one expected file', () => {
    expect(scored.length).toBeGreaterThan(0);
  });

  for (const seed of scored) {
    it(`${seed.name}: task F1, lead and due reach ${THRESHOLD}`, () => {
      const result = parsePlanText(seed.text);
      const score = scoreTasks(result.tasks, seed.expected ?? []);
      const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
      console.log(
        `[score] ${seed.name}: tasks ${result.tasks.length}, matched ${score.matched}, ` +
          `P ${pct(score.precision)} R ${pct(score.recall)} F1 ${pct(score.f1)}, lead ${pct(score.lead)}, due ${pct(score.due)}`,
      );
      for (const m of score.missed) console.log(`  missed ${m.ref}: ${m.title}`);
      for (const x of score.extra) console.log(`  extra ${x.ref}: ${x.title}`);
      for (const w of score.wrongLead) console.log(`  lead ${w.expected.ref}: got ${JSON.stringify(w.got.lead)} want ${JSON.stringify(w.expected.lead)}`);
      for (const w of score.wrongDue) console.log(`  due ${w.expected.ref}: got ${JSON.stringify(w.got.due)} want ${JSON.stringify(w.expected.due)}`);
      expect(score.f1).toBeGreaterThanOrEqual(THRESHOLD);
      expect(score.lead).toBeGreaterThanOrEqual(THRESHOLD);
      expect(score.due).toBeGreaterThanOrEqual(THRESHOLD);
    });
  }
});
