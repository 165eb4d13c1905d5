import { describe, expect, it } from 'vitest';
import { chuTriClause, colonAssignment, giaoAssignment, splitUnits, subjectAssignment, supportClause } from '../../src/import/units.js';
import { readClause } from '../../src/import/clauses.js';

describe('splitUnits', () => {
  it.each([
    ['Văn phòng Sở, các đơn vị sự nghiệp trực thuộc Sở.', ['Văn phòng Sở', 'các đơn vị sự nghiệp trực thuộc Sở']],
    ['Các phòng, đơn vị sự nghiệp thuộc Sở', ['Các phòng, đơn vị sự nghiệp thuộc Sở']],
    ['Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật.', ['Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật']],
    [
      'Các phòng, đơn vị thuộc Sở; công chức trực tiếp nhận, trả kết quả giải quyết TTHC.',
      ['Các phòng, đơn vị thuộc Sở', 'công chức trực tiếp nhận, trả kết quả giải quyết TTHC'],
    ],
    ['Văn phòng Sở, các phòng, đơn vị liên quan.', ['Văn phòng Sở', 'các phòng, đơn vị liên quan']],
    ['Văn phòng Sở, đơn vị liên quan', ['Văn phòng Sở', 'đơn vị liên quan']],
    ['Thủ trưởng các sở, ban ngành, Chủ tịch UBND các xã, phường', ['Thủ trưởng các sở, ban ngành', 'Chủ tịch UBND các xã, phường']],
    ['Công an tỉnh, Sở Tài chính, UBND các xã, phường', ['Công an tỉnh', 'Sở Tài chính', 'UBND các xã, phường']],
    ['Sở Khoa học và Công nghệ', ['Sở Khoa học và Công nghệ']],
    ['Sở Tư pháp và Sở Nội vụ', ['Sở Tư pháp', 'Sở Nội vụ']],
    ['Sở A\nSở B', ['Sở A', 'Sở B']],
    ['Không', []],
  ])('%s', (value, units) => {
    expect(splitUnits(value)).toEqual(units);
  });

  it('splits the same way without diacritics', () => {
    expect(splitUnits('Van phong So, cac don vi su nghiep truc thuoc So')).toEqual(['Van phong So', 'cac don vi su nghiep truc thuoc So']);
    expect(splitUnits('Cac phong, don vi su nghiep thuoc So')).toEqual(['Cac phong, don vi su nghiep thuoc So']);
  });
});

describe('who is assigned in prose', () => {
  it('reads "Giao X:" headers and "Giao X …" sentences', () => {
    expect(giaoAssignment('Giao Công an tỉnh:')).toMatchObject({ units: ['Công an tỉnh'], header: true });
    expect(giaoAssignment('Giao Sở Tài chính đảm bảo trong việc bố trí kinh phí')).toMatchObject({ units: ['Sở Tài chính'], header: false });
    expect(giaoAssignment('Giao Sở Khoa học và Công nghệ - Cơ quan thường trực của Ban Chỉ đạo theo dõi')?.units).toEqual(['Sở Khoa học và Công nghệ']);
    expect(giaoAssignment('Giao nhiệm vụ cho các đơn vị')).toBeNull();
  });

  it('reads "X:" headers', () => {
    expect(colonAssignment('Sở Thông tin và Truyền thông:')).toMatchObject({ units: ['Sở Thông tin và Truyền thông'], header: true });
    expect(colonAssignment('Sở Xây dựng:')?.units).toEqual(['Sở Xây dựng']);
    expect(colonAssignment('Đối với nhiệm vụ A: làm B')).toBeNull();
  });

  it('reads a unit subject', () => {
    expect(subjectAssignment('Các sở, ban ngành, địa phương chủ động, tích cực sử dụng Hệ thống')?.units).toEqual(['Các sở, ban ngành, địa phương']);
    expect(subjectAssignment('Quán triệt và triển khai đến đội ngũ cán bộ')).toBeNull();
    expect(subjectAssignment('Tổ chức thực hiện nghiêm túc chế độ báo cáo')).toBeNull();
  });

  it('reads "…, X chủ trì" and "phối hợp với Y"', () => {
    const text = 'Trên cơ sở báo cáo đề xuất của Sở Khoa học và Công nghệ, Sở Nội vụ chủ trì, phối hợp các sở, ban ngành, địa phương tham mưu';
    expect(chuTriClause(text)).toEqual(['Sở Nội vụ']);
    expect(supportClause(text)).toEqual(['các sở, ban ngành, địa phương']);
    expect(supportClause('Chủ trì, phối hợp với các cơ quan liên quan đôn đốc việc thực hiện')).toEqual(['các cơ quan liên quan']);
  });
});

describe('where a subject ends', () => {
  it.each([
    ['Bộ trưởng, Thủ trưởng cơ quan ngang Bộ quan tâm chỉ đạo thực hiện các nội dung trên', ['Bộ trưởng', 'Thủ trưởng cơ quan ngang Bộ']],
    ['Sở Tài chính xem xét, bố trí kinh phí thực hiện', ['Sở Tài chính']],
    ['UBND các xã, phường hỗ trợ người dân cài đặt ứng dụng', ['UBND các xã, phường']],
  ])('%s', (text, units) => {
    expect(readClause(text).subject).toEqual(units);
  });
});
