import { describe, expect, it } from 'vitest';
import { createEntityExtractor } from '../../../../src/nlp/entities/extract.js';
import { loadGazetteer } from '../../../../src/nlp/entities/gazetteer.js';
import { tokenizeSyllables } from '../../../../src/nlp/phrase-matcher.js';

const gazetteer = loadGazetteer('config');
const extractor = createEntityExtractor(gazetteer);
const run = (...texts: string[]) => extractor.extract(texts.map((t) => tokenizeSyllables(t)), texts);

describe('province gazetteer', () => {
  it('has the 34 post-2025 units (28 provinces, 6 cities) and all 63 former provinces', () => {
    const units = gazetteer.provinces.units;
    expect(units).toHaveLength(34);
    expect(units.filter((u) => u.kind === 'city').map((u) => u.id).sort()).toEqual(['can-tho', 'da-nang', 'ha-noi', 'hai-phong', 'ho-chi-minh', 'hue']);
    const former = units.flatMap((u) => u.formerly.map((f) => f.name));
    expect(new Set(former).size).toBe(63);
  });

  it.each([
    ['Bình Dương', 'ho-chi-minh'],
    ['Bà Rịa - Vũng Tàu', 'ho-chi-minh'],
    ['Bà Rịa–Vũng Tàu', 'ho-chi-minh'],
    ['Hà Giang', 'tuyen-quang'],
    ['Yên Bái', 'lao-cai'],
    ['Bắc Kạn', 'thai-nguyen'],
    ['Hòa Bình', 'phu-tho'],
    ['Vĩnh Phúc', 'phu-tho'],
    ['Bắc Giang', 'bac-ninh'],
    ['Thái Bình', 'hung-yen'],
    ['Hải Dương', 'hai-phong'],
    ['Nam Định', 'ninh-binh'],
    ['Hà Nam', 'ninh-binh'],
    ['Quảng Bình', 'quang-tri'],
    ['Quảng Nam', 'da-nang'],
    ['Kon Tum', 'quang-ngai'],
    ['Bình Định', 'gia-lai'],
    ['Ninh Thuận', 'khanh-hoa'],
    ['Đắk Nông', 'lam-dong'],
    ['Bình Thuận', 'lam-dong'],
    ['Phú Yên', 'dak-lak'],
    ['Bình Phước', 'dong-nai'],
    ['Long An', 'tay-ninh'],
    ['Sóc Trăng', 'can-tho'],
    ['Hậu Giang', 'can-tho'],
    ['Bến Tre', 'vinh-long'],
    ['Trà Vinh', 'vinh-long'],
    ['Tiền Giang', 'dong-thap'],
    ['Bạc Liêu', 'ca-mau'],
    ['Kiên Giang', 'an-giang'],
    ['Thừa Thiên Huế', 'hue'],
    ['Nghệ An', 'nghe-an'],
  ])('maps the former province %s to %s', (name, id) => {
    expect(run(`Người dân tỉnh ${name} phấn khởi`).provinces).toEqual([id]);
  });

  it('recognises city aliases', () => {
    expect(run('Giá nhà ở TP.HCM tăng').provinces).toEqual(['ho-chi-minh']);
    expect(run('UBND TP. Hồ Chí Minh họp báo').provinces).toEqual(['ho-chi-minh']);
  });

  it('requires capitals for place names: "hòa bình" is peace, not the province', () => {
    expect(run('Việt Nam ủng hộ hòa bình thế giới').provinces).toEqual([]);
    expect(run('Thủy điện Hòa Bình mở rộng').provinces).toEqual(['phu-tho']);
  });
});

describe('agencies, committees and officials', () => {
  it('maps merged ministries to their successor', () => {
    const { entities } = run('Bộ KH&ĐT và Bộ Giao thông vận tải phối hợp với NHNN');
    const ids = entities.filter((e) => e.type === 'agency').map((e) => e.id).sort();
    expect(ids).toEqual(['bo-tai-chinh', 'bo-xay-dung', 'ngan-hang-nha-nuoc']);
  });

  it('recognises People\'s Committees and Councils of provinces and communes', () => {
    const { entities, provinces } = run('UBND tỉnh Nghệ An và HĐND TP.HCM cùng UBND xã Tân Lập');
    const committees = entities.filter((e) => e.type === 'committee').map((e) => e.id).sort();
    expect(committees).toEqual(['hdnd:ho-chi-minh', 'ubnd:nghe-an', 'ubnd:xa-tan-lap']);
    expect(provinces.sort()).toEqual(['ho-chi-minh', 'nghe-an']);
  });

  it('attaches the personal name that follows a title, also after an agency or committee', () => {
    const { entities } = run('Thủ tướng Phạm Minh Chính làm việc với Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng và Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung');
    const officials = entities.filter((e) => e.type === 'official').map((e) => e.name).sort();
    expect(officials).toEqual(['Bộ trưởng Nguyễn Văn Thắng', 'Chủ tịch UBND Nguyễn Đức Trung', 'Thủ tướng Phạm Minh Chính']);
  });

  it('prefers the longer title and keeps bare titles', () => {
    const { entities } = run('Phó Thủ tướng chủ trì cuộc họp');
    expect(entities.map((e) => e.id)).toEqual(['pho-thu-tuong']);
  });

  it('counts repeated mentions', () => {
    const { entities } = run('Bộ Y tế yêu cầu', 'Theo Bộ Y tế, các bệnh viện');
    expect(entities.find((e) => e.id === 'bo-y-te')?.count).toBe(2);
  });
});
