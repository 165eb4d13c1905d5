/**
 * `npm run bench:report`: how long the compiled report takes to write, and how big it gets, for a
 * Sở (500 tasks), a province (5 000) and a province's whole year (20 000). The tasks are made in
 * memory (the database read is measured by `npm run bench`'s scale runs); this times the Word and
 * Excel writers and the scorecard over them. Prints figures; asserts nothing.
 */
import { reportDocx } from '../src/reports/round-docx.js';
import { reportXlsx } from '../src/reports/round-xlsx.js';
import type { ReportData } from '../src/reports/round-data.js';
import { scorecard, standingOf, type ScopeItem } from '../src/store/round-report.js';
import { addDays } from '../src/domain/time.js';
import { getTranslator } from '../src/i18n.js';
import type { Status } from '../src/domain/types.js';

const STATUSES: Status[] = ['done', 'done', 'in_progress', 'open', 'blocked'];
const AS_OF = '2026-12-08';

function items(n: number): ScopeItem[] {
  return Array.from({ length: n }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    const dueDate = addDays('2026-10-01', i % 90);
    const completedOn = status === 'done' ? addDays(dueDate, (i % 7) - 3) : null;
    return {
      occurrenceId: i + 1,
      taskId: i + 1,
      ref: String(i + 1),
      title: `Nhiệm vụ số ${i + 1}: triển khai chuyển đổi số trong lĩnh vực hành chính tư pháp, rà soát và cập nhật dữ liệu`,
      leadUnitId: i % 40,
      leadUnit: `Phòng chuyên môn số ${i % 40}`,
      dueDate,
      status,
      completedOn,
      standing: standingOf(status, dueDate, completedOn, AS_OF),
      result: i % 3 === 0 ? 'Đã ban hành kế hoạch, tổ chức hội nghị triển khai' : null,
      product: i % 4 === 0 ? `Báo cáo số ${i}/BC` : null,
      difficulties: i % 10 === 0 ? 'Thiếu nhân lực, chờ hướng dẫn của Bộ' : null,
      proposals: i % 25 === 0 ? 'Đề nghị bổ sung kinh phí' : null,
      kept: false,
      answered: i % 3 === 0,
      lastNote: null,
      lastUpdate: null,
    };
  });
}

async function main(): Promise<void> {
  const t = getTranslator().for('vi');
  console.log('compiled report (docx + xlsx), synthetic tasks in memory');
  for (const n of [500, 5_000, 20_000]) {
    const list = items(n);
    const { units, total } = scorecard(list);
    const data: ReportData = { issuer: 'Sở Tư pháp', periodLabel: 'quý IV năm 2026', asOf: AS_OF, items: list, units, total };
    const heap0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const docx = await reportDocx(t, data, new Date());
    const t1 = performance.now();
    const xlsx = await reportXlsx(t, data, new Date());
    const t2 = performance.now();
    const rss = Math.round((process.memoryUsage().rss - heap0) / 1e6);
    console.log(
      `  ${String(n).padStart(6)} tasks: docx ${Math.round(t1 - t0)} ms, ${Math.round(docx.length / 1024)} KiB; ` +
        `xlsx ${Math.round(t2 - t1)} ms, ${Math.round(xlsx.length / 1024)} KiB; RSS +${rss} MB`,
    );
  }
}

await main();
