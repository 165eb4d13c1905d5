/**
 * Builds small .docx and .xlsx files in memory for the importer's tests: a minimal valid
 * WordprocessingML package (paragraphs, automatic numbering, tables with merged cells) and a
 * workbook written by exceljs.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph; `list` = [numId, level] makes it an automatically numbered list item. */
export function para(text: string, list?: [number, number]): string {
  const pPr = list ? `<w:pPr><w:numPr><w:ilvl w:val="${list[1]}"/><w:numId w:val="${list[0]}"/></w:numPr></w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

/** A table; a cell is text (paragraphs split on "\n"), or { text, merge } for vertical merges. */
export function table(rows: Array<Array<string | { text: string; merge: 'restart' | 'continue' }>>): string {
  const cell = (c: string | { text: string; merge: 'restart' | 'continue' }): string => {
    const text = typeof c === 'string' ? c : c.text;
    const merge = typeof c === 'string' ? '' : c.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>';
    return `<w:tc><w:tcPr>${merge}</w:tcPr>${text
      .split('\n')
      .map((t) => para(t))
      .join('')}</w:tc>`;
  };
  return `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

/** A .docx whose body is the given WordprocessingML blocks (see `para` and `table`). */
export async function buildDocx(blocks: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
      '</Relationships>',
  );
  zip.file('word/numbering.xml', NUMBERING);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${blocks.join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** An .xlsx with one sheet holding the given rows (cells may be text, numbers or dates). */
export async function buildXlsx(rows: Array<Array<string | number | Date | null>>, sheetName = 'Phụ lục'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A minimal PDF with a text layer: one line of text per entry, in the standard Helvetica font
 * (so ASCII only: text without diacritics), lines 16 points apart, a blank entry a paragraph gap,
 * 46 lines to a page. With `lines` empty the page has no text at all, as a scan would.
 */
export function buildPdf(lines: string[]): Buffer {
  const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const PER_PAGE = 46;
  const pages: string[] = [];
  for (let start = 0; start === 0 || start < lines.length; start += PER_PAGE) {
    let y = 800;
    const ops: string[] = [];
    for (const line of lines.slice(start, start + PER_PAGE)) {
      if (line) ops.push(`BT /F1 11 Tf 50 ${y} Td (${escape(line)}) Tj ET`);
      y -= line ? 16 : 24;
    }
    pages.push(ops.join('\n'));
  }
  // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page.
  const pageId = (i: number): number => 4 + i * 2;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageId(i)} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ...pages.flatMap((stream, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId(i) + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    ]),
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A .docx whose word/document.xml is `bytes` of zeros: a few hundred KB that expand a thousandfold. */
export async function buildZipBomb(bytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('word/document.xml', Buffer.alloc(bytes));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
