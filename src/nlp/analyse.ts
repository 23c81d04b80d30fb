/**
 * The combined analyser: normalise → topics (taxonomy + trained model) and named policies →
 * sentiment (with per-topic sentiment for multi-topic items) → entities and provinces →
 * near-duplicate story. One instance loads config, lexicon and model once and is then pure
 * per item, apart from the story index it feeds (its state can be exported and restored).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Item, ItemLabels } from '../core/item.js';
import { normaliseForMatching, toNfc } from './normalise.js';
import { tokenizeSyllables, type SyllableToken } from './phrase-matcher.js';
import { analyseSentiment, loadSentimentLexicon } from './sentiment/index.js';
import { createEntityExtractor } from './entities/extract.js';
import { loadGazetteer } from './entities/gazetteer.js';
import { createTopicClassifier, type TopicClassifierOptions } from './topics/classify.js';
import { loadTopicModel } from './topics/model.js';
import { compileTaxonomy } from './topics/taxonomy-scorer.js';
import { loadTaxonomy } from './topics/taxonomy-schema.js';
import { createStoryIndex, type StoryIndex, type StoryIndexOptions } from './stories/story-index.js';
import { restoreFastStringPrototype } from './string-prototype.js';
import { clausesPerTopic } from './topic-clauses.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Analyser code version; bump when labels for the same input change. */
export const ANALYSER_VERSION = 'analyse-1';
/** Entities are read from the head of the body: what an article is about is named early. */
const ENTITY_TEXT_SYLLABLES = 1000;
/** Items between two checks that String.prototype is still fast (a module loaded later may have slowed it). */
const STRING_PROTOTYPE_CHECK_EVERY = 4096;

/** Options for {@link createAnalyser}. */
export interface AnalyserOptions {
  /** Directory with topics.yaml, policies.yaml, gazetteer/ and lexicon/. @defaultValue `<repo>/config` */
  configDir?: string;
  /** Trained topic model; `null` = taxonomy only. @defaultValue `<repo>/models/topics.json` when it exists */
  modelPath?: string | null;
  /** Story index to assign into (e.g. one restored from saved state). @defaultValue a new 7-day index */
  storyIndex?: StoryIndex;
  storyIndexOptions?: StoryIndexOptions;
  classifier?: TopicClassifierOptions;
}

/** The analyser. */
export interface Analyser {
  /** `analyse-1+topics-nb-…` (or `+taxonomy`): stored as `ItemLabels.modelVersion`. */
  readonly version: string;
  /** The story index items are assigned to; export its state to persist it. */
  readonly storyIndex: StoryIndex;
  analyse(item: Pick<Item, 'id' | 'title' | 'lead' | 'text' | 'publishedAt'>): ItemLabels;
}

/**
 * Load config, lexicon and model, and return the analyser.
 * @throws ConfigError / Error naming the bad file when any of them is invalid.
 */
export function createAnalyser(opts: AnalyserOptions = {}): Analyser {
  const configDir = resolve(opts.configDir ?? join(REPO_ROOT, 'config'));
  const defaultModel = join(REPO_ROOT, 'models', 'topics.json');
  const modelPath = opts.modelPath === undefined ? (existsSync(defaultModel) ? defaultModel : null) : opts.modelPath;
  const taxonomy = loadTaxonomy(configDir);
  const model = modelPath ? loadTopicModel(modelPath) : null;
  const topics = createTopicClassifier(compileTaxonomy(taxonomy), model, opts.classifier);
  const lexicon = loadSentimentLexicon(join(configDir, 'lexicon'));
  const entities = createEntityExtractor(loadGazetteer(configDir));
  const storyIndex = opts.storyIndex ?? createStoryIndex(opts.storyIndexOptions);
  const version = `${ANALYSER_VERSION}+${model?.version ?? 'taxonomy'}`;
  // Workers import ioredis before creating the analyser; its String subclass would cost every stage ~25 %.
  restoreFastStringPrototype();
  let sinceCheck = 0;

  return {
    version,
    storyIndex,
    analyse(item) {
      if (++sinceCheck >= STRING_PROTOTYPE_CHECK_EVERY) {
        sinceCheck = 0;
        restoreFastStringPrototype();
      }
      // NFC at the boundary; normaliseForMatching keeps lengths, so offsets stay valid for the NFC text.
      const title = toNfc(item.title ?? '');
      const lead = toNfc(item.lead ?? '');
      const text = toNfc(item.text ?? '');
      const normalised = { title: normaliseForMatching(title, true), lead: normaliseForMatching(lead, true), text: normaliseForMatching(text, true) };
      // The whole body: sentiment reads all of it (topics, entities and stories stop early by themselves).
      const tokens = { title: tokenizeSyllables(normalised.title), lead: tokenizeSyllables(normalised.lead), text: tokenizeSyllables(normalised.text) };
      const topicResult = topics.classify(tokens);
      const topicClauses = topicResult.topics.length > 1 ? clausesPerTopic(topicResult.hits, { title, lead, text }) : undefined;
      const sentiment = analyseSentiment({ title, lead, text }, lexicon, topicClauses ? { topicClauses, normalised, syllables: tokens, nfc: true } : { normalised, syllables: tokens, nfc: true });
      const found = entities.extract([tokens.title, tokens.lead, tokens.text.length > ENTITY_TEXT_SYLLABLES ? tokens.text.slice(0, ENTITY_TEXT_SYLLABLES) : tokens.text], [title, lead, text]);
      const story = storyIndex.assign({ id: item.id, title, lead, text, publishedAt: item.publishedAt, places: found.provinces, tokens });
      return {
        modelVersion: version,
        topics: topicResult.topics,
        policies: topicResult.policies,
        sentiment,
        entities: found.entities,
        provinces: found.provinces,
        storyId: story.storyId,
        simhash: story.simhash,
      };
    },
  };
}

/** Tokens of one field (exported for benches and tests that need the same tokenisation). */
export function tokensOf(text: string): SyllableToken[] {
  return tokenizeSyllables(normaliseForMatching(toNfc(text)));
}
