/**
 * A long plan for timing the importer: the shapes real plans use (a two-column letterhead,
 * roman sections, numbered items with "Đơn vị chủ trì / phối hợp / Thời gian" lines, unit
 * headings with bullets, "Giao X ..." sentences, a closing section), with lines wrapped at about
 * 85 characters as text taken from a PDF is, repeated with varied words until it reaches the
 * wanted length. Deterministic: the same size gives the same text.
 */

const UNITS = [
  'Sở Tư pháp',
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Khoa học và Công nghệ',
  'Công an tỉnh',
  'Văn phòng UBND tỉnh',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Xây dựng',
  'Sở Nông nghiệp và Môi trường',
];
const WORKS = [
  'Rà soát, đánh giá thủ tục hành chính liên quan đến dữ liệu dân cư và đề xuất phương án đơn giản hóa',
  'Xây dựng cơ sở dữ liệu chuyên ngành, bảo đảm kết nối, chia sẻ với Cơ sở dữ liệu quốc gia về dân cư',
  'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức, viên chức các cơ quan, đơn vị trên địa bàn tỉnh',
  'Triển khai thanh toán không dùng tiền mặt trong trường học, cơ sở y tế và dịch vụ công trực tuyến',
  'Tuyên truyền, phổ biến Nghị quyết số 57-NQ/TW trên các phương tiện thông tin đại chúng',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực theo quy định',
];
const TIMES = ['Quý II/2026', 'trước ngày 30/6/2026', 'Thường xuyên', 'Hằng năm', 'tháng 9/2026', 'Năm 2026 - 2027', 'định kỳ hằng quý'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function wrap(text: string, width = 85): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function section(n: number): string[] {
  const pick = <T>(xs: T[], k: number): T => xs[(n * 7 + k) % xs.length]!;
  const lines: string[] = [`${ROMAN[n % ROMAN.length]}. NHIỆM VỤ VÀ GIẢI PHÁP NHÓM ${n + 1}`];
  for (let i = 1; i <= 4; i += 1) {
    lines.push(...wrap(`${i}. ${pick(WORKS, i)} của ${pick(UNITS, i + 3)} trong giai đoạn ${2026 + (n % 3)}`));
    lines.push(...wrap(`- Đơn vị chủ trì: ${pick(UNITS, i)}`));
    lines.push(...wrap(`- Đơn vị phối hợp: ${pick(UNITS, i + 1)}, ${pick(UNITS, i + 2)} và UBND các xã, phường`));
    lines.push(`- Thời gian thực hiện: ${pick(TIMES, i)}.`);
  }
  lines.push(`5. ${pick(UNITS, 5)}:`);
  for (let i = 0; i < 3; i += 1) lines.push(...wrap(`- ${pick(WORKS, i + 2)}, hoàn thành ${pick(TIMES, i + 2)}.`));
  lines.push(
    ...wrap(`6. Giao ${pick(UNITS, 6)} chủ trì, phối hợp với ${pick(UNITS, 7)} ${pick(WORKS, 6).toLowerCase()}, báo cáo UBND tỉnh ${pick(TIMES, 6)}.`),
  );
  return lines;
}

const HEADER = [
  'ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'TỈNH ĐỒNG THÁP                         Độc lập - Tự do - Hạnh phúc',
  'Số: 123/KH-UBND                    Đồng Tháp, ngày 15 tháng 01 năm 2026',
  '',
  'KẾ HOẠCH',
  'Triển khai chuyển đổi số và Đề án 06 năm 2026',
  '',
];

/** A plan of about `chars` characters (a printed page holds about 2,500). */
export function syntheticPlan(chars: number): string {
  const lines = [...HEADER];
  let size = lines.join('\n').length;
  for (let n = 0; size < chars; n += 1) {
    for (const line of section(n)) {
      lines.push(line);
      size += line.length + 1;
    }
  }
  lines.push('', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.');
  return lines.join('\n');
}

/** Characters in a printed A4 page of a plan (13-14 pt Times, as offices print them). */
export const PAGE_CHARS = 2_500;
