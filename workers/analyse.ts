import { Worker } from 'bullmq';
import type { AppContext } from '../src/app/context.js';
import { analyseItem } from '../src/pipeline/analyse-stage.js';
import { jobIds, type AnalyseJob } from '../src/queue/jobs.js';
import { runStage } from '../src/queue/run-stage.js';
import { restoreStoryState, saveStoryState, storyStateFile } from '../src/app/story-state.js';
import { workerOptions } from './worker-options.js';

/** Start the `analyse` role: normalise text, attach NLP labels, hand to `index`. */
export function startAnalyseWorker(ctx: AppContext, concurrency = 4): { worker: Worker<AnalyseJob, { itemId: string }>; saveState: () => void } {
  const file = storyStateFile(ctx.env.PULSE_DATA_DIR);
  const analyser = ctx.analyser;
  if (analyser) restoreStoryState(analyser, file, ctx.logger);
  const saveState = () => {
    if (!analyser) return;
    try {
      saveStoryState(analyser, file);
    } catch (err) {
      ctx.logger.warn({ err: (err as Error).message }, 'could not save story index state');
    }
  };
  const worker = new Worker<AnalyseJob, { itemId: string }>(
    'analyse',
    (job, token) =>
      runStage(job, token, async () => {
        const item = analyseItem(job.data.item, { analyser: ctx.analyser });
        await ctx.queues.index.add('index', { item }, { jobId: jobIds.index(item.id, item.contentHash) });
        return { itemId: item.id };
      }),
    workerOptions(ctx, concurrency),
  );
  return { worker, saveState };
}
