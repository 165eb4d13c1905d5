/**
 * Loads a workbook with exceljs and hands back each worksheet as plain rows of cells (text,
 * numbers, dates), with merged cells repeating their value and formulas reduced to results.
 */
import ExcelJS from 'exceljs';
import type { Cell } from './table.js';

function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return toCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return toCell(value.text as ExcelJS.CellValue);
  if ('error' in value) return null;
  return null;
}

/** Every worksheet as rows (0-based) of cells (0-based). */
export async function readWorkbookRows(buf: Buffer): Promise<Cell[][][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: Cell[][] = [];
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= width; c += 1) cells.push(toCell(row.getCell(c).value));
      rows.push(cells);
    }
    return rows;
  });
}
