import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../../../src/eval/jsonl.js';
import { overlapsWithTest } from '../../../../src/eval/training-overlap.js';

const GOLD = 'tests/fixtures/nlp/topics.jsonl';
const TRAIN_DIR = 'tests/fixtures/nlp/topics-train';
const TOPIC_IDS = new Set(
  'economy banking trade enterprise agriculture land construction transport environment energy health education labour social_security culture science digital admin_reform apparatus justice anti_corruption defence foreign'.split(' '),
);

const trainFiles = readdirSync(TRAIN_DIR).filter((f) => f.endsWith('.jsonl')).map((f) => join(TRAIN_DIR, f));
const train = trainFiles.flatMap((f) => readJsonl(f));
const gold = readJsonl(GOLD);

describe('training-only topic items', () => {
  it('are well-formed: split "train", unique ids, 1–3 known topics, NFC text', () => {
    expect(train.length).toBeGreaterThan(1000);
    expect(new Set(train.map((r) => r.id)).size).toBe(train.length);
    for (const r of train) {
      expect(r.split, String(r.id)).toBe('train');
      const topics = r.topics as string[];
      expect(topics.length >= 1 && topics.length <= 3 && new Set(topics).size === topics.length, String(r.id)).toBe(true);
      for (const t of topics) expect(TOPIC_IDS.has(t), `${String(r.id)}: ${t}`).toBe(true);
      const text = `${String(r.title)} ${String(r.lead)}`;
      expect(text.normalize('NFC'), String(r.id)).toBe(text);
    }
  });

  it('do not restate any held-out test item (the test split stays unseen)', () => {
    const test = gold.filter((r) => r.split === 'test');
    expect(test.length).toBeGreaterThan(400);
    expect(overlapsWithTest(train, test)).toEqual([]);
    // ~9,000 × 420 pair checks: several seconds alone, more beside the rest of the suite on two cores.
  }, 120_000);

  it('the overlap guard catches a restated headline, accent-stripped or not', () => {
    const t = gold.find((r) => r.split === 'test') as { id: string; title: string; lead: string };
    const folded = t.title.normalize('NFD').replace(/\p{M}/gu, '');
    expect(overlapsWithTest([{ id: 'x', title: folded, lead: 'khác hẳn' }], [t]).map((o) => o.testId)).toEqual([t.id]);
    expect(overlapsWithTest([{ id: 'y', title: 'Một tin hoàn toàn khác về mùa lúa', lead: '' }], [t])).toEqual([]);
  });
});
