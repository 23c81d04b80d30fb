import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crossValidateTopics } from '../../../../src/eval/topic-eval.js';

const dir = mkdtempSync(join(tmpdir(), 'pp-topic-cv-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const agriculture = ['Giá lúa tăng, nông dân phấn khởi', 'Nông dân thu hoạch lúa hè thu', 'Giá lúa gạo xuất khẩu tăng', 'Nông dân trồng lúa chịu mặn', 'Vụ lúa đông xuân được mùa', 'Nông dân bán lúa giá cao'];
const health = ['Bệnh viện quá tải bệnh nhân', 'Bệnh nhân chờ khám tại bệnh viện', 'Bệnh viện thiếu thuốc điều trị', 'Bác sĩ bệnh viện cứu bệnh nhân', 'Bệnh viện tuyến tỉnh nâng cấp', 'Bệnh nhân sốt xuất huyết nhập viện'];

describe('crossValidateTopics', () => {
  it('trains on k-1 folds of one split, scores the held-out fold and ignores the other split', () => {
    const rows = [
      ...agriculture.map((title) => ({ title, topics: ['agriculture'], split: 'dev' })),
      ...health.map((title) => ({ title, topics: ['health'], split: 'dev' })),
      // Mislabelled test rows: were they used, the figure would drop.
      ...health.map((title) => ({ title, topics: ['agriculture'], split: 'test' })),
    ];
    const data = join(dir, 'cv.jsonl');
    writeFileSync(data, rows.map((r) => JSON.stringify(r)).join('\n'));
    const result = crossValidateTopics({ data, folds: 2 });
    expect(result.report).toMatch(/2-fold CV on split dev .* \(12 items\)/);
    expect(result.perClass.health?.support).toBe(6);
    expect(result.perClass.agriculture?.support).toBe(6);
    expect(result.topic_micro_f1).toBeGreaterThan(0.8);
  });

  it('refuses a split too small for the folds', () => {
    const data = join(dir, 'tiny.jsonl');
    writeFileSync(data, JSON.stringify({ title: 'Giá lúa tăng', topics: ['agriculture'], split: 'dev' }));
    expect(() => crossValidateTopics({ data, folds: 5 })).toThrow(/only 1 records with split "dev", need at least 5/);
  });
});
