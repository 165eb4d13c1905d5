/**
 * The demo organisation: the Sở Tư pháp that issued the seed plan (ke-hoach-57.ts), the units
 * the plan names (Văn phòng Sở and two phòng) plus the Trung tâm every Sở Tư pháp has, and
 * fourteen people covering every role. Names and phones are invented.
 */
import type { Role } from '../domain/types.js';

export const DEMO_ROOT = 'Sở Tư pháp';

export const DEMO_UNITS = [
  'Văn phòng Sở',
  'Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật',
  'Phòng Xây dựng, kiểm tra VBQPPL - QLXLVPHC',
  'Trung tâm Trợ giúp pháp lý nhà nước',
] as const;

export interface DemoPerson {
  name: string;
  /** One of DEMO_UNITS, or null for the Sở itself (its leadership and the administrator). */
  unit: (typeof DEMO_UNITS)[number] | null;
  role: Role;
  phone: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { name: 'Nguyễn Văn Hùng', unit: null, role: 'leader', phone: '0912418305' },
  { name: 'Trần Thị Thanh Mai', unit: null, role: 'leader', phone: '0983207516' },
  { name: 'Phạm Quốc Bảo', unit: null, role: 'admin', phone: '0905311842' },
  { name: 'Lê Thị Hồng Nhung', unit: 'Văn phòng Sở', role: 'unit_head', phone: '0913562074' },
  { name: 'Đỗ Minh Tuấn', unit: 'Văn phòng Sở', role: 'staff', phone: '0368145920' },
  { name: 'Vũ Thị Lan Anh', unit: 'Văn phòng Sở', role: 'staff', phone: '0977603158' },
  { name: 'Hoàng Văn Nam', unit: 'Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật', role: 'unit_head', phone: '0915274463' },
  { name: 'Ngô Thị Thu Trang', unit: 'Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật', role: 'staff', phone: '0339810627' },
  { name: 'Bùi Đức Thịnh', unit: 'Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành pháp luật', role: 'staff', phone: '0946382015' },
  { name: 'Đặng Thị Hương', unit: 'Phòng Xây dựng, kiểm tra VBQPPL - QLXLVPHC', role: 'unit_head', phone: '0912736590' },
  { name: 'Phan Văn Long', unit: 'Phòng Xây dựng, kiểm tra VBQPPL - QLXLVPHC', role: 'staff', phone: '0388457201' },
  { name: 'Trịnh Văn Sơn', unit: 'Trung tâm Trợ giúp pháp lý nhà nước', role: 'unit_head', phone: '0903918264' },
  { name: 'Lý Thị Ngọc Ánh', unit: 'Trung tâm Trợ giúp pháp lý nhà nước', role: 'staff', phone: '0987125643' },
  { name: 'Đinh Công Minh', unit: 'Trung tâm Trợ giúp pháp lý nhà nước', role: 'staff', phone: '0356729418' },
];

/** The name the demo's plan is stored under (documents.file_name); its text is ke-hoach-57.ts. */
export const DEMO_PLAN_FILE = 'ke-hoach-57.txt';
export const DEMO_PLAN_TITLE = 'Kế hoạch thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số';
