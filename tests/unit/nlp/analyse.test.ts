import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../src/nlp/analyse.js';

const item = {
  id: 'item-1',
  title: 'Thủ tướng yêu cầu đẩy nhanh tiến độ cao tốc Bắc - Nam, xử lý nghiêm nhà thầu chậm tiến độ',
  lead: 'Sáng 12/10, Thủ tướng Phạm Minh Chính làm việc với UBND tỉnh Nghệ An và Bộ Xây dựng về dự án cao tốc qua Hà Tĩnh.',
  text: 'Nhiều gói thầu chậm tiến độ do vướng giải phóng mặt bằng. Người dân Bình Dương và Hà Giang cũng được nhắc tới.\n\nThủ tướng đề nghị Bộ Tài chính bố trí vốn.',
  publishedAt: '2026-01-01T01:00:00Z',
};

describe('createAnalyser', () => {
  const analyser = createAnalyser();

  it('returns labels of the stored shape', () => {
    const labels = analyser.analyse(item);
    expect(labels.modelVersion).toBe(analyser.version);
    expect(labels.topics.map((t) => t.id)).toContain('transport');
    for (const t of labels.topics) expect(t.score).toBeGreaterThan(0), expect(t.score).toBeLessThanOrEqual(1);
    expect(labels.policies).toContain('cao-toc-bac-nam');
    expect(['positive', 'negative', 'neutral']).toContain(labels.sentiment.label);
    expect(labels.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(labels.sentiment.score).toBeLessThanOrEqual(1);
    for (const e of labels.sentiment.evidence) {
      const field = e.field === 'title' ? item.title : e.field === 'lead' ? item.lead : item.text;
      expect(field.slice(e.start, e.end)).toBe(e.text);
    }
    expect(labels.provinces).toEqual(expect.arrayContaining(['nghe-an', 'ha-tinh', 'ho-chi-minh', 'tuyen-quang']));
    expect(labels.entities.map((e) => `${e.type}:${e.id}`)).toEqual(expect.arrayContaining(['committee:ubnd:nghe-an', 'agency:bo-xay-dung', 'agency:bo-tai-chinh', 'official:thu-tuong:pham-minh-chinh']));
    expect(labels.storyId).toBe('item-1');
    expect(labels.simhash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives per-topic sentiment for multi-topic items', () => {
    const labels = createAnalyser().analyse({ ...item, id: 'multi', title: 'Thu hồi đất làm cao tốc: người dân bức xúc vì chậm bồi thường giải phóng mặt bằng' });
    expect(labels.topics.length).toBeGreaterThan(1);
    expect(Object.keys(labels.sentiment.byTopic ?? {}).sort()).toEqual(labels.topics.map((t) => t.id).sort());
  });

  it('is deterministic across instances and joins a re-published copy to the first story', () => {
    const a = createAnalyser().analyse(item);
    const b = createAnalyser().analyse(item);
    expect(b).toEqual(a);
    const second = createAnalyser();
    second.analyse(item);
    const copy = second.analyse({ ...item, id: 'item-2', lead: `(TTXVN) - ${item.lead}`, publishedAt: '2026-01-01T02:00:00Z' });
    expect(copy.storyId).toBe('item-1');
  });

  it('treats NFD and NFC input alike', () => {
    const nfc = createAnalyser().analyse(item);
    const nfd = createAnalyser().analyse({ ...item, title: item.title.normalize('NFD'), lead: item.lead.normalize('NFD'), text: item.text.normalize('NFD') });
    expect(nfd.topics).toEqual(nfc.topics);
    expect(nfd.provinces).toEqual(nfc.provinces);
    expect(nfd.simhash).toBe(nfc.simhash);
  });

  it('falls back to the taxonomy when no model is given', () => {
    const plain = createAnalyser({ modelPath: null });
    expect(plain.version).toMatch(/\+taxonomy$/);
    expect(plain.analyse(item).topics.map((t) => t.id)).toContain('transport');
  });
});
