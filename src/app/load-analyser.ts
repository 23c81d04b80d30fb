import type { Env } from '../config/env.js';
import type { Logger } from '../core/logger.js';
import type { Analyser } from '../pipeline/analyse-stage.js';

/**
 * Load the NLP analyser from the config directory (topics, lexicon, gazetteer, trained model).
 * Imported lazily so processes that only crawl or fetch never load lexicons and models.
 */
export async function loadAnalyser(env: Env, logger: Logger): Promise<Analyser> {
  const { createAnalyser } = await import('../nlp/analyse.js');
  const analyser = createAnalyser({ configDir: env.PULSE_CONFIG_DIR });
  logger.info({ version: analyser.version }, 'NLP analyser loaded');
  return analyser;
}
