import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/import/plan-parser.js';

const documentOf = (text: string) => parsePlanText(`${text}\n\nI. NỘI DUNG\n1. Giao Sở Tư pháp rà soát văn bản.`).document;

describe('the document header', () => {
  it('reads a date broken after the day and an issuer written on two lines', () => {
    const text = [
      'BỘ VĂN HÓA, THỂ THAO',
      'VÀ DU LỊCH',
      '-------',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '---------------',
      'Số: 6225/BVHTTDL-KHCNMT',
      'Hà Nội, ngày 17',
      'tháng 11 năm 2025',
    ].join('\n');
    expect(documentOf(text)).toEqual({ number: '6225/BVHTTDL-KHCNMT', date: '2025-11-17', issuer: 'BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH' });
  });

  it("never takes the national motto for the issuer, even on the issuer's line", () => {
    const text = [
      'THỦ TƯỚNG CHÍNH PHỦ      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 220/CĐ-TTg      Hà Nội, ngày 26 tháng 11 năm 2025',
      'CÔNG ĐIỆN',
    ].join('\n');
    expect(documentOf(text)).toEqual({ number: '220/CĐ-TTg', date: '2025-11-26', issuer: 'THỦ TƯỚNG CHÍNH PHỦ' });
    const mottoOnly = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12/CT-UBND', 'Buôn Ma Thuột, ngày 20 tháng 11 năm 2025'].join(
      '\n',
    );
    expect(documentOf(mottoOnly)).toEqual({ number: '12/CT-UBND', date: '2025-11-20', issuer: null });
  });

  it('reads the metadata block of a published copy, whether or not its lines are apart', () => {
    const apart = 'Số hiệu:\n\n2623/QĐ-TTg\n\nNơi ban hành:\n\nThủ tướng Chính phủ\n\nNgày ban hành:\n\n01/12/2025';
    const together = 'Số hiệu: 2623/QĐ-TTg\nNơi ban hành: Thủ tướng Chính phủ\nNgày ban hành: 01/12/2025';
    for (const text of [apart, together]) expect(documentOf(text)).toEqual({ number: '2623/QĐ-TTg', date: '2025-12-01', issuer: 'Thủ tướng Chính phủ' });
  });

  it("drops the rule typed under the issuer's name", () => {
    const text = [
      'ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH ĐỒNG THÁP --------      Độc lập - Tự do - Hạnh phúc',
      'Số: 552/KH-UBND      Đồng Tháp, ngày 20 tháng 11 năm 2025',
    ].join('\n');
    expect(documentOf(text)).toEqual({ number: '552/KH-UBND', date: '2025-11-20', issuer: 'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP' });
  });
});
