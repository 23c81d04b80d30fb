/** The offline demo: corpus of fictional Vietnamese outlets and the local press server. */
export { buildDemoCorpus, DEFAULT_DEMO_ARTICLES, DEFAULT_DEMO_DAYS, DEFAULT_DEMO_SEED } from './corpus.js';
export { DEMO_OUTLETS, outletById } from './outlets.js';
export { startPressServer, type PressServer, type PressServerOptions } from './press-server.js';
export type { OutletFaults, PressFaults } from './press-faults.js';
export { buildPressSources, LISTING_SELECTORS } from './press-sources.js';
export type { DemoArticle, DemoComment, DemoCorpus, DemoCorpusOptions, DemoEpisode, DemoOutlet, OutletStyle } from './types.js';
