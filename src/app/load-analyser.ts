import type { Env } from '../config/env.js';
import type { Logger } from '../core/logger.js';
import { createAnalyser } from '../nlp/analyse.js';
import type { Analyser } from '../pipeline/analyse-stage.js';

/** Load the NLP analyser from the config directory (topics, lexicon, gazetteer, trained model). */
export async function loadAnalyser(env: Env, logger: Logger): Promise<Analyser> {
  const analyser = createAnalyser({ configDir: env.PULSE_CONFIG_DIR });
  logger.info({ version: analyser.version }, 'NLP analyser loaded');
  return analyser;
}
