import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { normaliseForMatching, normaliseVietnamese, repairMojibake } from '../../../../src/nlp/normalise.js';

describe('normaliseVietnamese', () => {
  it('turns decomposed (NFD) input into NFC', () => {
    const nfd = 'Chính phủ đẩy nhanh tiến độ'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(normaliseVietnamese(nfd)).toBe('Chính phủ đẩy nhanh tiến độ');
  });

  it('moves old-style tones on open oa/oe/uy to the modern place', () => {
    expect(normaliseVietnamese('hoà bình, khoẻ mạnh, thuỷ lợi, Hoà Bình, THUỶ')).toBe('hòa bình, khỏe mạnh, thủy lợi, Hòa Bình, THỦY');
    expect(normaliseVietnamese('tuỳ, huỷ bỏ, luỹ kế')).toBe('tùy, hủy bỏ, lũy kế');
  });

  it('leaves closed syllables and the qu onset alone', () => {
    expect(normaliseVietnamese('hoàn thành, khuyến khích, quỳnh, quý, quả')).toBe('hoàn thành, khuyến khích, quỳnh, quý, quả');
  });

  it('moves a tone written on the glide of qu/gi to the vowel', () => {
    expect(normaliseVietnamese('qúy khách, gía cả, qủa')).toBe('quý khách, giá cả, quả');
    expect(normaliseVietnamese('gìn giữ')).toBe('gìn giữ');
  });

  it('maps look-alike Đ, quotes, dashes and odd spaces', () => {
    expect(normaliseVietnamese('\u00D0à Nẵng “mới” — x\u00A0y')).toBe('Đà Nẵng "mới" - x y');
  });

  it('collapses whitespace but keeps paragraph breaks', () => {
    expect(normaliseVietnamese('  a  b \r\n c\r\n\r\n\r\nd\u200B e  ')).toBe('a b\nc\n\nd e');
  });

  it('repairs UTF-8 read as Windows-1252', () => {
    const broken = iconv.decode(Buffer.from('Hà Nội và TP.HCM đã được người dân đồng tình', 'utf8'), 'win1252');
    expect(broken).toContain('Ã');
    expect(normaliseVietnamese(broken)).toBe('Hà Nội và TP.HCM đã được người dân đồng tình');
    expect(repairMojibake('Giá cả ổn định')).toBe('Giá cả ổn định');
  });
});

describe('normaliseForMatching', () => {
  it('keeps the length of NFC input, so offsets carry over', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('hoà', 'thuỷ', 'qúy', ' ', '“', '—', '\u00A0', 'Đ', 'a', 'ệ', '\n', 'x'), { maxLength: 30 }), (parts) => {
        const text = parts.join('').normalize('NFC');
        expect(normaliseForMatching(text)).toHaveLength(text.length);
      }),
    );
  });
});
