/**
 * What has happened to each demo task by today: when its current period is due (days from
 * today), what its owner answered and when, and how its previous period went. Applied in order
 * to the plan's tasks, so the demo always shows some late, some blocked with a reason, some done,
 * one extension request waiting, and an overdue trend that moves over the last weeks.
 */
import type { Status } from '../domain/types.js';

export interface Scenario {
  /** Due date of the current period, in days from today (negative: already past). */
  due: number;
  status: Exclude<Status, 'cancelled'>;
  percent?: number;
  /** When the owner answered, in days from today. */
  answered?: number;
  note?: string;
  /** Days after `answered` the owner asked to move the deadline to, with the note as reason. */
  extensionDays?: number;
  /** The previous period (monthly check-ins only): done this many days after its due date (negative: early). */
  previousDoneAfter?: number;
  /** Which platform the answers came from, for the history page. */
  channel: 'telegram' | 'zalo';
}

export const SCENARIOS: Scenario[] = [
  {
    due: -12,
    status: 'blocked',
    answered: -6,
    note: 'Chờ Văn phòng Sở cấp tài khoản quản trị chuyên mục trên Cổng Thông tin điện tử.',
    previousDoneAfter: 9,
    channel: 'telegram',
  },
  { due: -5, status: 'in_progress', percent: 60, answered: -7, note: 'Đã có dự thảo, đang lấy ý kiến các phòng.', previousDoneAfter: -2, channel: 'zalo' },
  { due: 0, status: 'open', previousDoneAfter: 4, channel: 'telegram' },
  { due: -3, status: 'done', answered: -4, note: 'Đã ban hành Quyết định, gửi kèm bản scan.', previousDoneAfter: -1, channel: 'telegram' },
  { due: 3, status: 'in_progress', percent: 30, answered: -2, previousDoneAfter: 12, channel: 'zalo' },
  { due: -2, status: 'open', previousDoneAfter: 0, channel: 'telegram' },
  { due: 10, status: 'open', previousDoneAfter: -3, channel: 'telegram' },
  {
    due: -20,
    status: 'blocked',
    answered: -15,
    note: 'Chưa có hướng dẫn của Sở Khoa học và Công nghệ về bộ tiêu chí đánh giá.',
    previousDoneAfter: 6,
    channel: 'zalo',
  },
  { due: -9, status: 'done', answered: -1, note: 'Đã hoàn thành, trễ do chờ số liệu của Trung tâm.', previousDoneAfter: 15, channel: 'telegram' },
  { due: 6, status: 'open', previousDoneAfter: -4, channel: 'zalo' },
  {
    due: -8,
    status: 'in_progress',
    percent: 80,
    answered: -3,
    note: 'Đã tổng hợp 9/12 thủ tục; xin thêm thời gian chờ Trung tâm gửi số liệu.',
    extensionDays: 10,
    previousDoneAfter: 3,
    channel: 'telegram',
  },
  { due: 1, status: 'open', previousDoneAfter: -2, channel: 'telegram' },
];
