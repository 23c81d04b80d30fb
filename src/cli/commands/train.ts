import type { Command } from 'commander';
import { crossValidateTopics } from '../../eval/topic-eval.js';
import { DEFAULT_TOPIC_MODEL_KIND, trainTopicModel, type TopicModelKind, type TrainTopicModelOptions } from '../../nlp/topics/train.js';

/** Learner options from the command line, checked (a typo must not silently train the default). */
function learnerOptions(o: { model: string; smoothing?: string }): Pick<TrainTopicModelOptions, 'model' | 'smoothing'> {
  if (o.model !== 'nb' && o.model !== 'lr' && o.model !== 'ens') throw new Error(`--model ${o.model}: expected nb (natural's naive Bayes), lr (logistic regression) or ens (both)`);
  const model: TopicModelKind = o.model;
  if (o.smoothing === undefined) return { model };
  const smoothing = Number(o.smoothing);
  if (!(smoothing > 0)) throw new Error(`--smoothing ${o.smoothing}: must be a number > 0`);
  if (model === 'lr') throw new Error('--smoothing applies to --model nb or ens only');
  return { model, smoothing };
}

/** `pulse train`: train the topic classifier from labelled JSONL into a versioned model file. */
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('huấn luyện bộ phân loại chủ đề / train the topic classifier from labelled JSONL')
    .requiredOption('--data <file.jsonl>', 'one object a line: title, lead?, text?, topics[]')
    .option('--out <file>', 'model file the analyser loads', 'models/topics.json')
    .option('--split <name>', 'train only on records with this split (e.g. dev)')
    .option('--extra <files...>', 'training-only labelled JSONL files, every record trains (with --cv: on every fold)')
    .option('--config <dir>', 'config directory (topics.yaml, policies.yaml)', process.env.PULSE_CONFIG_DIR ?? 'config')
    .option('--model <kind>', 'learner: nb (natural naive Bayes), lr (logistic regression) or ens (both, logits added)', DEFAULT_TOPIC_MODEL_KIND)
    .option('--smoothing <n>', 'naive-Bayes additive smoothing (nb only; default 1)')
    .option('--cv <folds>', 'instead of writing a model, print k-fold cross-validation within --split (default dev)')
    .action((o: { data: string; out: string; split?: string; extra?: string[]; config: string; cv?: string; model: string; smoothing?: string }) => {
      const learner = { ...learnerOptions(o), ...(o.extra ? { extraData: o.extra } : {}) };
      if (o.cv !== undefined) {
        const folds = Number(o.cv);
        if (!Number.isInteger(folds) || folds < 2) throw new Error(`--cv ${o.cv}: folds must be an integer ≥ 2`);
        const res = crossValidateTopics({ data: o.data, split: o.split ?? 'dev', folds, configDir: o.config, train: learner });
        process.stdout.write(`${res.report}\n`);
        return;
      }
      const res = trainTopicModel(o.data, o.out, { ...learner, configDir: o.config, ...(o.split ? { split: o.split } : {}) });
      process.stdout.write(
        `Đã lưu mô hình / model written: ${res.outPath}\n  version ${res.version}, ${res.documents} documents, ` +
          `${res.labels.length} topics, ${res.features} features\n`,
      );
    });
}
