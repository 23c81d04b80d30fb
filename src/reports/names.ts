/**
 * Display names for topic ids (from `config/topics.yaml`) and the fixed Vietnamese wording of
 * the report. Labels use English ids; everything a reader sees is Vietnamese.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SentimentLabel } from '../core/item.js';

/** Topic id → Vietnamese name. Missing ids are shown as the id itself. */
export type TopicNames = ReadonlyMap<string, string>;

interface TopicEntry {
  id?: unknown;
  name?: unknown;
  subtopics?: unknown;
}

/**
 * Read topic and subtopic names from `<configDir>/topics.yaml`. A missing file gives an empty
 * map (ids are printed as they are); a file that is not YAML is an error naming the file.
 */
export function loadTopicNames(configDir: string): TopicNames {
  const file = join(configDir, 'topics.yaml');
  if (!existsSync(file)) return new Map();
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Report topic names: ${file} is not valid YAML: ${(error as Error).message}`);
  }
  const names = new Map<string, string>();
  const visit = (entries: unknown) => {
    if (!Array.isArray(entries)) return;
    for (const entry of entries as TopicEntry[]) {
      if (typeof entry?.id !== 'string') continue;
      const name = entry.name;
      const vi = typeof name === 'string' ? name : typeof (name as { vi?: unknown })?.vi === 'string' ? (name as { vi: string }).vi : null;
      if (vi) names.set(entry.id, vi.normalize('NFC'));
      visit(entry.subtopics);
    }
  };
  visit((doc as { topics?: unknown } | null)?.topics);
  return names;
}

/** Name of a topic id, falling back to the parent topic's name for unknown subtopics, then the id. */
export function topicName(names: TopicNames, id: string): string {
  return names.get(id) ?? (id.includes('.') ? names.get(id.slice(0, id.indexOf('.'))) : undefined) ?? id;
}

/** Vietnamese sentiment names. */
export const SENTIMENT_VI: Readonly<Record<SentimentLabel | 'unlabelled', string>> = Object.freeze({
  positive: 'Tích cực',
  negative: 'Tiêu cực',
  neutral: 'Trung lập',
  unlabelled: 'Chưa phân loại',
});

/** Alert severity codes → Vietnamese (the ladder of the trends engine). */
export const SEVERITY_VI: Readonly<Record<string, string>> = Object.freeze({
  am_i: 'Âm ỉ',
  bung_phat: 'Bùng phát',
  lan_rong: 'Lan rộng',
});

/** Section headings, shared by every renderer so all formats say the same. */
export const HEADINGS_VI = Object.freeze({
  title: 'BÁO CÁO TUẦN VỀ THÔNG TIN BÁO CHÍ, TRUYỀN THÔNG CHÍNH SÁCH',
  summary: 'I. Tóm tắt tình hình',
  keyFigures: 'Số liệu chính',
  topIssues: 'Vấn đề nổi bật',
  alerts: 'Cảnh báo trong tuần',
  forecast: 'Dự báo tuần tới',
  charts: 'II. Diễn biến trong tuần',
  dailyChart: 'Số tin theo ngày và sắc thái',
  topicChart: 'Số tin theo lĩnh vực (so với tuần trước)',
  provinceChart: 'Địa phương được nhắc đến nhiều nhất',
  positiveStories: 'III. Thông tin tích cực nổi bật',
  negativeStories: 'IV. Thông tin tiêu cực cần lưu ý',
  topics: 'V. Phân bố theo lĩnh vực',
  provinces: 'VI. Phân bố theo địa phương',
  emerging: 'VII. Vấn đề mới nổi',
  footer: 'Báo cáo được tạo tự động bởi hệ thống policy-pulse',
});

/** Vietnamese number format: `12.345`, `3,5`. */
export function formatNumber(value: number, fractionDigits = 0): string {
  return value.toLocaleString('vi-VN', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/** `42,5%` from a 0..1 share; `—` when unknown. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${formatNumber(share * 100, 1)}%`;
}

/** Signed percent change, `+12,0%`/`−3,4%`; `—` when unknown. */
export function formatChange(pct: number | null): string {
  if (pct === null) return '—';
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(pct), 1)}%`;
}
