import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWordDictionary, loadWordDictionary, segmentWords } from '../../../../src/nlp/segment.js';

/** Segment with the shipped dictionary and boundary model. */
const seg = (text: string): string[] => segmentWords(text);

describe('segmentWords: name runs in press text', () => {
  it('cuts a place name off the official who follows it', () => {
    expect(seg('Chủ tịch UBND tỉnh Quảng Ngãi Đặng Văn Minh phát biểu')).toEqual(['Chủ_tịch', 'UBND', 'tỉnh', 'Quảng_Ngãi', 'Đặng_Văn_Minh', 'phát_biểu']);
    expect(seg('Đại sứ Việt Nam tại Nhật Bản Phạm Quang Hiệu')).toEqual(['Đại_sứ', 'Việt_Nam', 'tại', 'Nhật_Bản', 'Phạm_Quang_Hiệu']);
  });

  it('cuts an unlisted place before a family name, but never inside one person', () => {
    expect(seg('Chủ tịch UBND huyện Mường Tè Lò Văn Minh')).toEqual(['Chủ_tịch', 'UBND', 'huyện', 'Mường_Tè', 'Lò_Văn_Minh']);
    expect(seg('Bà Trần Thị Lan Anh')).toEqual(['Bà', 'Trần_Thị_Lan_Anh']);
    expect(seg('Ông Lê Minh Hoàng Anh')).toEqual(['Ông', 'Lê_Minh_Hoàng_Anh']);
  });

  it('cuts a one-syllable country off a foreign leader', () => {
    expect(seg('Tổng thống Mỹ Donald Trump')).toEqual(['Tổng_thống', 'Mỹ', 'Donald_Trump']);
    expect(seg('Thủ tướng Malaysia Anwar Ibrahim')).toEqual(['Thủ_tướng', 'Malaysia', 'Anwar_Ibrahim']);
    expect(seg('Ca sĩ Mỹ Tâm')).toEqual(['Ca_sĩ', 'Mỹ_Tâm']);
  });

  it('lets Anh, Liên and Trường end a name but not start one', () => {
    expect(seg('Ông Nguyễn Tuấn Anh')).toEqual(['Ông', 'Nguyễn_Tuấn_Anh']);
    expect(seg('Anh Nguyễn Văn Nam')).toEqual(['Anh', 'Nguyễn_Văn_Nam']);
    expect(seg('Ông Nguyễn Xuân Trường')).toEqual(['Ông', 'Nguyễn_Xuân_Trường']);
    expect(seg('Trường Ngô Sĩ Liên')).toEqual(['Trường', 'Ngô_Sĩ_Liên']);
    expect(seg('Tiếng Anh là môn bắt buộc')).toEqual(['Tiếng', 'Anh', 'là', 'môn', 'bắt_buộc']);
  });

  it('keeps a lower-case or capitalised head outside the name it introduces', () => {
    expect(seg('Nước sông Đà dâng cao')).toEqual(['Nước', 'sông', 'Đà', 'dâng', 'cao']);
    expect(seg('Người dân miền Trung đón Tết')).toEqual(['Người_dân', 'miền', 'Trung', 'đón', 'Tết']);
    expect(seg('Đèo Prenn ùn tắc nhiều km')).toEqual(['Đèo', 'Prenn', 'ùn_tắc', 'nhiều', 'km']);
  });

  it('keeps a listed name whole even when a run starts inside it', () => {
    expect(seg('Sân bay Tân Sơn Nhất quá tải')).toEqual(['Sân_bay', 'Tân_Sơn_Nhất', 'quá_tải']);
    expect(seg('Tổ chức Liên Hợp Quốc')).toEqual(['Tổ_chức', 'Liên_Hợp_Quốc']);
  });
});

describe('segmentWords: general-list phrases the press splits', () => {
  it('splits time + deictic, quantity and head + modifier phrases', () => {
    expect(seg('giá tăng từ chiều nay')).toEqual(['giá', 'tăng', 'từ', 'chiều', 'nay']);
    expect(seg('hàng vạn người đi trên tuyến đường này')).toEqual(['hàng', 'vạn', 'người', 'đi', 'trên', 'tuyến', 'đường', 'này']);
    expect(seg('Doanh thu năm nay vượt dự toán')).toEqual(['Doanh_thu', 'năm_nay', 'vượt', 'dự_toán']);
  });

  const dir = mkdtempSync(join(tmpdir(), 'not-words-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('drops not-words.txt entries from general lists only', () => {
    writeFileSync(join(dir, 'vntk-general.txt'), 'tuyến đường\nbãi rác\n');
    writeFileSync(join(dir, 'press-curated.txt'), 'mức lương\n');
    writeFileSync(join(dir, 'not-words.txt'), '# phrases\ntuyến đường\nmức lương\n');
    const dict = loadWordDictionary(dir);
    expect(segmentWords('tuyến đường gần bãi rác', dict)).toEqual(['tuyến', 'đường', 'gần', 'bãi_rác']);
    // A curated entry wins over the not-words list, and the list is no word list itself.
    expect(segmentWords('mức lương', dict)).toEqual(['mức_lương']);
    expect(segmentWords('tuyến đường', buildWordDictionary(['tuyến đường']))).toEqual(['tuyến_đường']);
  });
});
