import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../src/config/yaml-file.js';
import { tokenizeSyllables } from '../../../../src/nlp/phrase-matcher.js';
import { createTopicClassifier } from '../../../../src/nlp/topics/classify.js';
import { compileTaxonomy } from '../../../../src/nlp/topics/taxonomy-scorer.js';
import { loadTaxonomy, parseTaxonomy, REQUIRED_TOPIC_IDS } from '../../../../src/nlp/topics/taxonomy-schema.js';

const taxonomy = loadTaxonomy('config');
const scorer = compileTaxonomy(taxonomy);
const classifier = createTopicClassifier(scorer, null);
const fields = (title: string, lead = '', text = '') => ({ title: tokenizeSyllables(title), lead: tokenizeSyllables(lead), text: tokenizeSyllables(text) });
const topicsOf = (title: string, lead = '') => classifier.classify(fields(title, lead)).topics.map((t) => t.id);

describe('taxonomy config', () => {
  it('has every required topic id with Vietnamese and English names and many phrases', () => {
    const ids = taxonomy.topics.topics.map((t) => t.id);
    for (const id of REQUIRED_TOPIC_IDS) expect(ids).toContain(id);
    for (const t of taxonomy.topics.topics) {
      expect(t.name.vi.length).toBeGreaterThan(0);
      expect(t.name.en.length).toBeGreaterThan(0);
      expect(t.phrases.strong.length + t.phrases.medium.length).toBeGreaterThanOrEqual(20);
    }
    expect(taxonomy.policies.policies.length).toBeGreaterThanOrEqual(10);
  });

  const policies = readFileSync('config/policies.yaml', 'utf8');
  const topicsYaml = readFileSync('config/topics.yaml', 'utf8');

  it('rejects a bad entry naming file, line, path and reason', () => {
    const bad = topicsYaml.replace('  - id: banking\n', '  - id: Banking!\n');
    try {
      parseTaxonomy(bad, policies);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).problems.join('\n');
      expect(text).toMatch(/topics\.yaml:\d+ topics\.1\.id: lower-case/);
      expect(text).toMatch(/missing required topic id "banking"/);
    }
  });

  it('rejects a lone ambiguous syllable as a strong phrase', () => {
    const bad = topicsYaml.replace('strong: [tăng trưởng kinh tế,', 'strong: [tăng, tăng trưởng kinh tế,');
    expect(() => parseTaxonomy(bad, policies)).toThrow(/topics\.0\.phrases\.strong\.0: a one-syllable phrase/);
  });

  it('rejects a policy pointing at an unknown topic', () => {
    const bad = policies.replace('topics: [science, digital]', 'topics: [science, space]');
    expect(() => parseTaxonomy(topicsYaml, bad)).toThrow(/policies\.0\.topics\.1: unknown topic id "space"/);
  });
});

describe('taxonomy scoring', () => {
  it('classifies clear headlines', () => {
    expect(topicsOf('Cao tốc Bắc - Nam thông xe đoạn qua Hà Tĩnh')).toEqual(['transport']);
    expect(topicsOf('Ngân hàng Nhà nước giảm lãi suất điều hành')).toContain('banking');
    expect(topicsOf('Bệnh viện quá tải, bệnh nhân nằm ghép')).toEqual(['health']);
  });

  it('lets an exclusion cancel a false hit', () => {
    // "sức khỏe doanh nghiệp" is about business, not health; "đầu tàu kinh tế" is not transport.
    const result = scorer.score(fields('Sức khỏe doanh nghiệp suy yếu', 'TP.HCM là đầu tàu kinh tế của cả nước'));
    const ids = result.topics.map((t) => t.id);
    expect(ids).not.toContain('health');
    expect(ids).not.toContain('transport');
  });

  it('boosts the title over the body', () => {
    const inTitle = scorer.score(fields('Giá điện tăng', '', '')).topics[0];
    const inBody = scorer.score(fields('Tin tức', '', 'Giá điện tăng')).topics[0];
    expect(inTitle?.id).toBe('energy');
    expect(inTitle?.raw).toBeGreaterThan(inBody?.raw ?? Infinity);
  });

  it('does not count a phrase nested in a longer phrase of another topic', () => {
    const hits = scorer.score(fields('Cấm thuốc lá điện tử từ năm 2025')).topics;
    expect(hits.find((t) => t.id === 'digital')).toBeUndefined();
    expect(hits[0]?.id).toBe('health');
  });

  it('handles unaccented and all-caps Đ input', () => {
    expect(topicsOf('UN TAC GIAO THONG KEO DAI O CUA NGO SAN BAY')).toContain('transport');
    expect(topicsOf('ĐƯỜNG SẮT TỐC ĐỘ CAO BẮC - NAM ĐƯỢC THÔNG QUA')).toContain('transport');
    expect(topicsOf('duong sat toc do cao bac nam')).toContain('transport');
  });

  it('detects named policies and the topics they imply', () => {
    const out = classifier.classify(fields('Triển khai Nghị quyết 57-NQ/TW tại các địa phương'));
    expect(out.policies).toContain('nq57-khcn');
    expect(out.topics.map((t) => t.id)).toContain('science');
    expect(classifier.classify(fields('Sáp nhập tỉnh: người dân góp ý tên gọi mới')).policies).toContain('sap-nhap-tinh');
    expect(classifier.classify(fields('Xử phạt theo Nghị định 168 tăng mạnh')).policies).toContain('nd168-xu-phat-giao-thong');
  });

  it('returns multi-label scores in [0, 1] with sub-topics of assigned topics', () => {
    const out = classifier.classify(fields('Thu hồi đất làm cao tốc: người dân chưa nhận tiền bồi thường giải phóng mặt bằng'));
    expect(out.topics.map((t) => t.id).sort()).toEqual(['land', 'transport']);
    for (const t of out.topics) expect(t.score).toBeGreaterThan(0), expect(t.score).toBeLessThanOrEqual(1);
    expect(out.subtopics).toContain('land.clearance');
    expect(out.hits.land?.length).toBeGreaterThan(0);
  });

  it('returns no topic for text without policy content', () => {
    expect(topicsOf('Chúc mừng sinh nhật', 'Hôm nay trời đẹp')).toEqual([]);
  });
});
