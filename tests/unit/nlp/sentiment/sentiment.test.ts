import { beforeAll, describe, expect, it } from 'vitest';
import { analyseSentiment } from '../../../../src/nlp/sentiment/analyse.js';
import { loadSentimentLexicon, type SentimentLexicon } from '../../../../src/nlp/sentiment/lexicon.js';

let lexicon: SentimentLexicon;
beforeAll(() => {
  lexicon = loadSentimentLexicon();
});

const label = (title: string, lead?: string, text?: string) => analyseSentiment({ title, lead: lead ?? null, ...(text ? { text } : {}) }, lexicon).label;

describe('negation', () => {
  it('flips a positive word: tốt / không tốt', () => {
    expect(label('Chất lượng công trình tốt')).toBe('positive');
    expect(label('Chất lượng công trình không tốt')).toBe('negative');
  });

  it('chưa hoàn thành is negative, hoàn thành positive', () => {
    expect(label('Dự án đã hoàn thành')).toBe('positive');
    expect(label('Dự án chưa hoàn thành')).toBe('negative');
  });

  it('không chỉ … mà còn is not a negation', () => {
    expect(label('Dự án không chỉ hoàn thành sớm mà còn tiết kiệm chi phí')).toBe('positive');
    expect(label('Dự án không chỉ chậm tiến độ mà còn đội vốn')).toBe('negative');
  });

  it('a negated problem turns positive: không còn ùn tắc, chấm dứt tình trạng…', () => {
    expect(label('Cửa ngõ phía Tây không còn ùn tắc')).toBe('positive');
    expect(label('Chấm dứt tình trạng ngập úng ở trung tâm')).toBe('positive');
    expect(label('Khắc phục hậu quả bão, đời sống dần ổn định')).toBe('positive');
  });
});

describe('movement verbs', () => {
  it('giảm + a problem is good, giảm + a good thing is bad', () => {
    expect(label('Tai nạn giao thông giảm mạnh')).toBe('positive');
    expect(label('Thành phố giảm ùn tắc giờ cao điểm')).toBe('positive');
    expect(label('Xuất khẩu giảm mạnh')).toBe('negative');
    expect(label('Tăng trưởng kinh tế giảm')).toBe('negative');
  });

  it('tăng + a problem is bad, tăng + an indicator that should rise is good', () => {
    expect(label('Nợ xấu tăng cao')).toBe('negative');
    expect(label('Thu ngân sách tăng 14%')).toBe('positive');
  });
});

describe('contrast', () => {
  it('the clause after nhưng/tuy nhiên weighs more', () => {
    expect(label('Tăng trưởng tín dụng cao nhưng nợ xấu đáng lo ngại')).toBe('negative');
    expect(label('Còn nhiều khó khăn nhưng tỉnh vẫn hoàn thành kế hoạch')).toBe('positive');
    expect(label('Mặc dù còn khó khăn, thu ngân sách vẫn vượt dự toán')).toBe('positive');
  });
});

describe('official tone', () => {
  it('meetings, plans and guidance come out neutral', () => {
    expect(label('Chính phủ tổ chức hội nghị triển khai nhiệm vụ năm 2025', 'Thủ tướng chủ trì hội nghị trực tuyến với các bộ, ngành và địa phương.')).toBe('neutral');
    expect(label('UBND tỉnh ban hành kế hoạch thực hiện Nghị quyết 98')).toBe('neutral');
    expect(label('Bộ Y tế hướng dẫn phòng chống dịch sốt xuất huyết')).toBe('neutral');
    expect(label('Quốc hội thảo luận dự án Luật Đất đai sửa đổi')).toBe('neutral');
  });

  it('goals and instructions are damped: a demand to finish is not a finish', () => {
    const plan = analyseSentiment({ title: 'Thủ tướng yêu cầu hoàn thành dự án trong năm nay' }, lexicon);
    const done = analyseSentiment({ title: 'Dự án hoàn thành trong năm nay' }, lexicon);
    expect(Math.abs(plan.score)).toBeLessThan(Math.abs(done.score));
  });
});

describe('input forms', () => {
  it('NFD input gives the same result as NFC, with offsets into the NFC text', () => {
    const nfc = 'Người dân bức xúc vì dự án chậm tiến độ';
    const a = analyseSentiment({ title: nfc }, lexicon);
    const b = analyseSentiment({ title: nfc.normalize('NFD') }, lexicon);
    expect(b.label).toBe('negative');
    expect(b.score).toBe(a.score);
    expect(b.evidence).toEqual(a.evidence);
  });

  it('unaccented input still works', () => {
    expect(label('Du an cham tien do, nguoi dan buc xuc')).toBe('negative');
    expect(label('Cao toc thong xe som hon ke hoach, nguoi dan phan khoi')).toBe('positive');
  });

  it('one plain syllable never stands for an accented word in accented text', () => {
    // `ban` must not match `bẩn` (dirty), `hai` (two) not `hại` (harm).
    expect(label('Ủy ban nhân dân hai tỉnh ban hành quy chế phối hợp')).toBe('neutral');
  });

  it('handles Đ in upper-case titles and the look-alike Ð', () => {
    expect(label('ĐƯỜNG DÂY 500 KV CHẬM TIẾN ĐỘ, NGUY CƠ THIẾU ĐIỆN')).toBe('negative');
    expect(label('\u00D0ường sắt đô thị chậm tiến độ nhiều năm')).toBe('negative');
    expect(label('ĐỒNG BẰNG SÔNG CỬU LONG XUẤT KHẨU GẠO ĐẠT KỶ LỤC')).toBe('positive');
  });

  it('old-style tone placement matches the lexicon', () => {
    expect(label('Bãi biển sạch đẹp, du khách hài lòng, người dân khoẻ mạnh')).toBe('positive');
  });
});

describe('evidence and weighting', () => {
  it('evidence offsets point at the phrase in the NFC field', () => {
    const doc = { title: 'Dự án chống ngập chậm tiến độ', lead: 'Người dân bức xúc vì đường ngập sâu, tuy nhiên tỉnh không còn ùn tắc.' };
    const result = analyseSentiment(doc, lexicon);
    expect(result.evidence.length).toBeGreaterThan(2);
    for (const e of result.evidence) {
      const field = (e.field === 'title' ? doc.title : doc.lead).normalize('NFC');
      expect(field.slice(e.start, e.end)).toBe(e.text);
      expect(e.polarity).toBe(e.weight > 0 ? 'positive' : 'negative');
    }
    expect(result.evidence.map((e) => e.text)).toContain('chậm tiến độ');
    expect(result.evidence.find((e) => e.text === 'không còn ùn tắc')?.polarity).toBe('positive');
  });

  it('the title weighs more than the body', () => {
    const body = 'Tuyến đường mới giúp người dân đi lại thuận lợi. Hàng hóa lưu thông nhanh chóng.';
    expect(label('Dự án chậm tiến độ, đội vốn hàng nghìn tỷ', undefined, body)).toBe('negative');
    expect(label('Dự án hoàn thành vượt kế hoạch', undefined, 'Tuy nhiên vẫn còn một số vướng mắc nhỏ.')).toBe('positive');
  });

  it('score and confidence stay in range; neutral text has no evidence', () => {
    const r = analyseSentiment({ title: 'Thủ tướng tiếp Đại sứ Nhật Bản' }, lexicon);
    expect(r).toMatchObject({ label: 'neutral', evidence: [] });
    expect(r.confidence).toBeGreaterThan(0.5);
    const strong = analyseSentiment({ title: 'Tham nhũng, lãng phí, sai phạm nghiêm trọng gây thất thoát lớn' }, lexicon);
    expect(strong.score).toBeGreaterThanOrEqual(-1);
    expect(strong.score).toBeLessThan(-0.5);
    expect(strong.confidence).toBeLessThanOrEqual(1);
  });

  it('byTopic scores only the spans that mention each topic', () => {
    const lead = 'Giao thông thông suốt, không còn ùn tắc. Trong khi đó bệnh viện quá tải nghiêm trọng.';
    const split = lead.indexOf('Trong khi');
    const r = analyseSentiment({ title: 'Thành phố sau một năm', lead }, lexicon, {
      topicClauses: { transport: [{ field: 'lead', start: 0, end: split }], health: [{ field: 'lead', start: split, end: lead.length }] },
    });
    expect(r.byTopic?.transport?.label).toBe('positive');
    expect(r.byTopic?.health?.label).toBe('negative');
  });
});
