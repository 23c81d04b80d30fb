import type { Command } from 'commander';
import { crossValidateTopics } from '../../eval/topic-eval.js';
import { trainTopicModel } from '../../nlp/topics/train.js';

/** `pulse train`: train the topic classifier from labelled JSONL into a versioned model file. */
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('huấn luyện bộ phân loại chủ đề / train the topic classifier from labelled JSONL')
    .requiredOption('--data <file.jsonl>', 'one object a line: title, lead?, text?, topics[]')
    .option('--out <file>', 'model file the analyser loads', 'models/topics.json')
    .option('--split <name>', 'train only on records with this split (e.g. dev)')
    .option('--config <dir>', 'config directory (topics.yaml, policies.yaml)', process.env.PULSE_CONFIG_DIR ?? 'config')
    .option('--cv <folds>', 'instead of writing a model, print k-fold cross-validation within --split (default dev)')
    .action((o: { data: string; out: string; split?: string; config: string; cv?: string }) => {
      if (o.cv !== undefined) {
        const folds = Number(o.cv);
        if (!Number.isInteger(folds) || folds < 2) throw new Error(`--cv ${o.cv}: folds must be an integer ≥ 2`);
        const res = crossValidateTopics({ data: o.data, split: o.split ?? 'dev', folds, configDir: o.config });
        process.stdout.write(`${res.report}\n`);
        return;
      }
      const res = trainTopicModel(o.data, o.out, { configDir: o.config, ...(o.split ? { split: o.split } : {}) });
      process.stdout.write(
        `Đã lưu mô hình / model written: ${res.outPath}\n  version ${res.version}, ${res.documents} documents, ` +
          `${res.labels.length} topics, ${res.features} features\n`,
      );
    });
}
