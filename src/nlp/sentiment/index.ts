/** Sentiment for Vietnamese policy news: lexicon loading and item analysis. */
export { analyseSentiment, SENTIMENT_THRESHOLD, type SentimentOptions } from './analyse.js';
export { loadSentimentLexicon, compileLexicon, parseLexiconFile, LexiconError, type SentimentLexicon, type LexiconEntry, type LexiconKind } from './lexicon.js';
