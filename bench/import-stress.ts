/**
 * `npm run bench:import:stress`: times the importer on long plans and on hostile files, each in
 * a child process of its own, and prints per file what came out (tasks, or the refusal), the
 * parse time and the peak memory of the process. The long plans are generated
 * (bench/synthetic-plan.ts) as text, Word and PDF; the hostile files are a zip bomb, an archive
 * that lies about its size, a Word file whose XML needs more memory than the reader may take, a
 * scan, a damaged PDF, texts at the length limit with no line breaks, no spaces or nothing but
 * list markers, and a file over the size limit. Prints figures; asserts nothing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MAX_PLAN_FILE_BYTES, MAX_PLAN_TEXT_CHARS } from '../src/import/read-plan.js';
import { buildDocx, buildPdf, buildZipBomb, para } from '../test/import/fixtures.js';
import { PAGE_CHARS, syntheticPlan } from './synthetic-plan.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const noDiacritics = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** A Word paragraph as Word writes it: run properties on every run, revision ids. */
function wordPara(text: string): string {
  const rPr =
    '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>';
  return para(text).replace('<w:r>', `<w:r w:rsidRPr="00B1C2D3">${rPr}`);
}

/** An archive whose entry says it expands to 1,000 bytes and expands to `bytes`. */
async function lyingZip(bytes: number): Promise<Buffer> {
  const zip = Buffer.from(await buildZipBomb(bytes));
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = zip.readUInt32LE(i);
    if (sig === 0x04034b50) zip.writeUInt32LE(1000, i + 22);
    if (sig === 0x02014b50) zip.writeUInt32LE(1000, i + 24);
  }
  return zip;
}

interface Case {
  name: string;
  what: string;
  build: () => Promise<Buffer> | Buffer;
}

const pages = (n: number): string => syntheticPlan(n * PAGE_CHARS);
const belowLimit = (s: string): string => s.slice(0, MAX_PLAN_TEXT_CHARS - 100);

const CASES: Case[] = [
  { name: 'plan-30-pages.txt', what: '30-page plan, text', build: () => Buffer.from(pages(30)) },
  { name: 'plan-30-pages.docx', what: '30-page plan, Word', build: () => buildDocx(pages(30).split('\n').map(wordPara)) },
  { name: 'plan-30-pages.pdf', what: '30-page plan, PDF (no diacritics)', build: () => buildPdf(noDiacritics(pages(30)).split('\n')) },
  { name: 'plan-150-pages.txt', what: '150-page plan, text', build: () => Buffer.from(pages(150)) },
  { name: 'plan-400-pages.txt', what: 'text at the length limit', build: () => Buffer.from(belowLimit(pages(420))) },
  { name: 'one-line.txt', what: 'text at the limit, no line breaks', build: () => Buffer.from(belowLimit(pages(420)).replace(/\n/g, ' ')) },
  { name: 'no-spaces.txt', what: 'text at the limit, one word', build: () => Buffer.from('Sởtưpháp'.repeat(MAX_PLAN_TEXT_CHARS / 8 - 10)) },
  {
    name: 'markers.txt',
    what: 'text at the limit, only list markers',
    build: () => Buffer.from('1.1.1.1.1.1.1.1. a) - + (1) '.repeat(MAX_PLAN_TEXT_CHARS / 28 - 10)),
  },
  {
    name: 'parentheses.txt',
    what: 'text at the limit, open parentheses',
    build: () => Buffer.from(`Giao Sở Tư pháp ${'('.repeat(MAX_PLAN_TEXT_CHARS - 100)}`),
  },
  { name: 'too-long.txt', what: 'text over the length limit', build: () => Buffer.from(pages(450)) },
  { name: 'bomb.docx', what: 'zip bomb, 400 MB of XML', build: () => buildZipBomb(400 * 1024 * 1024) },
  { name: 'bomb.xlsx', what: 'zip bomb as a workbook', build: () => buildZipBomb(400 * 1024 * 1024) },
  { name: 'lying.docx', what: 'archive lying about its size', build: () => lyingZip(40 * 1024 * 1024) },
  { name: 'huge-xml.docx', what: 'Word file with 10 MB of XML', build: () => buildDocx(pages(1000).split('\n').map(wordPara).slice(0, 40_000)) },
  { name: 'scan.pdf', what: 'PDF without a text layer', build: () => buildPdf([]) },
  { name: 'damaged.pdf', what: 'PDF cut in half', build: () => buildPdf(noDiacritics(pages(2)).split('\n')).subarray(0, 2000) },
  { name: 'over-limit.txt', what: 'file over 20 MB', build: () => Buffer.alloc(MAX_PLAN_FILE_BYTES + 1, 0x61) },
];

interface Measured {
  plan: { tasks: unknown[] } | null;
  code: string | null;
  error: string | null;
  ms: number;
  maxRssKb: number;
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-stress-'));
  let peak = 0;
  try {
    console.log(`${'file'.padEnd(20)} ${'input'.padEnd(38)} ${'size'.padStart(9)}  ${'outcome'.padEnd(14)} ${'parse'.padStart(8)} ${'peak RSS'.padStart(9)}`);
    for (const c of CASES.filter((x) => x.name.includes(filter))) {
      const file = path.join(dir, c.name);
      const bytes = await c.build();
      fs.writeFileSync(file, bytes);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'import-one.ts'), file], {
        cwd: root,
        maxBuffer: 256 * 1024 * 1024,
      });
      const m = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Measured;
      const outcome = m.plan ? `${m.plan.tasks.length} tasks` : (m.code ?? `error: ${m.error}`);
      const size = bytes.length >= 1024 * 1024 ? `${(bytes.length / 1024 / 1024).toFixed(1)} MB` : `${(bytes.length / 1024).toFixed(0)} KB`;
      peak = Math.max(peak, m.maxRssKb);
      console.log(
        `${c.name.padEnd(20)} ${c.what.padEnd(38)} ${size.padStart(9)}  ${outcome.padEnd(14)} ${`${m.ms.toFixed(0)} ms`.padStart(8)} ${`${(m.maxRssKb / 1024).toFixed(0)} MB`.padStart(9)}`,
      );
      fs.rmSync(file);
    }
    console.log(`\nhighest peak RSS of one import: ${(peak / 1024).toFixed(0)} MB (each process includes the TypeScript loader)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
