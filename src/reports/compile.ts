/**
 * Compiles a round: reads its scope once, writes the Word report and the workbook, keeps both
 * with the round (the dashboard lists them with the round's history) and marks it compiled.
 * Used by the scheduler on the due date and by the office on demand.
 */
import type { Db } from '../db/index.js';
import { parsePeriod, rangePeriod } from '../domain/rounds.js';
import type { Translate } from '../i18n.js';
import { saveRoundFile } from '../store/round-files.js';
import { markCompiled, type Round } from '../store/rounds.js';
import { loadReportData } from './round-data.js';
import { reportDocx } from './round-docx.js';
import { reportXlsx } from './round-xlsx.js';

export function roundPeriod(round: Pick<Round, 'periodKey' | 'from' | 'to'>) {
  return parsePeriod(round.periodKey) ?? rangePeriod(round.from, round.to);
}

/** The file names of a round's report: bao-cao-2026-Q4.docx / .xlsx. */
export function roundFileName(round: Pick<Round, 'periodKey' | 'documentId'>, ext: 'docx' | 'xlsx'): string {
  const scope = round.documentId ? `-kh${round.documentId}` : '';
  return `bao-cao-${round.periodKey.replace(/[^0-9A-Za-z-]+/g, '-')}${scope}.${ext}`;
}

export async function compileRound(db: Db, t: Translate, round: Round, asOf: string, now: Date): Promise<number[]> {
  const data = await loadReportData(db, t, { period: roundPeriod(round), documentId: round.documentId, roundId: round.id }, asOf);
  const ids = [
    await saveRoundFile(db, round.id, roundFileName(round, 'docx'), await reportDocx(t, data, now), now),
    await saveRoundFile(db, round.id, roundFileName(round, 'xlsx'), await reportXlsx(t, data, now), now),
  ];
  await markCompiled(db, round.id, now);
  return ids;
}
