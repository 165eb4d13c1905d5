import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/import/plan-parser.js';
import type { PlanTask } from '../../src/import/types.js';

const brief = (t: PlanTask) => ({ ref: t.ref, title: t.title, lead: t.lead, due: [t.due.kind, t.due.date, t.due.rule] });

const UBND_PLAN = `ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH TUYÊN QUANG                          Độc lập - Tự do - Hạnh phúc
Số: 215/KH-UBND                    Tuyên Quang, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
Triển khai thực hiện Đề án 06 năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Triển khai đồng bộ các nhiệm vụ của Đề án 06.
2. Yêu cầu
- Xác định rõ nhiệm vụ, thời hạn hoàn thành.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Hoàn thiện thể chế
a) Rà soát các thủ tục hành chính liên quan đến dữ liệu dân cư.
Đơn vị chủ trì: Sở Tư pháp
Đơn vị phối hợp: Công an tỉnh, Văn phòng UBND tỉnh
Thời gian hoàn thành: Quý II/2025
Sản phẩm: Báo cáo kết quả rà soát
b) Xây dựng quy chế chia sẻ dữ liệu giữa các sở, ngành.
Đơn vị chủ trì: Sở Khoa học và Công nghệ
Thời gian hoàn thành: tháng 9/2025
2. Phát triển tiện ích phục vụ người dân
- Công an tỉnh chủ trì, phối hợp với Sở Y tế triển khai sử dụng căn cước thay thẻ bảo hiểm y tế, hoàn thành trước ngày 30/6/2025.
- Sở Giáo dục và Đào tạo triển khai thanh toán không dùng tiền mặt tại các trường học trong năm 2025.
3. Giao Sở Tài chính bố trí kinh phí thực hiện Kế hoạch, hoàn thành trong tháng 4/2025.

III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ:
- Chủ trì đưa kết quả thực hiện Đề án 06 vào tiêu chí thi đua, khen thưởng hằng năm.
- Hướng dẫn các xã, phường bố trí nhân sự thực hiện Đề án.
2. Các sở, ban, ngành, UBND các xã, phường căn cứ nhiệm vụ được giao xây dựng kế hoạch triển khai; định kỳ hằng tháng (trước ngày 20) báo cáo kết quả về UBND tỉnh (qua Công an tỉnh).
3. Công an tỉnh là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch này./.

Nơi nhận:
- Bộ Công an;
- Lưu: VT.
`;

describe('a provincial plan: header, fields without bullets, a) items, unit bullets, closing section', () => {
  const plan = parsePlanText(UBND_PLAN);

  it('reads number, date and issuer from a two-column header', () => {
    expect(plan.document).toEqual({ number: '215/KH-UBND', date: '2025-03-12', issuer: 'ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG' });
  });

  it('finds every task and nothing from the purpose section or the distribution list', () => {
    expect(plan.tasks.map(brief)).toEqual([
      { ref: 'II.1.a', title: 'Rà soát các thủ tục hành chính liên quan đến dữ liệu dân cư', lead: ['Sở Tư pháp'], due: ['date', '2025-06-30', null] },
      { ref: 'II.1.b', title: 'Xây dựng quy chế chia sẻ dữ liệu giữa các sở, ngành', lead: ['Sở Khoa học và Công nghệ'], due: ['date', '2025-09-30', null] },
      {
        ref: 'II.2.1',
        // Titles stop at about 100 characters, on a word; the whole text stays in the body.
        title: 'Công an tỉnh chủ trì, phối hợp với Sở Y tế triển khai sử dụng căn cước thay thẻ bảo hiểm y tế, hoàn',
        lead: ['Công an tỉnh'],
        due: ['date', '2025-06-30', null],
      },
      {
        ref: 'II.2.2',
        title: 'Sở Giáo dục và Đào tạo triển khai thanh toán không dùng tiền mặt tại các trường học trong năm 2025',
        lead: ['Sở Giáo dục và Đào tạo'],
        due: ['date', '2025-12-31', null],
      },
      {
        ref: 'II.3',
        title: 'Giao Sở Tài chính bố trí kinh phí thực hiện Kế hoạch, hoàn thành trong tháng 4/2025',
        lead: ['Sở Tài chính'],
        due: ['date', '2025-04-30', null],
      },
      {
        ref: 'III.1.1',
        title: 'Chủ trì đưa kết quả thực hiện Đề án 06 vào tiêu chí thi đua, khen thưởng hằng năm',
        lead: ['Sở Nội vụ'],
        due: ['recurring', null, 'yearly'],
      },
      { ref: 'III.1.2', title: 'Hướng dẫn các xã, phường bố trí nhân sự thực hiện Đề án', lead: ['Sở Nội vụ'], due: ['none', null, null] },
      {
        ref: 'III.2',
        title: 'Các sở, ban, ngành, UBND các xã, phường căn cứ nhiệm vụ được giao xây dựng kế hoạch triển khai',
        lead: ['Các sở, ban, ngành', 'UBND các xã, phường'],
        due: ['recurring', null, 'monthly'],
      },
      {
        ref: 'III.3',
        title: 'Công an tỉnh là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch này',
        lead: ['Công an tỉnh'],
        due: ['none', null, null],
      },
    ]);
  });

  it('keeps support units and the product', () => {
    expect(plan.tasks[0]).toMatchObject({ support: ['Công an tỉnh', 'Văn phòng UBND tỉnh'], product: 'Báo cáo kết quả rà soát' });
    expect(plan.tasks[2]?.support).toEqual(['Sở Y tế']);
  });

  it('keeps the whole item in the body and flags what a reader should check', () => {
    expect(plan.tasks[2]?.body).toContain('hoàn thành trước ngày 30/6/2025');
    expect(plan.tasks[2]?.doubts).toEqual(['title']);
    expect(plan.tasks[7]?.body).toContain('báo cáo kết quả về UBND tỉnh');
    expect(plan.tasks[6]?.doubts).toEqual(['due']);
    expect(plan.tasks[0]?.doubts ?? []).toEqual([]);
  });
});

describe('a directive without sections: "Giao X:" bullets, addressees, deadline in a sentence', () => {
  const text = `Kính gửi:
- Công an tỉnh;
- Các sở, ban ngành.
Để triển khai Chỉ thị, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban ngành, Chủ tịch UBND các xã, phường thực hiện các nội dung sau:
1. Quán triệt đến cán bộ, công chức về chuyển đổi số.
2. Về tổ chức thực hiện
a) Các sở, ban ngành cập nhật dữ liệu lên Hệ thống giám sát hằng ngày.
b) Giao Công an tỉnh:
- Chủ trì triển khai các tiện ích của Đề án 06.
- Tham mưu đánh giá mức độ sẵn sàng chia sẻ dữ liệu khi có yêu cầu.
c) Giao Sở Nội vụ tổng hợp kết quả xử lý trách nhiệm, báo cáo Chủ tịch UBND tỉnh trước ngày 15/12/2025.
Chủ tịch UBND tỉnh đề nghị các cơ quan nghiêm túc thực hiện./.`;
  const plan = parsePlanText(text);

  it('makes each bullet under "Giao X:" its own task led by X', () => {
    expect(plan.tasks.map(brief)).toEqual([
      {
        ref: '1',
        title: 'Quán triệt đến cán bộ, công chức về chuyển đổi số',
        lead: ['Thủ trưởng các sở, ban ngành', 'Chủ tịch UBND các xã, phường'],
        due: ['none', null, null],
      },
      { ref: '2.a', title: 'Các sở, ban ngành cập nhật dữ liệu lên Hệ thống giám sát hằng ngày', lead: ['Các sở, ban ngành'], due: ['ongoing', null, null] },
      { ref: '2.b.1', title: 'Chủ trì triển khai các tiện ích của Đề án 06', lead: ['Công an tỉnh'], due: ['none', null, null] },
      { ref: '2.b.2', title: 'Tham mưu đánh giá mức độ sẵn sàng chia sẻ dữ liệu khi có yêu cầu', lead: ['Công an tỉnh'], due: ['none', null, null] },
      {
        ref: '2.c',
        title: 'Giao Sở Nội vụ tổng hợp kết quả xử lý trách nhiệm, báo cáo Chủ tịch UBND tỉnh trước ngày 15/12/2025',
        lead: ['Sở Nội vụ'],
        due: ['date', '2025-12-15', null],
      },
    ]);
    expect(plan.tasks[3]?.due.text).toBe('khi có yêu cầu');
    expect(plan.tasks[4]?.due.text).toBe('trước ngày 15/12/2025');
  });
});

describe('section-level assignments and task bullets with their own fields', () => {
  it('lists bullets that name nobody as action items with an empty lead, flagged for review', () => {
    const plan = parsePlanText(`1. Nâng cao kỷ luật, kỷ cương
- Xác định chuyển đổi số là nhiệm vụ trọng tâm.
- Tổ chức thực hiện theo nguyên tắc 6 rõ.
2. Đẩy mạnh tuyên truyền Đề án 06
- Tuyên truyền đến toàn thể công chức.`);
    expect(plan.tasks.map((t) => [t.ref, t.title, t.lead, t.doubts])).toEqual([
      ['1.1', 'Xác định chuyển đổi số là nhiệm vụ trọng tâm', [], ['lead', 'due']],
      ['1.2', 'Tổ chức thực hiện theo nguyên tắc 6 rõ', [], ['lead', 'due']],
      ['2.1', 'Tuyên truyền đến toàn thể công chức', [], ['lead', 'due']],
    ]);
  });

  it('reads "+" field lines under "- Nhiệm vụ n:" bullets and inline fields in parentheses', () => {
    const plan = parsePlanText(`II. NHIỆM VỤ CỤ THỂ
1. Nhóm nhiệm vụ về dữ liệu
- Nhiệm vụ 1: Rà soát, làm sạch dữ liệu hộ tịch
+ Đơn vị chủ trì: Phòng Hành chính tư pháp
+ Đơn vị phối hợp: Văn phòng Sở
+ Thời gian hoàn thành: 30/9/2025
- Nhiệm vụ 2: Kết nối cơ sở dữ liệu công chứng
+ Đơn vị chủ trì: Phòng Bổ trợ tư pháp
+ Thời gian hoàn thành: Quý IV năm 2025
2. Xây dựng quy chế quản lý dữ liệu của Sở (Đơn vị chủ trì: Văn phòng Sở; phối hợp: các phòng, đơn vị thuộc Sở; thời gian: tháng 10/2025).`);
    expect(plan.tasks.map((t) => ({ ...brief(t), support: t.support }))).toEqual([
      {
        ref: 'II.1.1',
        title: 'Rà soát, làm sạch dữ liệu hộ tịch',
        lead: ['Phòng Hành chính tư pháp'],
        support: ['Văn phòng Sở'],
        due: ['date', '2025-09-30', null],
      },
      { ref: 'II.1.2', title: 'Kết nối cơ sở dữ liệu công chứng', lead: ['Phòng Bổ trợ tư pháp'], support: [], due: ['date', '2025-12-31', null] },
      {
        ref: 'II.2',
        title: 'Xây dựng quy chế quản lý dữ liệu của Sở',
        lead: ['Văn phòng Sở'],
        support: ['các phòng, đơn vị thuộc Sở'],
        due: ['date', '2025-10-31', null],
      },
    ]);
  });

  it('makes "X:" lettered items hand their bullets to X', () => {
    const plan = parsePlanText(`3. Nhiệm vụ của các đơn vị
a) Sở Thông tin và Truyền thông:
- Chủ trì hướng dẫn kết nối các hệ thống, hoàn thành trước ngày 15 tháng 8 năm 2025.
b) Sở Xây dựng:
- Cập nhật dữ liệu quy hoạch hằng quý.`);
    expect(plan.tasks.map(brief)).toEqual([
      {
        ref: '3.a.1',
        title: 'Chủ trì hướng dẫn kết nối các hệ thống, hoàn thành trước ngày 15 tháng 8 năm 2025',
        lead: ['Sở Thông tin và Truyền thông'],
        due: ['date', '2025-08-15', null],
      },
      { ref: '3.b.1', title: 'Cập nhật dữ liệu quy hoạch hằng quý', lead: ['Sở Xây dựng'], due: ['recurring', null, 'quarterly'] },
    ]);
  });
});

describe('broken text', () => {
  it('joins wrapped titles and field values and drops page numbers and running headers', () => {
    const filler = 'Nội dung mở đầu của kế hoạch được trình bày trên một dòng đủ dài để đo độ rộng.';
    const text = [
      'KẾ HOẠCH SỐ 12/KH-STP NGÀY 01/3/2025',
      filler,
      filler,
      'II. NỘI DUNG',
      '1. Tổ chức tuyên truyền sâu rộng về nội dung, kết quả thực hiện Nghị quyết',
      ' số 57-NQ/TW trên Cổng Thông tin điện tử của Sở',
      '- Đơn vị thực hiện: Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành',
      '',
      '2',
      'KẾ HOẠCH SỐ 12/KH-STP NGÀY 01/3/2025',
      'pháp luật.',
      '- Thời gian   thực hiện : Thường   xuyên.',
      '- 3 -',
      '2. Ban hành văn bản chỉ đạo về chuyển đổi số của Sở, gửi các phòng, đơn vị thuộc',
      'Sở để triển khai thực hiện trong năm',
      '- Đơn vị thực hiện: Văn phòng Sở.',
      '- Thời gian thực hiện: Hằng năm.',
    ].join('\n');
    const plan = parsePlanText(text);
    expect(plan.tasks.map(brief)).toEqual([
      {
        ref: 'II.1',
        title: 'Tổ chức tuyên truyền sâu rộng về nội dung, kết quả thực hiện Nghị quyết số 57-NQ/TW trên Cổng Thông',
        lead: ['Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật'],
        due: ['ongoing', null, null],
      },
      {
        ref: 'II.2',
        title: 'Ban hành văn bản chỉ đạo về chuyển đổi số của Sở, gửi các phòng, đơn vị thuộc Sở để triển khai thực',
        lead: ['Văn phòng Sở'],
        due: ['recurring', null, 'yearly'],
      },
    ]);
    expect(plan.tasks[0]?.body).toContain('trên Cổng Thông tin điện tử của Sở');
    expect(plan.tasks[0]?.body).not.toMatch(/KẾ HOẠCH SỐ|- 3 -/);
  });

  it('restores structure to a text that lost every line break', () => {
    const text =
      'Sở Tư pháp ban hành kế hoạch như sau: I. MỤC ĐÍCH - Nâng cao nhận thức. II. NỘI DUNG 1. Rà soát văn bản quy phạm pháp luật - Đơn vị thực hiện: Phòng Xây dựng và kiểm tra văn bản - Thời gian thực hiện: Quý III/2025. 2. Số hóa hồ sơ hộ tịch - Đơn vị thực hiện: Phòng Hành chính tư pháp - Thời gian thực hiện: Thường xuyên. III. TỔ CHỨC THỰC HIỆN Giao Văn phòng Sở theo dõi, đôn đốc, định kỳ hằng quý báo cáo Giám đốc Sở./.' +
      ' '.repeat(200);
    const plan = parsePlanText(text);
    expect(plan.tasks.map(brief)).toEqual([
      { ref: 'II.1', title: 'Rà soát văn bản quy phạm pháp luật', lead: ['Phòng Xây dựng và kiểm tra văn bản'], due: ['date', '2025-09-30', null] },
      { ref: 'II.2', title: 'Số hóa hồ sơ hộ tịch', lead: ['Phòng Hành chính tư pháp'], due: ['ongoing', null, null] },
      // A section's paragraph has no number; the importer numbers it p1, p2 ...
      {
        ref: 'III.p1',
        title: 'Giao Văn phòng Sở theo dõi, đôn đốc, định kỳ hằng quý báo cáo Giám đốc Sở',
        lead: ['Văn phòng Sở'],
        due: ['recurring', null, 'quarterly'],
      },
    ]);
    expect(plan.document.issuer).toBe('Sở Tư pháp');
  });

  it('returns no tasks for text without a plan', () => {
    expect(parsePlanText('Xin chào').tasks).toEqual([]);
    expect(parsePlanText('').tasks).toEqual([]);
  });
});

describe('tables written in text', () => {
  const expected = [
    ['PL.1', 'Xây dựng cơ sở dữ liệu hộ tịch điện tử', ['Sở Tư pháp'], ['Sở Nội vụ'], 'date', '2026-03-31'],
    ['PL.2', 'Tập huấn kỹ năng số cho công chức', ['Sở Nội vụ'], [], 'recurring', null],
  ];
  const rows = (text: string) => parsePlanText(text).tasks.map((t) => [t.ref, t.title, t.lead, t.support, t.due.kind, t.due.date]);

  it('reads a pipe table with a rule under its header', () => {
    const text = [
      'PHỤ LỤC',
      '| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |',
      '|---|---|---|---|---|',
      '| 1 | Xây dựng cơ sở dữ liệu hộ tịch điện tử | Sở Tư pháp | Sở Nội vụ | Quý I/2026 |',
      '| 2 | Tập huấn kỹ năng số cho công chức | Sở Nội vụ | | Hằng năm |',
    ].join('\n');
    expect(rows(text)).toEqual(expected);
  });

  it('reads a grid table whose cells run over several lines', () => {
    const text = [
      'PHỤ LỤC',
      '+-----+------------------------+-------------+-------------+-------------+',
      '| STT | Nội dung nhiệm vụ      | Cơ quan chủ | Cơ quan     | Thời hạn    |',
      '|     |                        | trì         | phối hợp    |             |',
      '+=====+========================+=============+=============+=============+',
      '| 1   | Xây dựng cơ sở dữ liệu | Sở Tư pháp  | Sở Nội vụ   | Quý I/2026  |',
      '|     | hộ tịch điện tử        |             |             |             |',
      '+-----+------------------------+-------------+-------------+-------------+',
      '| 2   | Tập huấn kỹ năng số    | Sở Nội vụ   |             | Hằng năm    |',
      '|     | cho công chức          |             |             |             |',
      '+-----+------------------------+-------------+-------------+-------------+',
    ].join('\n');
    expect(rows(text)).toEqual(expected);
  });

  it('reads a Word table pasted as tab-separated lines, and leaves a tabbed letterhead as text', () => {
    const text = [
      'SỞ TƯ PHÁP\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 12/KH-STP\t\tĐồng Nai, ngày 05 tháng 3 năm 2026',
      '',
      'PHỤ LỤC',
      'STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành',
      '1\tXây dựng cơ sở dữ liệu hộ tịch điện tử\tSở Tư pháp\tSở Nội vụ\tQuý I/2026',
      '2\tTập huấn kỹ năng số cho công chức\tSở Nội vụ\t\tHằng năm',
    ].join('\n');
    expect(rows(text)).toEqual(expected);
    expect(parsePlanText(text).document).toEqual({ number: '12/KH-STP', date: '2026-03-05', issuer: 'SỞ TƯ PHÁP' });
  });
});

describe('assignments written as a clause in parentheses, and commune plans', () => {
  it('reads "(X chủ trì, phối hợp Y; thời gian: …)" after the task', () => {
    const plan = parsePlanText(`II. NHIỆM VỤ CỤ THỂ
1. Hoàn thiện thể chế
a) Rà soát quy định về thủ tục hành chính (Sở Tư pháp chủ trì, phối hợp Sở Nội vụ; thời gian: Quý I/2026).
b) Ban hành quy chế chia sẻ dữ liệu (Văn phòng UBND tỉnh chủ trì; hoàn thành trong tháng 6/2026).
c) Tổ chức hội nghị sơ kết (các đơn vị liên quan tham dự).`);
    expect(plan.tasks.map((t) => [t.ref, t.title, t.lead, t.support, t.due.date])).toEqual([
      ['II.1.a', 'Rà soát quy định về thủ tục hành chính', ['Sở Tư pháp'], ['Sở Nội vụ'], '2026-03-31'],
      ['II.1.b', 'Ban hành quy chế chia sẻ dữ liệu', ['Văn phòng UBND tỉnh'], [], '2026-06-30'],
      ['II.1.c', 'Tổ chức hội nghị sơ kết (các đơn vị liên quan tham dự)', [], [], null],
    ]);
  });

  it('reads labelled fields written as sentences after the task, without parentheses', () => {
    const plan = parsePlanText(`III. NHIỆM VỤ
1. Xây dựng báo cáo tổng kết. Đơn vị chủ trì: Văn phòng Sở. Thời gian: trước 15/12/2026.
2. Rà soát văn bản quy phạm pháp luật. Chủ trì: Phòng Pháp chế. Phối hợp: Văn phòng Sở, Thanh tra Sở. Thời hạn: tháng 11/2026. Sản phẩm: Báo cáo rà soát.
3. Tổ chức hội nghị về thời gian làm việc: thực hiện theo quy định.`);
    expect(plan.tasks.map((t) => [t.ref, t.title, t.lead, t.support, t.due.date, t.product ?? null])).toEqual([
      ['III.1', 'Xây dựng báo cáo tổng kết', ['Văn phòng Sở'], [], '2026-12-15', null],
      ['III.2', 'Rà soát văn bản quy phạm pháp luật', ['Phòng Pháp chế'], ['Văn phòng Sở', 'Thanh tra Sở'], '2026-11-30', 'Báo cáo rà soát'],
      ['III.3', 'Tổ chức hội nghị về thời gian làm việc', [], [], null, null],
    ]);
  });

  it('knows village-level bodies (thôn, tổ dân phố) as units', () => {
    const plan = parsePlanText(`UBND XÃ TÂN PHÚ
Số: 15/KH-UBND
II. NHIỆM VỤ
1. Công an xã phối hợp với các thôn, tổ dân phố rà soát, làm sạch dữ liệu dân cư trong tháng 01/2026.
2. Trưởng các thôn tuyên truyền đến nhân dân về lợi ích của định danh điện tử.`);
    expect(plan.tasks.map((t) => [t.lead, t.support, t.due.date])).toEqual([
      [['Công an xã'], ['các thôn, tổ dân phố'], '2026-01-31'],
      [['Trưởng các thôn'], [], null],
    ]);
    expect(plan.document.issuer).toBe('UBND XÃ TÂN PHÚ');
  });
});
