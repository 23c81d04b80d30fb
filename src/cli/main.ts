#!/usr/bin/env node
import { Command } from 'commander';
import { registerStart } from './commands/start.js';
import { registerDemo } from './commands/demo.js';
import { registerCrawl } from './commands/crawl.js';
import { registerSources } from './commands/sources.js';
import { registerQueue } from './commands/queue.js';
import { registerSearch } from './commands/search.js';
import { registerTrain } from './commands/train.js';
import { registerReanalyse } from './commands/reanalyse.js';
import { registerUsers } from '../server/cli-users.js';
import { registerReport } from './commands/report.js';

/** `pulse` — the policy-pulse command line. */
const program = new Command()
  .name('pulse')
  .description('policy-pulse: theo dõi báo chí về chính sách / media monitoring for Vietnamese policy communication')
  .showHelpAfterError();

registerStart(program);
registerDemo(program);
registerCrawl(program);
registerSources(program);
registerQueue(program);
registerSearch(program);
registerTrain(program);
registerReanalyse(program);
registerUsers(program);
registerReport(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`pulse: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
