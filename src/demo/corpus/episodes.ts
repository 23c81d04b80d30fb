/**
 * Negative-spike episodes: a burst of negative coverage of one story in a few days, the pattern
 * the trends and alert stages must find (an expressway behind schedule, an overloaded hospital,
 * a land-compensation complaint).
 */

/** Plan of one episode; the window is a fraction of the corpus span (0 = anchor, 1 = oldest day). */
export interface EpisodePlan {
  id: string;
  topic: string;
  subject: string;
  /** Province short name. */
  province: string;
  commune?: string;
  /** Window as fractions of the span, counted back from the anchor. */
  from: number;
  to: number;
  /** Stories at the default corpus size (scaled with `articles`). */
  stories: number;
  /** Syndicated copies per story. */
  copies: number;
}

/** The episodes of the default corpus. */
export const EPISODE_PLANS: readonly EpisodePlan[] = [
  { id: 'benh-vien-qua-tai', topic: 'health', subject: 'Bệnh viện Nhi {placeShort}', province: 'Thanh Hóa', from: 0.73, to: 0.67, stories: 4, copies: 2 },
  { id: 'cao-toc-cham-tien-do', topic: 'transport', subject: 'dự án cao tốc Bắc – Nam đoạn qua {placeShort}', province: 'Quảng Ngãi', from: 0.43, to: 0.37, stories: 5, copies: 2 },
  { id: 'khieu-nai-boi-thuong', topic: 'land', subject: 'dự án khu đô thị mới ở {commune}', province: 'Đồng Nai', commune: 'xã Tam Phước', from: 0.22, to: 0.16, stories: 4, copies: 2 },
];
