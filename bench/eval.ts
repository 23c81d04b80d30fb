/**
 * `npm run eval [-- --split dev|test] [--data FILE.jsonl] [--json]`
 *
 * Prints sentiment per-class P/R/F1, macro-F1 and confusion matrix, segmentation word F1, and
 * NLP-B's topic and dedup evaluations when their modules exist. With `--json` the last line is
 * one JSON object of figures; a figure that was not measured is absent, never zero.
 * With `--data`, only the sets that file carries labels for are scored (sentiment and/or topics).
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { runSentimentEval } from '../src/eval/sentiment-eval.js';
import { runSegmentationEval } from '../src/eval/segmentation-eval.js';
import { readJsonl } from '../src/eval/jsonl.js';

interface EvalModuleResult {
  figures: Record<string, number>;
  report: string;
}
type Runner = (opts: { split?: string; data?: string }) => EvalModuleResult | Promise<EvalModuleResult>;

async function optionalRunner(path: string, name: string): Promise<Runner | null> {
  try {
    const mod = (await import(path)) as Record<string, unknown>;
    return typeof mod[name] === 'function' ? (mod[name] as Runner) : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(path.replace('../', '').replace('.js', ''))) return null;
    throw e;
  }
}

async function main(): Promise<void> {
  const program = new Command()
    .option('--split <split>', 'dev or test (default test; with --data, all rows unless given)')
    .option('--data <file>', 'score this labelled JSON-lines file instead of the gold sets')
    .option('--json', 'print the figures as one JSON object on the last line')
    .parse(process.argv);
  const opts = program.opts<{ split?: string; data?: string; json?: boolean }>();
  if (opts.split !== undefined && opts.split !== 'dev' && opts.split !== 'test') throw new Error(`--split must be dev or test, not "${opts.split}"`);
  // The gold sets are scored on test by default; a user's --data file is scored whole unless a split is asked for.
  const split = opts.split ?? (opts.data ? undefined : 'test');
  if (opts.data && !existsSync(opts.data)) throw new Error(`--data ${opts.data}: no such file`);
  const figures: Record<string, number> = {};
  const sections: string[] = [];
  const rows = opts.data ? readJsonl(opts.data) : null;
  const has = (key: string): boolean => rows === null || rows.some((r) => r[key] !== undefined);
  const common: { split?: string; data?: string } = {};
  if (split) common.split = split;
  if (opts.data) common.data = opts.data;

  if (has('sentiment')) {
    const r = runSentimentEval(common);
    Object.assign(figures, r.figures);
    sections.push(r.report);
  }
  if (!opts.data) {
    const r = runSegmentationEval(common);
    Object.assign(figures, r.figures);
    sections.push(r.report);
  }
  const optional: [string, string, string][] = [
    ['topics', '../src/eval/topic-eval.js', 'runTopicEval'],
    ['dedup', '../src/eval/dedup-eval.js', 'runDedupEval'],
  ];
  for (const [what, path, name] of optional) {
    if (opts.data && what === 'dedup') continue;
    if (what === 'topics' && !has('topics')) continue;
    const run = await optionalRunner(path, name);
    if (!run) {
      sections.push(`${what}: skipped (${path.replace('../', '')} not present)`);
      continue;
    }
    const r = await run(common);
    Object.assign(figures, r.figures);
    sections.push(r.report);
  }
  console.log(sections.join('\n\n'));
  if (opts.json) console.log(JSON.stringify(figures));
}

main().catch((e: unknown) => {
  console.error(`eval: ${(e as Error).message}`);
  process.exit(1);
});
