import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { topicFeatures } from '../../../../src/nlp/topics/features.js';
import { loadTopicModel } from '../../../../src/nlp/topics/model.js';
import { DEFAULT_TOPIC_MODEL_KIND, trainTopicModel } from '../../../../src/nlp/topics/train.js';
import { tokenizeSyllables } from '../../../../src/nlp/phrase-matcher.js';

const dir = mkdtempSync(join(tmpdir(), 'pp-topic-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = [
  ...['Giá lúa tăng, nông dân phấn khởi', 'Nông dân thu hoạch lúa hè thu', 'Giá lúa gạo xuất khẩu tăng', 'Nông dân trồng lúa chịu mặn', 'Vụ lúa đông xuân được mùa', 'Nông dân bán lúa giá cao'].map((title) => ({ title, topics: ['agriculture'] })),
  ...['Bệnh viện quá tải bệnh nhân', 'Bệnh nhân chờ khám tại bệnh viện', 'Bệnh viện thiếu thuốc điều trị', 'Bác sĩ bệnh viện cứu bệnh nhân', 'Bệnh viện tuyến tỉnh nâng cấp', 'Bệnh nhân sốt xuất huyết nhập viện'].map((title) => ({ title, topics: ['health'] })),
];

describe('trainTopicModel', () => {
  it.each(['nb', 'lr', 'ens'] as const)('writes a versioned %s model file that the analyser can load and that separates the classes', (kind) => {
    const data = join(dir, `train-${kind}.jsonl`);
    writeFileSync(data, rows.map((r) => JSON.stringify(r)).join('\n'));
    const out = join(dir, 'models', `topics-${kind}.json`);
    const result = trainTopicModel(data, out, { model: kind, now: () => new Date('2026-01-02T03:04:05Z') });
    expect(result.version).toBe(`topics-${kind}-20260102T030405Z`);
    expect(result.labels).toEqual(['agriculture', 'health']);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file).toMatchObject({ format: 1, version: result.version, createdAt: '2026-01-02T03:04:05.000Z', labels: ['agriculture', 'health'] });
    expect(file.params.temperature).toBeGreaterThan(0);
    expect(file.params.combiner.weights.length).toBeGreaterThan(0);
    const model = loadTopicModel(out);
    const feats = (t: string) => topicFeatures({ title: tokenizeSyllables(t), lead: [], text: [] });
    const rice = model.predict(feats('Giá lúa tăng mạnh'));
    const hospital = model.predict(feats('Bệnh viện quá tải'));
    expect(rice[0]).toBeGreaterThan(rice[1] as number);
    expect(hospital[1]).toBeGreaterThan(hospital[0] as number);
  });

  it(`trains the default learner (${DEFAULT_TOPIC_MODEL_KIND}) when none is given and refuses an unknown one`, () => {
    const data = join(dir, 'default.jsonl');
    writeFileSync(data, rows.map((r) => JSON.stringify(r)).join('\n'));
    const result = trainTopicModel(data, join(dir, 'default.json'));
    expect(result.version.startsWith(`topics-${DEFAULT_TOPIC_MODEL_KIND}-`)).toBe(true);
    expect(() => trainTopicModel(data, join(dir, 'other.json'), { model: 'svm' as 'nb' })).toThrow(/topic model kind "svm": expected "nb", "lr" or "ens"/);
  });

  it('trains only on the requested split', () => {
    const data = join(dir, 'split.jsonl');
    writeFileSync(data, rows.map((r, i) => JSON.stringify({ ...r, split: i % 2 ? 'test' : 'dev' })).join('\n'));
    expect(trainTopicModel(data, join(dir, 'split.json'), { split: 'dev' }).documents).toBe(6);
  });

  it('fits the decision thresholds on the --data records, not on the training-only sets (unless told to)', () => {
    // Gold-style items carry two labels; the training-only set has one each. Thresholds fitted on
    // the gold records must admit second topics more readily than thresholds fitted on the mix.
    const both = ['Nông dân ngộ độc thuốc trừ sâu phải nhập viện', 'Bệnh viện khám miễn phí cho nông dân trồng lúa', 'Nông dân phun thuốc lúa, bệnh nhân tăng', 'Bác sĩ về đồng lúa khám cho nông dân', 'Bệnh viện tỉnh tiếp nhận nông dân bị ong đốt khi gặt lúa', 'Nông dân mắc bệnh do phơi lúa dưới nắng nóng'];
    const data = join(dir, 'two-label.jsonl');
    writeFileSync(data, both.map((title) => JSON.stringify({ title, topics: ['agriculture', 'health'] })).join('\n'));
    const extra = join(dir, 'one-label.jsonl');
    writeFileSync(extra, rows.map((r) => JSON.stringify(r)).join('\n'));
    const secondThreshold = (thresholdsOnData?: boolean) => {
      const out = join(dir, `thresholds-${String(thresholdsOnData)}.json`);
      trainTopicModel(data, out, { model: 'lr', extraData: [extra], ...(thresholdsOnData === undefined ? {} : { thresholdsOnData }) });
      return JSON.parse(readFileSync(out, 'utf8')).params.combiner.secondThreshold as number;
    };
    const onData = secondThreshold();
    expect(onData).toBeLessThan(secondThreshold(false));
    expect(secondThreshold(true)).toBe(onData);
  });

  it('adds every record of the training-only files to the split, and names them in the model file', () => {
    const data = join(dir, 'split-extra.jsonl');
    writeFileSync(data, rows.map((r, i) => JSON.stringify({ ...r, split: i % 2 ? 'test' : 'dev' })).join('\n'));
    const extra = join(dir, 'extra.jsonl');
    writeFileSync(extra, rows.slice(0, 5).map((r) => JSON.stringify({ ...r, split: 'train' })).join('\n'));
    const out = join(dir, 'split-extra.json');
    expect(trainTopicModel(data, out, { split: 'dev', extraData: [extra] }).documents).toBe(11);
    expect(JSON.parse(readFileSync(out, 'utf8')).params.trainedOn).toEqual({ file: data, documents: 11, split: 'dev', extraData: [extra] });
    expect(() => trainTopicModel(data, out, { split: 'dev', extraData: [join(dir, 'nope.jsonl')] })).toThrow(/nope\.jsonl/);
  });

  it('names the file and record on bad input', () => {
    const data = join(dir, 'bad.jsonl');
    writeFileSync(data, `${JSON.stringify(rows[0])}\n${JSON.stringify({ title: 'x', topics: 'health' })}\n`);
    expect(() => trainTopicModel(data, join(dir, 'bad.json'))).toThrow(/bad\.jsonl: record 2: "topics" must be an array/);
    expect(() => loadTopicModel(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read/);
    writeFileSync(join(dir, 'wrong.json'), '{"format":1}');
    expect(() => loadTopicModel(join(dir, 'wrong.json'))).toThrow(/wrong\.json: version/);
    const good = JSON.parse(readFileSync(join(dir, 'default.json'), 'utf8'));
    writeFileSync(join(dir, 'bad-row.json'), JSON.stringify({ ...good, weights: { ...good.weights, lua: [1, 'x'] } }));
    expect(() => loadTopicModel(join(dir, 'bad-row.json'))).toThrow(/bad-row\.json: weights\.lua: expected an array of numbers/);
    writeFileSync(join(dir, 'no-weights.json'), JSON.stringify({ ...good, weights: [] }));
    expect(() => loadTopicModel(join(dir, 'no-weights.json'))).toThrow(/no-weights\.json: weights: expected an object/);
  });
});

describe('trained model scoring', () => {
  it.each(['nb', 'lr', 'ens'] as const)('scores tokens (predictFields) exactly as it scores their feature strings (predict), accented or not (%s)', (kind) => {
    const data = join(dir, `same-${kind}.jsonl`);
    writeFileSync(data, rows.map((r) => JSON.stringify(r)).join('\n'));
    const out = join(dir, `same-${kind}.json`);
    trainTopicModel(data, out, { model: kind });
    const model = loadTopicModel(out);
    for (const title of ['Bệnh viện tỉnh quá tải. Nông dân thu hoạch lúa', 'Benh vien qua tai, nong dan ban lua']) {
      const fields = { title: tokenizeSyllables(title), lead: [], text: [] };
      expect(Array.from(model.predictFields(fields))).toEqual(Array.from(model.predict(topicFeatures(fields))));
    }
    const accented = model.predictFields({ title: tokenizeSyllables('Bệnh viện quá tải'), lead: [], text: [] });
    const plain = model.predictFields({ title: tokenizeSyllables('Benh vien qua tai'), lead: [], text: [] });
    expect(Array.from(plain)).toEqual(Array.from(accented));
  });

  it('stores label co-occurrence and the combiner in the model file', () => {
    const data = join(dir, 'cooc.jsonl');
    const multi = [...rows, { title: 'Nông dân nhập viện vì ngộ độc thuốc', topics: ['agriculture', 'health'] }];
    writeFileSync(data, multi.map((r) => JSON.stringify(r)).join('\n'));
    const out = join(dir, 'cooc.json');
    trainTopicModel(data, out);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.params.cooccurrence).toHaveLength(2);
    expect(file.params.cooccurrence[0][1]).toBeGreaterThan(0);
    expect(file.params.cooccurrence[0][0]).toBe(0);
    expect(loadTopicModel(out).cooccurrence?.length).toBe(4);
  });
});
