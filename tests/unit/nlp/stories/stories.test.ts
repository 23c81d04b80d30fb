import { describe, expect, it } from 'vitest';
import { createStoryIndex } from '../../../../src/nlp/stories/story-index.js';
import { bands, hammingDistance, hashFromHex, hashToHex, simhash64 } from '../../../../src/nlp/stories/simhash.js';

const base = {
  title: 'Quốc hội thông qua chủ trương đầu tư đường sắt tốc độ cao Bắc - Nam',
  lead: 'Chiều 30/11, với 435/443 đại biểu tán thành, Quốc hội đã thông qua nghị quyết về chủ trương đầu tư dự án đường sắt tốc độ cao trên trục Bắc - Nam.',
  text: 'Tuyến đường sắt dài khoảng 1.541 km, đi qua 20 tỉnh, thành phố, tốc độ thiết kế 350 km/h. Tổng mức đầu tư sơ bộ hơn 1,7 triệu tỷ đồng, tương đương 67 tỷ USD. Dự án phấn đấu khởi công cuối năm 2027 và cơ bản hoàn thành năm 2035.',
};
const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h)).toISOString();

describe('simhash', () => {
  it('is deterministic, round-trips through hex, and is close for near-copies', () => {
    const a = simhash64([{ syllables: 'quoc hoi thong qua chu truong dau tu duong sat toc do cao'.split(' '), weight: 1 }]);
    const b = simhash64([{ syllables: 'quoc hoi thong qua chu truong dau tu duong sat toc do cao bac nam'.split(' '), weight: 1 }]);
    const c = simhash64([{ syllables: 'gia vang mieng sjc lap dinh moi trong phien sang nay'.split(' '), weight: 1 }]);
    expect(hashFromHex(hashToHex(a))).toEqual(a);
    expect(hammingDistance(a, a)).toBe(0);
    expect(hammingDistance(a, b)).toBeLessThan(hammingDistance(a, c));
    expect(bands(a)).toHaveLength(4);
    expect(() => hashFromHex('xyz')).toThrow(/16 lower-case hex/);
  });
});

describe('story index', () => {
  it('groups a syndicated copy with the original', () => {
    const index = createStoryIndex();
    const a = index.assign({ id: 'a', publishedAt: at(1), ...base });
    const b = index.assign({ id: 'b', publishedAt: at(2), title: base.title, lead: `(Chinhphu.vn) - ${base.lead}`, text: `${base.text} Theo TTXVN.` });
    expect(b.storyId).toBe(a.storyId);
    expect(b.duplicateOf).toBe('a');
    expect(a.simhash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('groups a light rewrite with the original', () => {
    const index = createStoryIndex();
    const a = index.assign({ id: 'a', publishedAt: at(1), ...base });
    const b = index.assign({
      id: 'b',
      publishedAt: at(3),
      title: 'Chốt đầu tư đường sắt tốc độ cao Bắc - Nam 67 tỷ USD',
      lead: 'Quốc hội chiều 30/11 biểu quyết thông qua chủ trương đầu tư tuyến đường sắt tốc độ cao Bắc - Nam với tỷ lệ tán thành 435/443 đại biểu.',
    });
    expect(b.storyId).toBe(a.storyId);
  });

  it('keeps a follow-up on the same subject in a separate story', () => {
    const index = createStoryIndex();
    const a = index.assign({ id: 'a', publishedAt: at(1), ...base });
    const b = index.assign({
      id: 'b',
      publishedAt: at(5),
      title: 'Khảo sát, lập báo cáo nghiên cứu khả thi đường sắt tốc độ cao Bắc - Nam',
      lead: 'Bộ Xây dựng đang lựa chọn tư vấn quốc tế để lập báo cáo nghiên cứu khả thi dự án đường sắt tốc độ cao, dự kiến trình Chính phủ trong năm tới.',
    });
    expect(b.storyId).not.toBe(a.storyId);
    expect(b.duplicateOf).toBeUndefined();
  });

  it('keeps the same kind of event in different places apart', () => {
    const index = createStoryIndex();
    const a = index.assign({ id: 'a', publishedAt: at(1), places: ['ha-noi'], title: 'Xử phạt hơn 500 tài xế vi phạm nồng độ cồn trong đêm giao thừa', lead: 'Lực lượng CSGT tổng kiểm soát nồng độ cồn trên các tuyến phố.' });
    const b = index.assign({ id: 'b', publishedAt: at(1), places: ['ho-chi-minh'], title: 'Xử phạt hơn 500 tài xế vi phạm nồng độ cồn trong đêm giao thừa', lead: 'Lực lượng CSGT tổng kiểm soát nồng độ cồn tại các cửa ngõ.' });
    expect(b.storyId).not.toBe(a.storyId);
  });

  it('makes the earliest-published item the representative', () => {
    const index = createStoryIndex();
    const a = index.assign({ id: 'late', publishedAt: at(5), ...base });
    index.assign({ id: 'early', publishedAt: at(1), ...base });
    expect(index.representative(a.storyId)).toBe('early');
  });

  it('forgets items older than the window', () => {
    const index = createStoryIndex({ windowMs: 3_600_000 });
    index.assign({ id: 'a', publishedAt: at(0), ...base });
    index.assign({ id: 'x', publishedAt: at(5), title: 'Tin khác hẳn', lead: 'Không liên quan' });
    expect(index.size).toBe(1);
    const b = index.assign({ id: 'b', publishedAt: at(5), ...base });
    expect(b.storyId).toBe('b');
  });

  it('exports and restores its state', () => {
    const index = createStoryIndex();
    const a = index.assign({ id: 'a', publishedAt: at(1), ...base });
    const state = JSON.parse(JSON.stringify(index.exportState()));
    const restored = createStoryIndex();
    restored.importState(state);
    expect(restored.size).toBe(1);
    const b = restored.assign({ id: 'b', publishedAt: at(2), ...base });
    expect(b.storyId).toBe(a.storyId);
    expect(() => restored.importState({ version: 2 } as never)).toThrow(/unsupported state/);
  });

  it('rejects an invalid date', () => {
    expect(() => createStoryIndex().assign({ id: 'a', publishedAt: 'yesterday', title: 'x' })).toThrow(/invalid publishedAt/);
  });
});
