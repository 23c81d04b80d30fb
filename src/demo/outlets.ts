/**
 * The fictional outlets of the demo. Names and hosts are invented on purpose: the demo must never
 * pass for, or be mistaken as content of, a real newspaper.
 */
import type { DemoOutlet } from './types.js';

/** Every outlet, one per publishing style. */
export const DEMO_OUTLETS: readonly DemoOutlet[] = Object.freeze([
  {
    id: 'tinnhanhviet', name: 'Tin Nhanh Việt', host: 'tinnhanhviet.demo', style: 'rss-cdata', tier: 'central', weight: 1.4,
    authors: ['Minh Anh', 'Hoàng Phương', 'Đức Trung', 'Thu Hà', 'Phạm Dự', 'Lê Hoàng'],
  },
  {
    id: 'phuongnam', name: 'Thời báo Phương Nam', host: 'thoibaophuongnam.demo', style: 'atom', tier: 'central', weight: 1.2,
    authors: ['Nguyễn Hiền', 'Tấn Lực', 'Bảo Anh', 'Quang Định', 'Ngọc An'],
  },
  {
    id: 'songhong', name: 'Nhật báo Sông Hồng', host: 'nhatbaosonghong.demo', style: 'news-sitemap', tier: 'central', weight: 1.1,
    authors: ['Trần Thanh Tùng', 'Hải Long', 'Mai Chi', 'Vũ Tuấn', 'Khánh Linh'],
  },
  {
    id: 'phothi', name: 'Báo điện tử Phố Thị', host: 'phothi.demo', style: 'listing', tier: 'other', weight: 0.9,
    authors: ['Gia Huy', 'Thùy Dung', 'Việt Hưng', 'Phương Thảo'],
  },
  {
    id: 'chinhsach', name: 'Cổng Thông tin Chính sách Quốc gia', host: 'chinhsachquocgia.demo', style: 'gov-portal', tier: 'government', weight: 1.0,
    authors: ['Thu Hằng', 'Nguyễn Hoàng', 'Phương Liên', 'Minh Hiển', 'BT'],
  },
  {
    id: 'mientrung', name: 'Miền Trung 24h', host: 'mientrung24h.demo', style: 'rss-quirks', tier: 'local', province: 'da-nang', weight: 0.9,
    authors: ['Hồ Văn Sáu', 'Trà My', 'Nguyên Khang', 'Lê Trâm'],
  },
  {
    id: 'songlam', name: 'Thông tin Sông Lam', host: 'thongtinsonglam.demo', style: 'rdf-provincial', tier: 'local', province: 'nghe-an', weight: 0.7,
    authors: ['Văn Tâm', 'Hồng Nhung', 'Phan Thắng', 'Bích Ngọc'],
  },
]);

/** Looks an outlet up by id; throws a clear error when the id is unknown. */
export function outletById(id: string): DemoOutlet {
  const outlet = DEMO_OUTLETS.find((o) => o.id === id);
  if (!outlet) throw new Error(`demo: unknown outlet "${id}" (known: ${DEMO_OUTLETS.map((o) => o.id).join(', ')})`);
  return outlet;
}
