import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../src/core/errors.js';
import { extractArticle } from '../../../src/extract/article.js';

const page = (name: string) => readFileSync(new URL(`../../fixtures/pages/articles/${name}`, import.meta.url), 'utf8');
const now = new Date('2025-02-07T00:00:00Z');

interface Expectation {
  file: string;
  url: string;
  title: string;
  lead: string | null;
  /** Body paragraphs that must appear, in this order. */
  body: string[];
  /** Related news, ads, comments, share bars, sidebars, bylines and datelines that must not. */
  absent: string[];
  publishedAt: string | null;
  modifiedAt?: string | null;
  author: string | null;
  section?: string | null;
  canonicalUrl: string | null;
  imageUrl?: string | null;
  tags?: string[];
}

const cases: Expectation[] = [
  {
    file: 'vnexpress.html',
    url: 'https://vnexpress.net/chinh-phu-trinh-phuong-an-sap-xep-4848001.html?utm_source=zalo',
    title: 'Chính phủ trình phương án sắp xếp đơn vị hành chính cấp tỉnh',
    lead: 'Hà Nội - Chính phủ đề xuất giảm số tỉnh, thành từ 63 xuống 34, dự kiến hoàn thành trong năm 2025.',
    body: [
      'Chiều 6/2, thay mặt Chính phủ, Bộ trưởng Nội vụ trình bày tờ trình',
      'Bộ trưởng Nội vụ trình bày tờ trình chiều 6/2. Ảnh: Hoàng Phong',
      'Tiêu chí sắp xếp dựa trên quy mô dân số',
      'tại kỳ họp bất thường vào tháng 4.',
    ],
    absent: ['Bỏ cấp huyện', 'Chính quyền địa phương hai cấp', 'Quảng cáo', 'Mua nhà trả góp', 'Vay tiêu dùng', 'Minh Tuấn', 'Sáp nhập tỉnh là chủ trương đúng',
      'Giá vàng hôm nay', 'Chia sẻ', 'Sắp xếp tỉnh', 'Võ Hải', 'Thứ năm, 6/2/2025', 'Báo điện tử VnExpress', 'Trang chủ'],
    publishedAt: '2025-02-06T13:30:00.000Z',
    modifiedAt: '2025-02-06T14:10:00.000Z',
    author: 'Võ Hải',
    section: 'Thời sự',
    canonicalUrl: 'https://vnexpress.net/chinh-phu-trinh-phuong-an-sap-xep-4848001.html',
    imageUrl: 'https://i1-vnexpress.vnecdn.net/2025/02/06/sap-xep-tinh-1738848000.jpg?w=1200&h=0&q=100',
    tags: ['sắp xếp tỉnh', 'sáp nhập tỉnh', 'đơn vị hành chính', 'Quốc hội'],
  },
  {
    file: 'tuoitre.html',
    url: 'https://tuoitre.vn/gia-xang-giam-lan-thu-ba-lien-tiep-20250206150000123.htm',
    title: 'Giá xăng giảm lần thứ ba liên tiếp',
    lead: 'TTO - Từ 15h chiều nay, giá xăng RON 95 giảm 320 đồng mỗi lít, xuống mức thấp nhất từ đầu năm.',
    body: ['Chiều 6-2, liên Bộ Công Thương - Tài chính điều chỉnh giá bán lẻ', 'xăng RON 95 giảm 320 đồng, còn 21.030 đồng/lít', 'nhất là tại khu vực vùng sâu, vùng xa'],
    absent: ['Giá xăng giảm lần thứ hai', 'Xem thêm', 'Giá dầu thô lao dốc', 'Tin liên quan', 'Người tiêu dùng thiệt thòi', 'Mở tài khoản ngân hàng', 'Giấy phép hoạt động', 'NGỌC AN', 'GMT+7'],
    publishedAt: '2025-02-06T08:00:00.000Z',
    modifiedAt: '2025-02-06T09:20:00.000Z',
    author: 'NGỌC AN',
    section: 'Kinh doanh',
    canonicalUrl: 'https://tuoitre.vn/gia-xang-giam-lan-thu-ba-lien-tiep-20250206150000123.htm',
    tags: ['giá xăng', 'xăng RON 95', 'điều hành giá xăng dầu', 'Bộ Công Thương', 'dầu diesel', 'xăng dầu'],
  },
  {
    file: 'thanhnien.html',
    url: 'https://thanhnien.vn/thu-tuong-chi-dao-go-vuong-du-an-dien-gio-185250206180512345.htm',
    title: 'Thủ tướng chỉ đạo gỡ vướng cho các dự án điện gió ngoài khơi',
    lead: 'Thủ tướng yêu cầu các bộ, ngành hoàn thành việc gỡ vướng pháp lý cho dự án điện gió ngoài khơi trước quý II/2025.',
    body: ['Ngày 6.2, Văn phòng Chính phủ ban hành thông báo', 'Một dự án điện gió tại Bạc Liêu. ẢNH: NGỌC ĐIỀN', 'Theo Quy hoạch điện VIII', 'đã nói là làm, đã cam kết phải thực hiện'],
    absent: ['Điện gió ngoài khơi: Tiềm năng lớn', 'Đọc thêm', 'Cần chính sách rõ ràng', 'Giá vàng lập đỉnh', 'Báo Thanh Niên', 'Nguyễn Văn Bình', '18:05'],
    publishedAt: '2025-02-06T11:05:00.000Z',
    modifiedAt: '2025-02-06T12:00:00.000Z',
    author: 'Đình Huy, Thu Hằng',
    section: 'Thời sự',
    canonicalUrl: 'https://thanhnien.vn/thu-tuong-chi-dao-go-vuong-du-an-dien-gio-185250206180512345.htm',
    imageUrl: 'https://images2.thanhnien.vn/528068263637045248/2025/2/6/dien-gio.jpg',
    tags: ['điện gió', 'năng lượng tái tạo'],
  },
  {
    file: 'dantri.html',
    url: 'https://dantri.com.vn/lao-dong-viec-lam/tang-luong-co-so-20250206203000123.htm',
    title: 'Tăng lương cơ sở lên 2,34 triệu đồng từ 1/7',
    lead: '(Dân trí) - Từ ngày 1/7, mức lương cơ sở tăng từ 1,8 triệu đồng lên 2,34 triệu đồng mỗi tháng, áp dụng với cán bộ, công chức, viên chức và lực lượng vũ trang.',
    body: ['Nghị quyết về dự toán ngân sách nhà nước năm 2025', 'Bảng lương mới áp dụng từ ngày 1/7', 'khoảng 55.000 tỷ đồng', 'trong khi chờ sửa đổi quy định.'],
    absent: ['Lương hưu tăng 15% từ tháng 7: Ai được hưởng?', 'Người nghỉ hưu trước năm 1995', 'Căn hộ cao cấp', 'Bảo hiểm sức khỏe', 'Lương tăng nhưng giá cả', 'Hoàng Mạnh', 'Thứ năm, 06/02/2025'],
    publishedAt: '2025-02-06T13:30:00.000Z',
    author: 'Hoàng Mạnh',
    section: 'Lao động - Việc làm',
    canonicalUrl: 'https://dantri.com.vn/lao-dong-viec-lam/tang-luong-co-so-20250206203000123.htm',
    tags: ['lương cơ sở', 'cải cách tiền lương', 'cán bộ công chức'],
  },
  {
    file: 'baochinhphu.html',
    url: 'https://baochinhphu.vn/nghi-dinh-168-2024-nd-cp-muc-phat-moi-102250206203000123.htm',
    title: 'Nghị định 168/2024/NĐ-CP: Mức phạt mới với vi phạm giao thông',
    lead: '(Chinhphu.vn) - Nghị định 168/2024/NĐ-CP quy định xử phạt vi phạm hành chính về trật tự, an toàn giao thông đường bộ có hiệu lực từ 1/1/2025.',
    body: ['Chính phủ ban hành Nghị định 168/2024/NĐ-CP', 'Lực lượng cảnh sát giao thông kiểm tra nồng độ cồn', 'Trừ điểm, phục hồi điểm giấy phép lái xe', 'thì được phục hồi đủ 12 điểm.'],
    absent: ['Luật Trật tự, an toàn giao thông đường bộ có hiệu lực', 'Quy định mới về đăng kiểm', 'Zalo', 'Thủ tướng tiếp Đại sứ', 'Thu Giang', 'Văn phòng Chính phủ.'],
    publishedAt: '2025-02-06T13:30:00.000Z',
    author: 'Thu Giang',
    section: 'Chính sách mới',
    canonicalUrl: 'https://baochinhphu.vn/nghi-dinh-168-2024-nd-cp-muc-phat-moi-102250206203000123.htm',
  },
  {
    file: 'provincial.html',
    url: 'https://www.quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?nid=12345#top',
    title: 'Quảng Ninh đẩy mạnh chuyển đổi số trong cải cách hành chính',
    lead: null,
    body: ['Năm 2025, tỉnh Quảng Ninh đặt mục tiêu 100%', 'Ngày 6/2, UBND tỉnh tổ chức hội nghị', '"Bộ phận một cửa không giấy tờ"'],
    absent: ['Quảng Ninh đón hơn 1 triệu lượt khách', 'Các tin khác', 'Sở, ban, ngành', 'Lượt truy cập', 'Cơ quan chủ quản', 'Nguyễn Hà', 'Liên kết website'],
    publishedAt: '2025-02-06T13:30:00.000Z',
    author: 'Nguyễn Hà',
    canonicalUrl: null,
  },
];

describe('extractArticle on outlet-style fixtures', () => {
  describe.each(cases)('$file', (c) => {
    const article = extractArticle(page(c.file), c.url, { now });

    it('finds the title without the site suffix', () => expect(article.title).toBe(c.title));
    it('finds the lead/sapo', () => expect(article.lead).toBe(c.lead));
    it('keeps every body paragraph, in order, separated by blank lines', () => {
      let from = 0;
      for (const fragment of c.body) {
        const at = article.text.indexOf(fragment, from);
        expect(at, `missing or out of order: ${fragment}`).toBeGreaterThanOrEqual(0);
        from = at;
      }
      expect(article.text).toMatch(/\S\n\n\S/);
      expect(article.text).not.toMatch(/\n{3}| {2}|^\s|\s$/);
    });
    it('leaves out related news, ads, comments, share bars, sidebars and bylines', () => {
      for (const fragment of c.absent) expect(article.text, `should not contain: ${fragment}`).not.toContain(fragment);
    });
    it('does not repeat the title or the lead in the text', () => {
      expect(article.text.startsWith(c.title)).toBe(false);
      if (c.lead) expect(article.text).not.toContain(c.lead);
    });
    it('reads dates, author and section', () => {
      expect(article.publishedAt).toBe(c.publishedAt);
      if (c.modifiedAt !== undefined) expect(article.modifiedAt).toBe(c.modifiedAt);
      expect(article.author).toBe(c.author);
      if (c.section !== undefined) expect(article.section).toBe(c.section);
    });
    it('reads canonical URL, image and tags', () => {
      expect(article.canonicalUrl).toBe(c.canonicalUrl);
      if (c.imageUrl !== undefined) expect(article.imageUrl).toBe(c.imageUrl);
      if (c.tags) expect(article.tags).toEqual(c.tags);
    });
    it('returns NFC text', () => {
      expect(article.text).toBe(article.text.normalize('NFC'));
      expect(article.title).toBe(article.title.normalize('NFC'));
    });
  });
});

describe('extractArticle edge cases', () => {
  it('on an AMP page takes rel=canonical as canonical and reports the AMP URL', () => {
    const article = extractArticle(page('amp.html'), 'https://vnexpress.net/ha-noi-cam-xe-may-4848003.html/amp', { now });
    expect(article.canonicalUrl).toBe('https://vnexpress.net/ha-noi-cam-xe-may-4848003.html');
    expect(article.ampUrl).toBe('https://vnexpress.net/ha-noi-cam-xe-may-4848003.html/amp');
    expect(article.publishedAt).toBe('2025-02-06T03:15:00.000Z');
    expect(article.imageUrl).toBe('https://i1-vnexpress.vnecdn.net/xe-may.jpg');
    expect(article.text).toContain('vùng phát thải thấp');
  });

  it('strips the AMP marker from the fetched URL when an AMP page declares no canonical', () => {
    const html = page('amp.html').replace(/<link rel="canonical"[^>]*>/, '');
    expect(extractArticle(html, 'https://vnexpress.net/ha-noi-cam-xe-may-4848003.html/amp', { now }).canonicalUrl)
      .toBe('https://vnexpress.net/ha-noi-cam-xe-may-4848003.html');
    expect(extractArticle(html, 'https://a.vn/bai-viet-1.amp.html', { now }).canonicalUrl).toBe('https://a.vn/bai-viet-1.html');
  });

  it('does not strip "amp" from a non-AMP page URL', () => {
    const html = page('tuoitre.html').replace(/<link rel="canonical"[^>]*>/, '').replace(/<meta property="og:url"[^>]*>/, '');
    expect(extractArticle(html, 'https://tuoitre.vn/bai/amp', { now }).canonicalUrl).toBeNull();
  });

  it('reads the lenient JSON-LD (raw newline, trailing commas) on the Thanh Niên fixture', () => {
    const html = page('thanhnien.html').replace(/<meta property="og:title"[^>]*>/, '').replace(/<title>[^<]*<\/title>/, '');
    const article = extractArticle(html.replace(/<h1 class="detail-title">[\s\S]*?<\/h1>/, ''), 'https://thanhnien.vn/x.htm', { now });
    expect(article.title).toBe('Thủ tướng chỉ đạo gỡ vướng cho các dự án điện gió ngoài khơi');
  });

  it('falls back to a visible Vietnamese date next to the title when no metadata has one', () => {
    const html = `<html><body><article><h1>Hội nghị tổng kết công tác năm 2024 của ngành y tế</h1><p>Cập nhật: 20:30 06/02/2025</p>
      <div class="content"><p>${'Nội dung bài viết về hội nghị tổng kết, với nhiều chỉ tiêu quan trọng đã hoàn thành. '.repeat(4)}</p></div></article></body></html>`;
    expect(extractArticle(html, 'https://a.vn/x', { now }).publishedAt).toBe('2025-02-06T13:30:00.000Z');
  });

  it('handles a page whose body is plain text with <br> in a div', () => {
    const text = 'Đoạn văn thứ nhất, đủ dài để được chấm điểm như một đoạn nội dung thực sự.';
    const html = `<html><head><title>Tin - Cổng TTĐT</title></head><body><div class="noidung">${text}<br><br>Đoạn thứ hai, cũng đủ dài, với dấu phẩy, và thêm chữ nữa.</div></body></html>`;
    expect(extractArticle(html, 'https://a.gov.vn/x', { now }).text).toBe(`${text}\n\nĐoạn thứ hai, cũng đủ dài, với dấu phẩy, và thêm chữ nữa.`);
  });

  it('throws unparseable, naming the URL, when there is neither a title nor text', () => {
    const run = () => extractArticle(page('not-an-article.html'), 'https://tuoitre.vn/captcha');
    expect(run).toThrow(PermanentError);
    expect(run).toThrow(/^https:\/\/tuoitre\.vn\/captcha: no article found — no title .* and only 0 characters of body text$/);
    try {
      run();
    } catch (err) {
      expect((err as PermanentError).code).toBe('unparseable');
    }
  });

  it('throws unparseable on an empty string and on non-HTML', () => {
    expect(() => extractArticle('', 'https://a.vn/x')).toThrow(PermanentError);
    expect(() => extractArticle('{"error":"not found"}', 'https://a.vn/x')).toThrow(/no article found/);
  });

  it('normalises decomposed (NFD) input to NFC', () => {
    const article = extractArticle(page('dantri.html').normalize('NFD'), 'https://dantri.com.vn/x.htm', { now });
    expect(article.title).toBe('Tăng lương cơ sở lên 2,34 triệu đồng từ 1/7');
    expect(article.text).toContain('Nghị quyết về dự toán ngân sách nhà nước năm 2025');
  });
});
