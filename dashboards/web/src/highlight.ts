/** A run of text, highlighted with a polarity or plain. */
export interface Segment {
  text: string;
  polarity: 'positive' | 'negative' | 'neutral' | null;
}

/** An evidence range in one field. */
export interface Range {
  start: number;
  end: number;
  polarity: 'positive' | 'negative' | 'neutral';
}

/**
 * Split `text` into plain and highlighted runs from evidence offsets (UTF-16, end exclusive).
 * Out-of-range, empty and overlapping ranges are clipped or skipped, never thrown on: the text
 * always comes back whole. The caller turns each run into a text node (never HTML).
 */
export function segmentText(text: string, ranges: readonly Range[]): Segment[] {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, Math.min(text.length, Math.trunc(r.start))), end: Math.max(0, Math.min(text.length, Math.trunc(r.end))), polarity: r.polarity }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let cursor = 0;
  for (const r of sorted) {
    if (r.start < cursor) continue;
    if (r.start > cursor) out.push({ text: text.slice(cursor, r.start), polarity: null });
    out.push({ text: text.slice(r.start, r.end), polarity: r.polarity });
    cursor = r.end;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor), polarity: null });
  return out;
}
