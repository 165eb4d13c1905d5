// Opens a Word, Excel or PDF file in a worker thread of plain Node (no TypeScript loader, which
// would transpile the libraries' megabytes on every start), under the memory limit its parent
// sets, so a file that needs too much memory stops this thread instead of the server.
//
// workerData: { kind: 'docx' | 'xlsx' | 'pdf', data: Uint8Array }
// Posts one message: { html } (docx), { sheets } (xlsx: sheets of rows of cells), { pages } (pdf:
// pages of text runs { text, x, y, width, height }) or { error }.
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';

const MAX_PDF_PAGES = 800;

/** mammoth's HTML of a .docx; pictures are left out unread (a plan's text is what matters). */
async function docx(data) {
  const { default: mammoth } = await import('mammoth');
  const skipImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) }, { convertImage: skipImage });
  return { html: result.value };
}

/** A cell as the importer reads it: text, a number, a date or null; formulas give their result. */
function cellOf(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'object') return null;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellOf(value.result);
  if ('hyperlink' in value) return cellOf(value.text);
  return null;
}

/** Every worksheet as rows of cells, merged cells repeating their value. */
async function xlsx(data) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  const sheets = workbook.worksheets.map((sheet) => {
    const rows = [];
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const cells = [];
      for (let c = 1; c <= width; c += 1) cells.push(cellOf(row.getCell(c).value));
      rows.push(cells);
    }
    return rows;
  });
  return { sheets };
}

/** The text runs of every page of a PDF. */
async function pdf(data) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages = [];
    for (let p = 1; p <= Math.min(doc.numPages, MAX_PDF_PAGES); p += 1) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const runs = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string' || !item.transform) continue;
        runs.push({
          text: item.str,
          x: item.transform[4] ?? 0,
          y: item.transform[5] ?? 0,
          width: item.width ?? 0,
          height: item.height || Math.abs(item.transform[3] ?? 0),
        });
      }
      pages.push(runs);
      page.cleanup();
    }
    return { pages };
  } finally {
    await doc.destroy();
  }
}

const readers = { docx, xlsx, pdf };

async function main() {
  const read = readers[workerData.kind];
  if (!read) throw new Error(`unknown kind ${workerData.kind}`);
  parentPort.postMessage(await read(workerData.data));
}

main().catch((error) => parentPort.postMessage({ error: String(error?.message ?? error) }));
