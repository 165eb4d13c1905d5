/** The dashboard's report rounds page and the download of a round's compiled file. */
import { periodContaining, parsePeriod } from '../domain/rounds.js';
import { localDate } from '../domain/time.js';
import { sendFile } from '../http/pages.js';
import { getRoundFile, roundFiles } from '../store/round-files.js';
import { roundProgress, scopeItems, scorecard } from '../store/round-report.js';
import { listRounds } from '../store/rounds.js';
import { rootUnitId } from '../store/units.js';
import { forbiddenPage, render, type PageContext } from './handlers.js';
import { roundsBody } from './pages/rounds.js';

const FILE_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function roundsPage(ctx: PageContext): Promise<void> {
  const { db, clock } = ctx.deps;
  // The office (administrators) follows every unit's reporting; a leader, their own subtree.
  const own = ctx.viewer.staff.unit_id;
  const unitId = ctx.viewer.staff.role === 'admin' ? ((await rootUnitId(db)) ?? own) : own;
  const today = localDate(clock.now());
  const rounds = await Promise.all(
    (await listRounds(db, 20)).map(async (r) => ({
      ...r,
      progress: await roundProgress(db, r, unitId),
      files: (await roundFiles(db, r.id)).map(({ id, fileName }) => ({ id, fileName })),
    })),
  );
  const period = parsePeriod(ctx.url.searchParams.get('period') ?? '') ?? periodContaining('quarter', today);
  const { units, total } = scorecard(await scopeItems(db, { from: period.from, to: period.to, unitId }, today));
  render(ctx, 200, ctx.t('dash-rounds-title'), 'rounds', roundsBody(ctx.t, { rounds, period: period.key, units, total }));
}

export async function roundFileDownload(ctx: PageContext, fileId: number): Promise<void> {
  const file = await getRoundFile(ctx.deps.db, fileId);
  if (!file) return forbiddenPage(ctx);
  sendFile(ctx.res, file.bytes, FILE_TYPES[file.fileName.split('.').pop() ?? ''] ?? 'application/octet-stream', file.fileName);
}
