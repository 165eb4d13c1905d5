import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, readStaffFile, StaffFileError } from '../../src/import/staff-file.js';
import { decodeTextBytes, EncodingError } from '../../src/import/text-encoding.js';

const PEOPLE = [
  'Họ tên,Đơn vị,Vai trò,Số điện thoại',
  'Nguyễn Thị Hường,Sở Tư pháp / Văn phòng Sở,Trưởng phòng,0912345678',
  'Đỗ Văn Ước,Sở Tư pháp / Phòng Hành chính tư pháp,chuyên viên,0913000111',
];

/** Windows-1258 as Windows writes it: base letters with their shape (ă, ê, ơ, ư) and a separate tone mark. */
function cp1258(text: string): Buffer {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const split = [...text.normalize('NFC')]
    .map((ch) => {
      const nfd = ch.normalize('NFD');
      const tones = nfd.match(TONES)?.join('') ?? '';
      return nfd.replace(TONES, '').normalize('NFC') + tones;
    })
    .join('');
  return iconv.encode(split, 'windows-1258');
}

async function names(buf: Buffer, file = 'people.csv') {
  const table = await readStaffFile(buf, file);
  return { names: table.rows.map((r) => r.name), table };
}

describe('reading a staff list as Excel and old systems save it', () => {
  it('reads UTF-8 with a BOM, CRLF line ends and semicolons as separators', async () => {
    const text = '\ufeff' + PEOPLE.map((l) => l.replaceAll(',', ';')).join('\r\n') + '\r\n';
    const { names: got, table } = await names(Buffer.from(text, 'utf8'));
    expect(got).toEqual(['Nguyễn Thị Hường', 'Đỗ Văn Ước']);
    expect(table.rows[1]).toMatchObject({ unitPath: ['Sở Tư pháp', 'Phòng Hành chính tư pháp'], role: 'staff', phone: '0913000111' });
    expect(table.encoding).toBe('UTF-8');
  });

  it('reads UTF-16 with a BOM (Excel\'s "Unicode text", tab-separated) and without one', async () => {
    const tabbed = PEOPLE.map((l) => l.replaceAll(',', '\t')).join('\r\n');
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]);
    expect((await names(withBom)).names).toEqual(['Nguyễn Thị Hường', 'Đỗ Văn Ước']);
    const bare = await names(Buffer.from(PEOPLE.join('\n'), 'utf16le'));
    expect(bare.names).toEqual(['Nguyễn Thị Hường', 'Đỗ Văn Ước']);
    expect(bare.table.encoding).toBe('UTF-16LE');
  });

  it('converts Windows-1258 and TCVN3 text to Unicode', async () => {
    const windows = await names(cp1258(PEOPLE.join('\r\n')));
    expect(windows.table.encoding).toBe('windows-1258');
    expect(windows.names).toEqual(['Nguyễn Thị Hường', 'Đỗ Văn Ước']);
    expect(windows.table.rows[0]!.unitPath).toEqual(['Sở Tư pháp', 'Văn phòng Sở']);
    const tcvn = await names(iconv.encode(PEOPLE.join('\n'), 'tcvn'));
    expect(tcvn.table.encoding).toBe('tcvn');
    expect(tcvn.names).toEqual(['Nguyễn Thị Hường', 'Đỗ Văn Ước']);
  });

  it('refuses text in another encoding and names the encoding it looks like', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `山田太郎,総務課人事係,職員,09123456${String(i).padStart(2, '0')}`);
    const japanese = iconv.encode(['氏名,部署,役割,電話', ...rows].join('\n'), 'shift_jis');
    const error = await readStaffFile(japanese, 'people.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaffFileError);
    expect((error as StaffFileError).reason).toEqual({ key: 'staff-file-encoding', args: { encoding: 'Shift_JIS' } });
    const french = Array.from({ length: 20 }, (_, i) => `François Müller,Bureau général des études,staff,09123456${String(i).padStart(2, '0')}`);
    await expect(readStaffFile(iconv.encode(['name,unit,role,phone', ...french].join('\n'), 'latin1'), 'people.csv')).rejects.toMatchObject({
      reason: { args: { encoding: 'ISO-8859-1' } },
    });
    expect(() => decodeTextBytes(Buffer.from([0x81, 0x82, 0x83, 0x9f, 0x90, 0x8d]))).toThrow(EncodingError);
  });

  it('drops NUL bytes instead of failing on them', async () => {
    const text = PEOPLE.join('\n').replace('Hường', 'Hư\u0000ờng').replace('0913000111', '0913\u0000000111');
    const { names: got, table } = await names(Buffer.from(text, 'utf8'));
    expect(got).toEqual(['Nguyễn Thị Hường', 'Đỗ Văn Ước']);
    expect(table.rows[1]!.phone).toBe('0913000111');
  });

  it('keeps the good rows when one row is bad, naming its line and reason', async () => {
    const text = [...PEOPLE.slice(0, 2), 'Lê Văn Bad,Sở Tư pháp,boss,0913000999', PEOPLE[2]].join('\n');
    const { names: got, table } = await names(Buffer.from(text, 'utf8'));
    expect(got).toEqual(['Nguyễn Thị Hường', 'Đỗ Văn Ước']);
    expect(table.skipped).toEqual([{ line: 3, reason: expect.objectContaining({ key: 'cli-staff-import-bad-role' }) }]);
  });

  it('reads the first sheet of an .xlsx file in the reader worker', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cán bộ');
    for (const line of PEOPLE) sheet.addRow(line.split(','));
    const buf = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await names(buf, 'people.xlsx')).names).toEqual(['Nguyễn Thị Hường', 'Đỗ Văn Ước']);
    await expect(readStaffFile(Buffer.from('PK\u0003\u0004garbage'), 'people.xlsx')).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('picks the separator the header line uses', () => {
    expect(guessDelimiter('name;unit;role;phone\r\na,b,c;d')).toBe(';');
    expect(guessDelimiter('name\tunit\trole\tphone')).toBe('\t');
    expect(guessDelimiter('name,unit,role,phone')).toBe(',');
  });
});
